import ArgumentParser
import PalisadeCore

/// The `palisade` command: a thin shell over `PalisadeCore`.
@main
struct Palisade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "palisade",
        abstract: "A policy gate for Terraform plans and Dockerfiles.",
        discussion: """
            Exit codes: 0 clean; 1 findings at or above --fail-on; 2 an input, the config or a \
            policy could not be read (the gate fails closed); 64 a usage error.
            """,
        version: PalisadeVersion.current,
        subcommands: [
            ScanCommand.self, ParseCommand.self, RulesCommand.self, ExplainCommand.self, TestCommand.self,
            ConfigCommand.self, GeneratePackCommand.self, BaselineCommand.self, GenerateDocsCommand.self,
            ControlsCommand.self, GenerateControlsCommand.self,
        ]
    )
}

/// Prints `palisade: <message>` on standard error.
func printError(_ message: String) {
    var standardError = StandardError()
    print("palisade: " + message, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileOutput.writeStandardError(string)
    }
}
