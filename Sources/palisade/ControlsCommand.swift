import ArgumentParser
import PalisadeCore
import Reporters

/// `palisade controls`: lists the control catalogue with the rules covering each control.
struct ControlsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controls",
        abstract:
            "List the controls of NIST SP 800-190, CIS Docker and CIS AWS with the rules that check each.",
        discussion: """
            A control no rule can check from a plan or a Dockerfile is listed as manual; one that \
            could be checked but no rule covers yet as "no rule". Rules the configuration leaves \
            off are marked (off).
            """
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
        let (rulePack, configuration) = try pack.rulePack()
        let catalog: ControlCatalog
        do {
            catalog = try ControlCatalog.builtIn()
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        let enabled = Set(rulePack.selected(configuration: configuration, only: [], skip: []).map(\.id))
        let (frameworks, uncatalogued) = ControlAssessor.assess(
            catalog: catalog, rules: PackRule.rules(from: rulePack.definitions, ran: enabled), evaluations: []
        )
        FileOutput.writeStandardOutput(
            format == "json"
                ? ControlListing.json(frameworks, uncatalogued: uncatalogued)
                : ControlListing.table(frameworks, uncatalogued: uncatalogued))
    }
}
