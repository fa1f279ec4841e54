import ArgumentParser
import PackGeneration
import PalisadeCore

/// `palisade generate-docs`: regenerates `docs/rules/` from `policies/` (for developers).
struct GenerateDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-docs",
        abstract: "Regenerate \(RuleDocs.outputDirectory)/ from policies/ (run from the repository root).",
        shouldDisplay: false
    )

    @Option(help: "The policies folder.")
    var policies = "policies"

    @Option(help: "The folder to write README.md and one <ID>.md per rule into.")
    var output = RuleDocs.outputDirectory

    func run() throws {
        let pages: [RuleDocs.Page]
        do {
            pages = try RuleDocs.pages(policiesDirectory: policies)
        } catch {
            for problem in error.errors { printError(problem.description) }
            throw ExitCode(2)
        }
        do {
            try FileSystem.createDirectory(output)
            // Pages of rules that no longer exist would otherwise stay behind, stale.
            let wanted = Set(pages.map(\.path))
            for name in try FileSystem.entries(of: output)
            where name.hasSuffix(".md") && !wanted.contains(name) {
                try FileSystem.remove(output + "/" + name)
            }
            for page in pages { try FileOutput.write(page.contents, toFile: output + "/" + page.path) }
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
