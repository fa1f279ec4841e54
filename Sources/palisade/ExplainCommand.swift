import ArgumentParser
import PalisadeCore

/// `palisade explain ID`: everything about one rule, with its fixtures as worked examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
            "Explain a rule: metadata, rationale, remediation, parameters, a failing and a passing example."
    )

    @Argument(help: "The rule id, e.g. DF001 or AWS-S3-001 (case-insensitive).")
    var id: String

    @Flag(help: "Show every fixture case in full, not one failing and one passing excerpt.")
    var full = false

    @OptionGroup var pack: PackOptions

    func run() throws {
        let (rulePack, _) = try pack.rulePack()
        do {
            let definition = try RuleCatalog.definition(id: id, in: rulePack.definitions)
            let examples = try RuleCatalog.examples(for: definition)
            FileOutput.writeStandardOutput(RuleExplanation.text(definition, examples: examples, full: full))
        } catch let error as UnknownRuleError {
            printError(error.description)
            throw ExitCode(2)
        } catch let error as InputError {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
