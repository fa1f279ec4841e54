import ArgumentParser
import PackGeneration
import PalisadeCore

/// `palisade generate-controls`: regenerates the embedded control catalogue from `controls/`
/// (for developers).
struct GenerateControlsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-controls",
        abstract:
            "Regenerate \(ControlCatalogGenerator.outputPath) from \(ControlCatalogGenerator.catalogFolder)/ (run from the repository root).",
        shouldDisplay: false
    )

    @Option(help: "The catalogue folder.")
    var controls = ControlCatalogGenerator.catalogFolder

    @Option(help: "The Swift file to write.")
    var output = ControlCatalogGenerator.outputPath

    func run() throws {
        do {
            let source = try ControlCatalogGenerator.render(
                try ControlCatalogGenerator.collect(folder: controls))
            try FileOutput.write(source, toFile: output)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
