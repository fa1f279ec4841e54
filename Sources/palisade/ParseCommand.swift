import ArgumentParser
import PalisadeCore

/// `palisade parse`: prints the document that policies see.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print, as JSON, the normalised document that policies see for a plan or Dockerfile.",
        discussion: """
            Unknown values show as {"unknown": ...} with their references; sensitive values as \
            "(sensitive)". Use it to write policy expressions.
            """
    )

    @Argument(help: "A Terraform plan JSON file or a Dockerfile; - reads standard input.")
    var file: String

    @Flag(help: "Read and check the input, build the model and index, print nothing.")
    var check = false

    @Option(help: "The Dockerfile stage treated as final (name or index).")
    var target: String?

    func run() throws {
        do {
            let document = try DocumentLoader.load(path: file, target: target)
            // The process exits right after: freeing the tree would only cost time.
            RetainedInputs.keepUntilExit([document])
            if check { return }
            FileOutput.writeStandardOutput(document.jsonText())
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
