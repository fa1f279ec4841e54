import Foundation
import Testing

@testable import PalisadeCore

/// Scans a fixture project's `plan.json` with one rule, beside the project's `.tf` files or
/// from a copy in a directory without them: what the configuration's files add to a plan.
enum ConfigurationScan {
    /// A finding's outcome and severity, or a passed check (severity nil).
    struct Result: Equatable {
        var outcome: Outcome
        var severity: Severity?
    }

    /// The report of `rule` on the plan of `project`, read beside its configuration
    /// (`withConfiguration`) or copied where there is none; an input error is an issue.
    static func report(of rule: String, project: String, withConfiguration: Bool) throws -> ScanReport {
        var plan = project + "/plan.json"
        let directory = withConfiguration ? nil : try ScratchDirectory("configuration-scan")
        if let directory { plan = try directory.copy(plan, as: "plan.json") }
        var options = ScanOptions(paths: [plan], only: [rule], configPath: SourceLocationTests.defaultConfig)
        options.recordsPasses = true
        let report = Scan.run(options).0
        #expect(report.errors.isEmpty, "\(report.errors)")
        return report
    }

    /// The outcome of `rule` on each resource of `project`'s plan (see ``report(of:project:withConfiguration:)``).
    static func outcomes(
        of rule: String, project: String, withConfiguration: Bool
    ) throws -> [String: Outcome] {
        results(of: try report(of: rule, project: project, withConfiguration: withConfiguration)).mapValues(
            \.outcome)
    }

    /// The outcomes of `rule` on a copy of `project` whose configuration was edited since its
    /// plan was made.
    ///
    /// In the copy, `file` (relative to the project) has `text` replaced by `replacement`; the
    /// edit must change the file.
    static func outcomesEdited(
        of rule: String, project: String, file: String, replacing text: String, with replacement: String
    ) throws -> [String: Outcome] {
        try outcomesEdited(of: rule, project: project, file: file, edits: [(text, replacement)])
    }

    /// The outcomes of `rule` on a copy of `project` whose `file` had each edit's `text`
    /// replaced by its `replacement`, in order; each edit must change the file.
    static func outcomesEdited(
        of rule: String, project: String, file: String, edits: [(text: String, replacement: String)]
    ) throws -> [String: Outcome] {
        let directory = try ScratchDirectory("edited-configuration")
        let copy = directory.path + "/project"
        try FileManager.default.copyItem(atPath: project, toPath: copy)
        var contents = try String(contentsOfFile: copy + "/" + file, encoding: .utf8)
        for (text, replacement) in edits {
            let edited = contents.replacingOccurrences(of: text, with: replacement)
            #expect(edited != contents, "\(file) holds no \(text)")
            contents = edited
        }
        try contents.write(toFile: copy + "/" + file, atomically: true, encoding: .utf8)
        return try outcomes(of: rule, project: copy, withConfiguration: true)
    }

    /// The results of `report` by resource address.
    static func results(of report: ScanReport) -> [String: Result] {
        var results: [String: Result] = [:]
        for finding in report.findings {
            results[finding.location.resource ?? ""] = Result(
                outcome: finding.outcome, severity: finding.severity)
        }
        for passed in report.passedChecks { results[passed.location.resource ?? ""] = Result(outcome: .pass) }
        return results
    }
}
