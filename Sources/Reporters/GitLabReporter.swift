import JSON
import PalisadeCore

/// The `gitlab` format: GitLab Code Quality JSON, which the merge-request widget shows.
///
/// An array of issues with `description`, `check_name`, `fingerprint`, `severity` in GitLab's
/// vocabulary and `location.path` with `location.lines.begin`. GitLab requires a line; a plan
/// finding has none yet (see ``PhysicalLocation``), so it is placed on line 1, standing for the
/// whole plan file, and its description names the resource.
public struct GitLabReporter: Reporter {
    let settings: ReportSettings

    /// Creates the reporter.
    public init(settings: ReportSettings = ReportSettings()) {
        self.settings = settings
    }

    /// GitLab's severity for ours: critical is a blocker, high critical, medium major, low minor.
    public static func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "blocker"
        case .high: "critical"
        case .medium: "major"
        case .low: "minor"
        case .info: "info"
        }
    }

    /// Renders the report as an indented JSON array with a trailing newline.
    public func render(_ report: ScanReport) -> String {
        var w = JSONWriter(indent: 2)
        w.beginArray()
        // Accepted findings (suppressed, waived, in the baseline) are not issues for the merge request.
        for finding in report.findings where !finding.isAccepted {
            w.beginObject()
            w.key("type")
            w.string("issue")
            w.key("check_name")
            w.string(finding.ruleID)
            w.key("description")
            w.string(description(finding))
            w.key("content")
            w.beginObject()
            w.key("body")
            w.string(finding.remediation.isEmpty ? finding.title : "Remediation: " + finding.remediation)
            w.endObject()
            w.key("categories")
            w.beginArray()
            w.string("Security")
            w.endArray()
            w.key("fingerprint")
            w.string(finding.fingerprint)
            w.key("severity")
            // An unknown is information unless `--unknown fail` makes it block.
            w.string(
                finding.outcome == .unknown && settings.unknown != .fail
                    ? "info" : Self.severity(finding.severity))
            let physical = PhysicalLocation.of(finding, root: settings.scanRoot)
            w.key("location")
            w.beginObject()
            w.key("path")
            w.string(physical?.path ?? "-")
            w.key("lines")
            w.beginObject()
            let begin = physical?.startLine ?? 1
            w.key("begin")
            w.int(Int64(begin))
            w.key("end")
            w.int(Int64(physical?.endLine ?? begin))
            w.endObject()
            w.endObject()
            w.endObject()
        }
        w.endArray()
        return w.document
    }

    private func description(_ finding: Finding) -> String {
        var text = "\(finding.ruleID) \(finding.title): \(finding.message)"
        if let resource = finding.location.resource, !finding.message.contains(resource) {
            text += " (\(resource))"
        }
        return text.replacingLineBreaks()
    }
}
