import ArgumentParser
import PalisadeCore

/// `palisade test DIR`: runs a custom policy folder's fixtures, for policy authors.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the fixtures of custom policies and compare outcomes with expected.yaml.",
        discussion: """
            DIR holds rule folders laid out like the built-in pack (<ID>/rule.yaml, \
            <ID>/expected.yaml, <ID>/fixtures/<case>/plan.json or Dockerfile), or is one such \
            folder. Exit codes: 0 every fixture passes; 1 some fixture fails; 2 a rule, \
            expected.yaml or the folder cannot be read.
            """
    )

    @Argument(help: "A folder of rule folders, or one rule folder.")
    var directory: String

    func run() throws {
        let results: [PolicyTestResult]
        do {
            results = try PolicyTester.run(folder: directory)
        } catch {
            for problem in error.errors { printError(problem.description) }
            throw ExitCode(2)
        }
        var out = ""
        for result in results {
            out += (result.passed ? "PASS " : "FAIL ") + result.fixture.description + "\n"
            for outcome in result.missing { out += "  missing:    \(outcome)\n" }
            for outcome in result.unexpected { out += "  unexpected: \(outcome)\n" }
            for error in result.errors { out += "  error:      \(error)\n" }
            // Reported, not failed: a custom policy's wording is its author's call.
            for problem in result.wording { out += "  wording:    \(problem)\n" }
        }
        let failed = results.filter { !$0.passed }.count
        out += "\(results.count) fixtures: \(results.count - failed) passed, \(failed) failed\n"
        FileOutput.writeStandardOutput(out)
        if failed > 0 { throw ExitCode(1) }
    }
}
