import PalisadeCore

/// A report format: turns a ``ScanReport`` into bytes for a file or the terminal.
public protocol Reporter: Sendable {
    /// Renders the whole report.
    func render(_ report: ScanReport) -> String
}

/// The formats `--format` and `--report` accept.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Human-readable text grouped by file and resource.
    case text
    /// The versioned JSON contract (docs/schemas/report.schema.json).
    case json

    /// The reporter for this format; `color` applies to text only.
    public func reporter(color: Bool, showUnknown: Bool = true) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, showUnknown: showUnknown)
        case .json: JSONReporter()
        }
    }
}
