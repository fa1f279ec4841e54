/// What `powershell` and `pwsh` command lines run, and the PowerShell commands of an
/// instruction's scripts.
public enum PowerShellCommandLine {
    /// How many `powershell -Command` levels inside PowerShell scripts are read.
    static let maximumNesting = 8

    /// True for a program that is Windows PowerShell or PowerShell (`powershell`, `pwsh`, with a
    /// directory or `.exe`, in any case).
    public static func isPowerShell(_ program: String) -> Bool {
        ["powershell", "pwsh"].contains(PowerShellCommand.canonicalName(program))
    }

    /// The script a PowerShell command line runs with `-Command`.
    ///
    /// `-c`, `-co`, ... any prefix of the parameter, in any case, is `-Command`; the script is
    /// the arguments after it, joined with spaces, as PowerShell joins them. Nil for `-File`,
    /// `-EncodedCommand` or no command.
    public static func script(arguments: [String]) -> String? {
        guard let start = arguments.firstIndex(where: isCommandParameter) else { return nil }
        let rest = arguments[(start + 1)...]
        return rest.isEmpty ? nil : rest.joined(separator: " ")
    }

    /// True for `-c` and the longer prefixes of `-command`, in any case.
    private static func isCommandParameter(_ argument: String) -> Bool {
        let lowered = argument.lowercased()
        guard lowered.hasPrefix("-c"), lowered.count <= "-command".count else { return false }
        return "-command".hasPrefix(lowered)
    }

    /// The commands of `scripts` (PowerShell texts) and of the `powershell -Command` lines they
    /// run in turn, numbered as one list: indexes, pipelines and ancestors are distinct across
    /// scripts, and a nested script's commands have the command that runs it as an ancestor.
    public static func commands(of scripts: [String]) -> [PowerShellCommand] {
        var result: [PowerShellCommand] = []
        var pipelines = 0
        for script in scripts {
            append(script, runBy: nil, nesting: 0, to: &result, pipelines: &pipelines)
        }
        return result
    }

    private static func append(
        _ text: String, runBy runner: PowerShellCommand?, nesting: Int, to result: inout [PowerShellCommand],
        pipelines: inout Int
    ) {
        let base = result.count
        let outer = runner.map { [$0.index] + $0.ancestors } ?? []
        let commands = PowerShellScript.commands(text).map { command in
            command.renumbered(indexOffset: base, pipelineOffset: pipelines, outerAncestors: outer)
        }
        pipelines += (commands.map(\.pipeline).max().map { $0 + 1 - pipelines } ?? 0)
        result += commands
        guard nesting < maximumNesting else { return }
        for command in commands where isPowerShell(command.writtenName) {
            if let nested = script(arguments: command.arguments) {
                append(nested, runBy: command, nesting: nesting + 1, to: &result, pipelines: &pipelines)
            }
        }
    }
}

extension PowerShellCommand {
    /// This command with its index and pipeline moved past earlier scripts' commands, and the
    /// commands that run its script added to its ancestors.
    func renumbered(indexOffset: Int, pipelineOffset: Int, outerAncestors: [Int]) -> PowerShellCommand {
        PowerShellCommand(
            writtenName: writtenName, name: name, arguments: arguments, index: index + indexOffset,
            pipeline: pipeline + pipelineOffset, position: position,
            ancestors: ancestors.map { $0 + indexOffset } + outerAncestors, methods: methods)
    }
}
