extension ShellParser {
    /// Parses the script string of `sh -c '...'`, `bash -c "..."`, `su -c '...'` and the like
    /// (after any wrapper such as `sudo`) as a child buffer whose commands have the context
    /// ``SimpleCommand/Context/shDashC`` and this command as parent.
    ///
    /// The string is parsed when it holds no command substitution: those were already parsed
    /// where they stand, and their output is unknown. Parameter expansions stay as written.
    func parseNestedScript(of identifier: Int, words: [LexedWord]) {
        let argv = words.map { String(decoding: $0.value, as: UTF8.self) }
        guard let commandIndex = SimpleCommand.effectiveCommandIndex(in: argv) else { return }
        let name = SimpleCommand.baseName(argv[commandIndex])
        let script: (index: Int, prefixLength: Int)?
        if ShellSyntax.shells.contains(name) {
            if case .commandString(let index) = Self.scriptSource(argv, after: commandIndex) {
                script = (index, 0)
            } else {
                script = nil
            }
        } else if ShellSyntax.shellRunners.contains(name) {
            script = Self.runnerCommandOperand(argv, after: commandIndex)
        } else {
            script = nil
        }
        guard let script, script.index < words.count else { return }
        let word = words[script.index]
        guard !word.hasSubstitution, word.value.count >= script.prefixLength else { return }
        parseChildBuffer(
            Array(word.value.dropFirst(script.prefixLength)),
            offsets: Array(word.valueOffsets.dropFirst(script.prefixLength)), end: word.end,
            context: .shDashC, parentLink: .command(identifier), openedAt: word.start, construct: "-c script")
    }

    /// Where a shell reads the script it runs.
    enum ScriptSource: Equatable {
        /// The word at this index of argv, after `-c`.
        case commandString(Int)
        /// A script file named by the first operand.
        case file
        /// Standard input: no operand, or `-s`.
        case standardInput
    }

    /// Where the shell invoked as `argv[commandIndex]` reads its script (options such as `-e`,
    /// `-o pipefail`, `-ec` and `--norc` may come first); nil for `-c` without its string.
    static func scriptSource(_ argv: [String], after commandIndex: Int) -> ScriptSource? {
        var index = commandIndex + 1
        var hasCommandOption = false
        var readsStandardInput = false
        while index < argv.count {
            let word = argv[index]
            // `-` is `--`: the options end.
            if word == "--" || word == "-" {
                index += 1
                break
            }
            if word.hasPrefix("--") {
                index += word == "--rcfile" || word == "--init-file" ? 2 : 1
            } else if word.count > 1, word.hasPrefix("-") || word.hasPrefix("+") {
                let letters = word.dropFirst()
                if word.hasPrefix("-"), letters.contains("c") { hasCommandOption = true }
                if word.hasPrefix("-"), letters.contains("s") { readsStandardInput = true }
                index += letters.contains("o") || letters.contains("O") ? 2 : 1
            } else {
                break
            }
        }
        if hasCommandOption { return index < argv.count ? .commandString(index) : nil }
        return readsStandardInput || index >= argv.count ? .standardInput : .file
    }

    /// The word holding the command of `su`/`runuser` (`-c cmd`, `--command cmd`,
    /// `--command=cmd`, `-ccmd`) and how many bytes of option prefix it starts with.
    static func runnerCommandOperand(_ argv: [String], after commandIndex: Int) -> (Int, Int)? {
        var index = commandIndex + 1
        while index < argv.count {
            let word = argv[index]
            if word == "-c" || word == "--command" { return (index + 1, 0) }
            if word.hasPrefix("--command=") { return (index, "--command=".utf8.count) }
            if word.hasPrefix("-c"), !word.hasPrefix("--") { return (index, 2) }
            let takesValue: Set<String> = ["-s", "--shell", "-g", "--group", "-G", "--supp-group", "-w"]
            index += takesValue.contains(word) ? 2 : 1
        }
        return nil
    }
}
