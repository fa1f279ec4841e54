import TextDecoding

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

    /// The script a PowerShell command line runs with `-Command` or `-EncodedCommand`.
    ///
    /// `-c`, `-co`, ... any prefix of the parameter, in any case, is `-Command`; the script is
    /// the arguments after it, joined with spaces, as PowerShell joins them. `-e`, `-ec` and
    /// the prefixes of `-encodedcommand` from `-en` take the next argument as base64 of UTF-16LE
    /// text, which hides the script from a reader of the words. Nil for `-File`, no command, or
    /// an encoded command that does not decode.
    public static func script(arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if isCommandParameter(argument) {
                let rest = arguments[(index + 1)...]
                return rest.isEmpty ? nil : rest.joined(separator: " ")
            }
            if isEncodedCommandParameter(argument) {
                return index + 1 < arguments.count ? decodedCommand(arguments[index + 1]) : nil
            }
        }
        return nil
    }

    /// True for `-e`, `-ec` and the prefixes of `-encodedcommand` from `-en`, in any case.
    private static func isEncodedCommandParameter(_ argument: String) -> Bool {
        let lowered = argument.lowercased()
        if lowered == "-e" || lowered == "-ec" { return true }
        return lowered.hasPrefix("-en") && "-encodedcommand".hasPrefix(lowered)
    }

    /// The text of an `-EncodedCommand` argument: base64 of UTF-16LE; nil when it is not.
    static func decodedCommand(_ encoded: String) -> String? {
        guard let bytes = Base64.decoded(encoded), bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        for index in stride(from: 0, to: bytes.count, by: 2) {
            units.append(UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)
        }
        return String(validating: units, as: UTF16.self)
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
        read(scripts).commands
    }

    /// The elements of `scripts` and of the scripts they run in turn, as ``commands(of:)``
    /// numbers them, and their pipeline count.
    public static func read(_ scripts: [String]) -> PowerShellReading {
        var result = PowerShellReading()
        var pipelines = 0
        for script in scripts {
            append(script, runBy: nil, nesting: 0, to: &result, pipelines: &pipelines)
        }
        return result
    }

    private static func append(
        _ text: String, runBy runner: PowerShellCommand?, nesting: Int, to result: inout PowerShellReading,
        pipelines: inout Int
    ) {
        let base = result.commands.count
        let outer = runner.map { [$0.index] + $0.ancestors } ?? []
        let reading = PowerShellScript.read(text)
        let commands = reading.commands.map { command in
            command.renumbered(indexOffset: base, pipelineOffset: pipelines, outerAncestors: outer)
        }
        pipelines += reading.pipelineCount
        result.commands += commands
        result.pipelineCount = pipelines
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
            ancestors: ancestors.map { $0 + indexOffset } + outerAncestors, methods: methods,
            assigns: assigns,
            value: value)
    }
}
