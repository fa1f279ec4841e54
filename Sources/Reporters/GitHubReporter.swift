import PalisadeCore

/// The `github` format: GitHub Actions workflow commands, which GitHub turns into annotations on
/// the pull request's diff with no token and no API call.
///
/// One command per finding not accepted (suppressed, waived or in the baseline): `error` for critical and high, `warning` for medium, low and info,
/// `notice` for unknowns. GitHub shows only the first ten errors and ten warnings of a step, so
/// findings come worst first, and a final `::notice::` says how many there are in all.
public struct GitHubReporter: Reporter {
    let settings: ReportSettings

    /// Creates the reporter.
    public init(settings: ReportSettings = ReportSettings()) {
        self.settings = settings
    }

    /// The workflow command for a finding.
    public static func command(_ finding: Finding) -> String {
        if finding.outcome == .unknown { return "notice" }
        switch finding.severity {
        case .critical, .high: return "error"
        case .medium, .low, .info: return "warning"
        }
    }

    /// Renders one workflow command per line, worst first, then the summary notice.
    public func render(_ report: ScanReport) -> String {
        var out = ""
        // Accepted findings (suppressed, waived, in the baseline) are not annotated on the diff;
        // the summary counts them and the other formats list them.
        for finding in WorstFirst.sorted(report.findings) where !finding.isAccepted {
            var properties: [String] = []
            if let physical = PhysicalLocation.of(finding, root: settings.scanRoot) {
                properties.append("file=" + Self.escapeProperty(physical.path))
                if let start = physical.startLine {
                    properties.append("line=\(start)")
                    if let end = physical.endLine, end > start { properties.append("endLine=\(end)") }
                }
            }
            properties.append(
                "title="
                    + Self.escapeProperty("\(finding.ruleID) \(finding.title) [\(finding.severity.rawValue)]")
            )
            var message = finding.message
            if let resource = finding.location.resource, !message.contains(resource) {
                message = resource + ": " + message
            }
            if !finding.remediation.isEmpty { message += "\nFix: " + finding.remediation }
            out += "::\(Self.command(finding)) \(properties.joined(separator: ","))::"
            out += Self.escapeData(message) + "\n"
        }
        let failures = report.findings.filter { $0.outcome == .fail && !$0.isAccepted }
        let unknowns = report.findings.filter { $0.outcome == .unknown && !$0.isAccepted }.count
        let accepted = report.findings.filter(\.isAccepted).count
        let counts = Severity.allCases.compactMap { severity -> String? in
            let count = failures.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }
        var summary = "palisade: \(failures.count) finding(s)"
        if !counts.isEmpty { summary += " (" + counts.joined(separator: ", ") + ")" }
        summary += ", \(unknowns) unknown, \(accepted) accepted, \(report.errors.count) input error(s)"
        let code = report.exitCode(failOn: settings.failOn, unknown: settings.unknown)
        summary += code == 0 ? "; the gate passes" : "; the gate fails"
        summary += " (--fail-on \(settings.failOn)). GitHub shows at most 10 errors and 10 warnings"
        summary += " per step; every finding is in this log."
        out += "::notice title=palisade summary::" + Self.escapeData(summary) + "\n"
        return out
    }

    /// A command's message: `%`, CR and LF escaped as GitHub's runner unescapes them.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A command's property value: as ``escapeData(_:)``, and `:` and `,` too.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
