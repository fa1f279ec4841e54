import ArgumentParser
import PalisadeCore
import Reporters

/// `palisade rules`: lists the built-in and custom rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules: id, severity, status, input and title (or every field as JSON)."
    )

    @Option(help: "Output format: table or json.")
    var format: String = "table"

    @OptionGroup var pack: PackOptions

    func validate() throws {
        guard ["table", "json"].contains(format) else {
            throw ValidationError("--format must be one of: table, json")
        }
    }

    func run() throws {
        let (rulePack, _) = try pack.rulePack()
        let output = format == "json" ? RuleListing.json(rulePack.rules) : RuleListing.table(rulePack.rules)
        FileOutput.writeStandardOutput(output)
    }
}
