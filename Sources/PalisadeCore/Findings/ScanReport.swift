/// Counts over a whole run, for the summary of every report format.
public struct ScanSummary: Sendable, Equatable {
    /// Inputs read successfully.
    public var files = 0
    /// Plan resources judged (managed, left in place by the plan).
    public var resources = 0
    /// Rules that ran.
    public var rules = 0
    /// Evaluations that passed.
    public var pass = 0
    /// Evaluations that failed.
    public var fail = 0
    /// Evaluations that could not be decided.
    public var unknown = 0
    /// Evaluations whose rule did not apply.
    public var notApplicable = 0
    /// Failed findings by severity (all five keys always present).
    public var bySeverity: [Severity: Int] = Dictionary(
        uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
    /// Findings silenced by an inline suppression or accepted by a waiver (baseline matches
    /// stay counted and carry ``Finding/baselineState``).
    public var suppressed = 0
    /// Failures not reported because a failure of a rule that supersedes theirs, on the same
    /// subject and element, reports the same problem.
    public var superseded = 0

    /// An empty summary.
    public init() {}
}

/// Metadata of one rule, as reporters show it (SARIF's `tool.driver.rules`, `palisade rules`).
public struct RuleSummary: Sendable, Equatable {
    /// The permanent id.
    public var id: String
    /// The title.
    public var title: String
    /// The headline severity.
    public var severity: Severity
    /// The category.
    public var category: String
    /// `tfplan` or `dockerfile`.
    public var input: String
    /// `active`, `opt-in` or `deprecated`.
    public var status: String
    /// Control ids.
    public var controls: [String]
    /// Equivalent checks of other tools, by tool name.
    public var equivalents: [String: [String]]
    /// The description paragraph.
    public var description: String
    /// How to fix a finding.
    public var remediation: String

    /// Creates a rule summary.
    public init(
        id: String, title: String, severity: Severity, category: String, input: String, status: String,
        controls: [String], equivalents: [String: [String]], description: String, remediation: String
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.category = category
        self.input = input
        self.status = status
        self.controls = controls
        self.equivalents = equivalents
        self.description = description
        self.remediation = remediation
    }
}

/// Everything a reporter needs: findings, summary, errors and the rule catalog.
public struct ScanReport: Sendable {
    /// The tool's version.
    public var toolVersion: String
    /// The rule pack's version and digest, such as `0.1.0+sha256:…`.
    public var rulePack: String
    /// Findings (fail and unknown outcomes that are shown), in report order.
    public var findings: [Finding]
    /// Counts.
    public var summary: ScanSummary
    /// Inputs, configs or policies that could not be read.
    public var errors: [InputError]
    /// The rules that ran.
    public var rules: [RuleSummary]
    /// Waivers in config that matched no finding, so stale ones get cleaned up.
    public var unusedWaivers: [Waiver] = []
    /// The comparison with `--baseline`, or nil without one.
    public var baseline: BaselineComparison?
    /// Inline suppression comments that silenced nothing (warnings; they do not fail the gate).
    public var unusedSuppressions: [UnusedSuppression] = []
    /// Checks that passed, in evaluation order; recorded only when ``ScanOptions/recordsPasses`` is
    /// set (a JUnit report lists them).
    public var passedChecks: [PassedCheck]
    /// What the evidence report needs; nil unless ``ScanOptions/recordsEvidence`` was set.
    public var evidence: ScanEvidence?

    /// Creates a report.
    public init(
        toolVersion: String, rulePack: String, findings: [Finding], summary: ScanSummary,
        errors: [InputError],
        rules: [RuleSummary], passedChecks: [PassedCheck] = []
    ) {
        self.toolVersion = toolVersion
        self.rulePack = rulePack
        self.findings = findings
        self.summary = summary
        self.errors = errors
        self.rules = rules
        self.passedChecks = passedChecks
    }

    /// The gate's exit code: 2 on any error, 1 on a finding at or above the threshold, else 0.
    public func exitCode(failOn: FailThreshold, unknown: UnknownPolicy) -> Int32 {
        if !errors.isEmpty { return 2 }
        // Read in place: a copy of each finding retained its many strings.
        let failing = findings.withUnsafeBufferPointer { findings in
            findings.indices.contains { index in
                // Findings already in the baseline are reported but do not fail the gate.
                guard findings[index].baselineState != .existing else { return false }
                return switch findings[index].outcome {
                case .fail: failOn.fails(findings[index].severity)
                case .unknown: unknown == .fail && failOn.fails(findings[index].severity)
                default: false
                }
            }
        }
        return failing ? 1 : 0
    }
}

/// The version of the palisade tool.
public enum PalisadeVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
