import PalisadeCore

/// A report format: turns a ``ScanReport`` into bytes for a file or the terminal.
public protocol Reporter: Sendable {
    /// Renders the whole report.
    func render(_ report: ScanReport) -> String

    /// Writes what ``render(_:)`` returns to `output`, in pieces where the format allows, so a
    /// large report need not be held whole in memory.
    func write(_ report: ScanReport, to output: (UnsafeRawBufferPointer) -> Void)
}

extension Reporter {
    /// Writes the rendered report in one piece.
    public func write(_ report: ScanReport, to output: (UnsafeRawBufferPointer) -> Void) {
        var text = render(report)
        text.withUTF8 { output(UnsafeRawBufferPointer($0)) }
    }
}

/// The formats `--format` and `--report` accept.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Human-readable text grouped by file and resource.
    case text
    /// The versioned JSON contract (docs/schemas/report.schema.json).
    case json
    /// SARIF 2.1.0, shaped for GitHub code scanning.
    case sarif
    /// JUnit XML, as Jenkins' `junit` step and GitLab's `artifacts:reports:junit` read it.
    case junit
    /// The pull-request comment.
    case markdown
    /// GitHub Actions workflow commands (annotations on the diff).
    case github
    /// GitLab Code Quality JSON.
    case gitlab
    /// Evidence for auditors, per framework and control (docs/schemas/evidence.schema.json).
    case evidence
    /// The evidence as one self-contained HTML page.
    case evidenceHTML = "evidence-html"

    /// The reporter for this format; `color` applies to text only, `settings` to the formats that
    /// say more than the findings (the verdict, links, the SARIF category).
    public func reporter(
        color: Bool, showUnknown: Bool = true, settings: ReportSettings = ReportSettings()
    ) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, showUnknown: showUnknown)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(settings: settings)
        case .junit: JUnitReporter(settings: settings)
        case .markdown: MarkdownReporter(settings: settings)
        case .github: GitHubReporter(settings: settings)
        case .gitlab: GitLabReporter(settings: settings)
        case .evidence: EvidenceJSONReporter(settings: settings)
        case .evidenceHTML: EvidenceHTMLReporter(settings: settings)
        }
    }

    /// True when the format lists checks that passed, so the scan must record them
    /// (``ScanOptions/recordsPasses``).
    public var needsPassedChecks: Bool { self == .junit }

    /// True when the format reports every evaluation, the inputs' digests and the configuration,
    /// so the scan must record them (``ScanOptions/recordsEvidence``).
    public var needsEvidence: Bool { self == .evidence || self == .evidenceHTML }
}
