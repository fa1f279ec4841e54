import ArgumentParser
import PackGeneration
import PalisadeCore

/// `palisade generate-pack`: regenerates the embedded rule pack from `policies/` (for developers).
struct GeneratePackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-pack",
        abstract: "Regenerate \(PackGenerator.outputPath) from policies/ (run from the repository root).",
        shouldDisplay: false
    )

    @Option(help: "The policies folder.")
    var policies = "policies"

    @Option(help: "The Swift file to write.")
    var output = PackGenerator.outputPath

    func run() throws {
        do {
            let source = try PackGenerator.render(try RuleFolderFiles.collect(policiesDirectory: policies))
            try FileOutput.write(source, toFile: output)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
