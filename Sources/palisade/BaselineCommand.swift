import ArgumentParser
import PalisadeCore
import Reporters

/// `palisade baseline`: baselines for adopting the gate on an existing codebase.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Make a baseline report for `palisade scan --baseline`.",
        subcommands: [BaselineCreateCommand.self]
    )
}

/// `palisade baseline create`: scans and writes the JSON report that later scans compare with.
struct BaselineCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Scan and write the JSON report used as a baseline; exit 0 unless an input cannot be read.",
        discussion: """
            Findings are matched by fingerprint (rule, resource address or normalised instruction, \
            never line numbers), so moving lines or reordering resources keeps them matched.
            """
    )

    @Argument(help: "Files, directories, or - for standard input.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write the baseline here instead of standard output.")
    var output: String?

    @Option(name: .customLong("policies"), help: "A folder of custom policies (repeatable).")
    var policyFolders: [String] = []

    @Option(help: "The Dockerfile stage treated as final (name or index).")
    var target: String?

    @Option(name: .customLong("config"), help: "Use this config file instead of the nearest .palisade.yaml.")
    var configPath: String?

    @Option(name: .customLong("source"), help: "The Terraform configuration directory (default: the plan's).")
    var sourceDirectory: String?

    func run() throws {
        var options = ScanOptions(
            paths: paths, unknown: .warn, policyFolders: policyFolders, target: target, configPath: configPath
        )
        options.sourceDirectory = sourceDirectory
        options.releasesInputs = false
        let (report, _) = Scan.run(options)
        for error in report.errors { printError(error.description) }
        guard report.errors.isEmpty else { throw ExitCode(2) }
        let text = JSONReporter().render(report)
        if let output {
            do {
                try FileOutput.write(text, toFile: output)
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
        } else {
            FileOutput.writeStandardOutput(text)
        }
    }
}
