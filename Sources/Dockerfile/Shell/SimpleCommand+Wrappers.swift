extension SimpleCommand {
    /// How a wrapper command (`sudo`, `env`, `xargs`, ...) is followed by the command it runs.
    struct WrapperSyntax: Sendable {
        /// One-letter options that take a value, attached (`-uroot`) or in the next word.
        let shortOptionsWithValue: Set<Character>
        /// Long options (without `--`) that take a value in the next word unless given `=value`.
        let longOptionsWithValue: Set<String>
        /// Operands before the wrapped command (`timeout 10 cmd`, `gosu user cmd`).
        let operands: Int
        /// Whether `NAME=value` words may precede the wrapped command (`sudo X=1 cmd`).
        let acceptsAssignments: Bool

        init(
            short: String = "", long: Set<String> = [], operands: Int = 0, assignments: Bool = false
        ) {
            self.shortOptionsWithValue = Set(short)
            self.longOptionsWithValue = long
            self.operands = operands
            self.acceptsAssignments = assignments
        }
    }

    /// Commands that run another command given as their remaining arguments.
    static let wrappers: [String: WrapperSyntax] = [
        "sudo": WrapperSyntax(
            short: "ugpCDrtTUR",
            long: [
                "user", "group", "prompt", "close-from", "chdir", "chroot", "role", "type",
                "command-timeout", "other-user", "host",
            ],
            assignments: true),
        "doas": WrapperSyntax(short: "uC"),
        "env": WrapperSyntax(short: "uSC", long: ["unset", "chdir", "split-string"], assignments: true),
        "exec": WrapperSyntax(short: "a"),
        "nice": WrapperSyntax(short: "n", long: ["adjustment"]),
        "ionice": WrapperSyntax(short: "cnpP", long: ["class", "classdata", "pid", "pgid", "uid"]),
        "xargs": WrapperSyntax(
            short: "ILnPsdEa",
            long: ["arg-file", "delimiter", "max-args", "max-procs", "max-chars", "process-slot-var"]),
        "timeout": WrapperSyntax(short: "sk", long: ["signal", "kill-after"], operands: 1),
        "nohup": WrapperSyntax(),
        "time": WrapperSyntax(short: "fo", long: ["format", "output"]),
        "command": WrapperSyntax(),
        "builtin": WrapperSyntax(),
        "stdbuf": WrapperSyntax(short: "ioe", long: ["input", "output", "error"]),
        "eatmydata": WrapperSyntax(),
        "fakeroot": WrapperSyntax(short: "lsi", long: ["lib", "faked"]),
        "chronic": WrapperSyntax(),
        "unbuffer": WrapperSyntax(),
        "setsid": WrapperSyntax(),
        "gosu": WrapperSyntax(operands: 1),
        "su-exec": WrapperSyntax(operands: 1),
        "chroot": WrapperSyntax(long: ["userspec", "groups"], operands: 1),
        "busybox": WrapperSyntax(),
    ]

    /// The index of the command that actually runs in `argv` (see ``effectiveCommandIndex``).
    static func effectiveCommandIndex(in argv: [String]) -> Int? {
        guard !argv.isEmpty else { return nil }
        var index = 0
        while let syntax = Self.wrappers[Self.baseName(argv[index])] {
            let next = Self.skipWrapperArguments(argv, after: index, syntax: syntax)
            guard next < argv.count else { return index }
            index = next
        }
        return index
    }

    /// ``argv`` from ``effectiveCommandIndex`` on: `sudo -E apt-get install x` gives `apt-get …`.
    ///
    /// Empty when ``argv`` is empty.
    public var effectiveArgv: [String] {
        guard let index = effectiveCommandIndex else { return [] }
        return index == 0 ? argv : Array(argv[index...])
    }

    /// The name of the command that actually runs (``effectiveArgv`` first word, path removed).
    public var effectiveName: String? {
        effectiveArgv.first.map(Self.baseName)
    }

    /// The index of the first word after the wrapper at `index`, its options and operands.
    private static func skipWrapperArguments(
        _ argv: [String], after index: Int, syntax: WrapperSyntax
    )
        -> Int
    {
        var next = index + 1
        var operandsLeft = syntax.operands
        while next < argv.count {
            let word = argv[next]
            if word == "--" { return next + 1 }
            if word.hasPrefix("--") {
                let name = String(word.dropFirst(2).prefix { $0 != "=" })
                let needsNextWord = !word.contains("=") && syntax.longOptionsWithValue.contains(name)
                next += needsNextWord ? 2 : 1
            } else if word.hasPrefix("-"), word.count > 1 {
                next += shortClusterConsumesNextWord(word, syntax.shortOptionsWithValue) ? 2 : 1
            } else if syntax.acceptsAssignments, ShellSyntax.isAssignment(word) {
                next += 1
            } else if operandsLeft > 0 {
                operandsLeft -= 1
                next += 1
            } else {
                return next
            }
        }
        return next
    }

    /// Whether the option cluster `word` (`-uE`, `-n5`) ends with a letter whose value is the
    /// next word.
    private static func shortClusterConsumesNextWord(
        _ word: String, _ withValue: Set<Character>
    )
        -> Bool
    {
        let letters = word.dropFirst()
        guard let first = letters.firstIndex(where: withValue.contains) else { return false }
        return letters.index(after: first) == letters.endIndex
    }
}
