import ArgumentParser
import PalisadeCore
import Reporters

/// `palisade scan`: the gate.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan Terraform plan JSON and Dockerfiles; exit 1 on findings at or above --fail-on.",
        discussion: """
            PATH may be a file (plan or Dockerfile, decided by content), a directory (plans found \
            by content among *.json, Dockerfiles by name) or - for standard input, e.g. \
            `terraform show -json tfplan | palisade scan -`. The exit code never depends on the \
            formats chosen.
            """
    )

    @Argument(help: "Files, directories, or - for standard input.")
    var paths: [String]

    @Option(
        help: "Format on standard output: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "text"

    @Option(
        name: .customLong("report"),
        help: "Also write FORMAT to PATH, atomically (repeatable), e.g. --report sarif=palisade.sarif.")
    var reports: [String] = []

    @Option(
        name: .customLong("sarif-category"),
        help: "SARIF automationDetails.id, so that several uploads in one workflow stay apart.")
    var sarifCategory: String?

    @Option(
        name: .customLong("fail-on"),
        help: "Lowest severity that fails: critical, high, medium, low, info, never.")
    var failOn: String?

    @Option(help: "What unknown results do: pass (hide), warn (show), fail (count as failures).")
    var unknown: String?

    @Option(name: .customLong("policies"), help: "A folder of custom policies (repeatable).")
    var policyFolders: [String] = []

    @Option(name: .customLong("only"), help: "Run only these rule ids (comma-separated, repeatable).")
    var only: [String] = []

    @Option(name: .customLong("skip"), help: "Skip these rule ids (comma-separated, repeatable).")
    var skip: [String] = []

    @Flag(
        name: .customLong("changed-only"),
        help: "Judge only resources this plan creates, updates or replaces.")
    var changedOnly = false

    @Option(help: "The Dockerfile stage treated as final (name or index).")
    var target: String?

    @Option(name: .customLong("config"), help: "Use this config file instead of the nearest .palisade.yaml.")
    var configPath: String?

    @Option(
        name: .customLong("exclude"),
        help: "Skip files and folders matching this glob while walking a directory (repeatable).")
    var excludes: [String] = []

    @Option(
        name: .customLong("source"),
        help:
            "The Terraform configuration directory plan findings are located in (default: the plan's directory)."
    )
    var sourceDirectory: String?

    @Option(
        name: .customLong("baseline"),
        help: "An earlier JSON report: its findings are reported as existing and do not fail the gate.")
    var baselinePath: String?

    static var formatNames: String { ReportFormat.allCases.map(\.rawValue).joined(separator: ", ") }

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be one of: \(Self.formatNames)")
        }
        for report in reports {
            guard let request = ReportRequest(flag: report) else {
                throw ValidationError(
                    "--report must be FORMAT=PATH, e.g. sarif=palisade.sarif (got '\(report)')")
            }
            guard ReportFormat(rawValue: request.format) != nil else {
                throw ValidationError(
                    "--report format '\(request.format)' must be one of: \(Self.formatNames)")
            }
        }
        if let failOn, FailThreshold(failOn) == nil {
            throw ValidationError("--fail-on must be one of: critical, high, medium, low, info, never")
        }
        if let unknown, UnknownPolicy(rawValue: unknown) == nil {
            throw ValidationError("--unknown must be one of: pass, warn, fail")
        }
    }

    func run() throws {
        var options = ScanOptions(
            paths: paths, failOn: failOn.flatMap(FailThreshold.init),
            unknown: unknown.flatMap(UnknownPolicy.init(rawValue:)),
            policyFolders: policyFolders, only: only.flatMap(splitIDs), skip: skip.flatMap(splitIDs),
            changedOnly: changedOnly, target: target, configPath: configPath)
        options.excludes = excludes
        options.sourceDirectory = sourceDirectory
        options.baselinePath = baselinePath
        options.releasesInputs = false
        // Read once: the id check and the config's `reports:` (which decide whether passed checks
        // are recorded) use it before the scan; an unreadable config is reported by the scan.
        let loaded = Result { () throws(InputError) in try Scan.configuration(for: options) }
        try checkRuleIDs(options, configuration: try? loaded.get())
        let configReports = (try? loaded.get())?.reports ?? []
        let requests = reports.compactMap { ReportRequest(flag: $0) } + configReports
        var formatErrors: [InputError] = []
        var outputs: [(ReportFormat, String?)] = [(ReportFormat(rawValue: format)!, nil)]
        for request in requests {
            guard let requested = ReportFormat(rawValue: request.format) else {
                var error = request.origin ?? InputError(file: "--report", message: "")
                error.message = "unknown report format '\(request.format)'; one of: \(Self.formatNames)"
                formatErrors.append(error)
                continue
            }
            outputs.append((requested, request.path))
        }
        options.recordsPasses = outputs.contains { $0.0.needsPassedChecks }
        options.recordsEvidence = outputs.contains { $0.0.needsEvidence }
        var runFacts = RunFacts()
        if options.recordsEvidence {
            do {
                runFacts = try RunFactsProbe.collect(scanRoot: FileSystem.currentDirectory())
                // Waivers are judged on the run's day, which SOURCE_DATE_EPOCH may fix.
                options.today = runFacts.day
            } catch {
                formatErrors.append(error)
            }
        }
        var (report, configuration) = PhaseTimings.measure("scan") {
            Scan.run(options, configuration: loaded)
        }
        RuleCosts.report()
        report.errors += formatErrors
        var settings = ReportSettings(
            failOn: configuration.failOn, unknown: configuration.unknown,
            scanRoot: FileSystem.currentDirectory(), sarifCategory: sarifCategory,
            source: SourceLinks.fromEnvironment(FileOutput.environment),
            fullReportURL: SourceLinks.runURL(fromEnvironment: FileOutput.environment),
            ruleDocsURL: configuration.ruleDocsURL)
        settings.runFacts = runFacts
        let color =
            format == "text" && FileOutput.isTerminal(1)
            && FileOutput.environment("NO_COLOR").map(\.isEmpty) ?? true
        var writeErrors: [InputError] = []
        var digests: [String] = []
        for (outputFormat, path) in outputs {
            let reporter = outputFormat.reporter(
                color: path == nil && color, showUnknown: configuration.unknown != .pass, settings: settings)
            guard let path else {
                PhaseTimings.measure("render \(outputFormat.rawValue) and write") {
                    reporter.write(report) { FileOutput.writeStandardOutput($0) }
                }
                continue
            }
            let text = PhaseTimings.measure("render \(outputFormat.rawValue)") { reporter.render(report) }
            do {
                try ReportFile.write(text, to: path)
                // For the CI log: ties the evidence file an auditor receives to this run.
                if outputFormat.needsEvidence {
                    digests.append("\(outputFormat.rawValue) report \(path) sha256:\(SHA256.hex(text))")
                }
            } catch {
                writeErrors.append(error)
            }
        }
        // Every format: scripts and CI logs read errors from standard error, one line each.
        for error in report.errors + writeErrors { printError(error.description) }
        for digest in digests { printError(digest) }
        // Warnings only: a stale suppression hides nothing, but it should not rot unnoticed.
        for unused in report.unusedSuppressions { printError(unused.description) }
        var code = report.exitCode(failOn: configuration.failOn, unknown: configuration.unknown)
        if !writeErrors.isEmpty { code = 2 }
        if code != 0 { throw ExitCode(code) }
    }

    /// Exits 64 when an id in --only, --skip or the config's enable/disable names no rule.
    private func checkRuleIDs(_ options: ScanOptions, configuration: Configuration?) throws {
        // An unreadable config is reported by the scan itself, with its location.
        guard let configuration else { return }
        let problems = RuleIDCheck.problems(
            only: options.only, skip: options.skip, configuration: configuration)
        guard !problems.isEmpty else { return }
        for problem in problems { printError(problem) }
        throw ExitCode(64)
    }

    private func splitIDs(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingCharacters() }.filter { !$0.isEmpty }
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
