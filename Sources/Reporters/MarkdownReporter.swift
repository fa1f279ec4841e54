import PalisadeCore

/// The `markdown` format: the pull-request comment, read in ten seconds.
///
/// A hidden marker first (a CI step finds and edits its previous comment by it), the verdict
/// with counts by severity, a table of the findings that block the merge, worst first, and the
/// rest in collapsed sections: non-blocking findings, unknowns with their reason, suppressions,
/// input errors and each rule's remediation once. Every input-derived string goes through
/// ``MarkdownText``. The comment stays under ``budget`` characters (GitHub's limit is 65,536) by
/// leaving out the least severe rows, and says how many it left out and where the full report is.
public struct MarkdownReporter: Reporter {
    /// The first line, by which a CI step finds the previous comment.
    public static let marker = "<!-- palisade -->"
    /// The largest comment written, in characters.
    public static let defaultBudget = 60_000

    let settings: ReportSettings
    let budget: Int

    /// Creates the reporter; `budget` is the most characters the comment may have.
    public init(settings: ReportSettings = ReportSettings(), budget: Int = MarkdownReporter.defaultBudget) {
        self.settings = settings
        self.budget = budget
    }

    /// The findings of one table.
    enum Section: Int, CaseIterable {
        case blocking, nonBlocking, unknown, accepted
    }

    /// Renders the comment with a trailing newline.
    public func render(_ report: ScanReport) -> String {
        var rows: [Section: [Finding]] = [:]
        for finding in WorstFirst.sorted(report.findings) {
            rows[section(of: finding), default: []].append(finding)
        }
        var shown = rows
        var text = document(report, rows: shown, dropped: 0)
        // Measured in UTF-16 code units, which never undercount what GitHub counts.
        guard text.utf16.count > budget else { return text }
        // Least severe first: non-blocking rows, then unknowns, then blocking rows, each from
        // their end (the least severe). Rows are dropped in batches estimated from the average
        // row length, so a huge report is re-rendered a few times, not once per row.
        var dropped = 0
        let total = rows.values.reduce(0) { $0 + $1.count }
        while text.utf16.count > budget, dropped < total {
            let excess = text.utf16.count - budget
            let frame = document(report, rows: [:], dropped: dropped).utf16.count
            let average = max(1, (text.utf16.count - frame) / max(1, total - dropped))
            var toDrop = max(1, excess / average + 1)
            for section in [Section.accepted, .nonBlocking, .unknown, .blocking] where toDrop > 0 {
                let removable = min(toDrop, shown[section]?.count ?? 0)
                shown[section]?.removeLast(removable)
                toDrop -= removable
                dropped += removable
            }
            text = document(report, rows: shown, dropped: dropped)
        }
        return text
    }

    private func section(of finding: Finding) -> Section {
        if finding.isAccepted { return .accepted }
        switch finding.outcome {
        case .unknown:
            return settings.unknown == .fail && settings.failOn.fails(finding.severity) ? .blocking : .unknown
        default:
            return settings.failOn.fails(finding.severity) ? .blocking : .nonBlocking
        }
    }

    private func document(_ report: ScanReport, rows: [Section: [Finding]], dropped: Int) -> String {
        var out = Self.marker + "\n"
        out += headline(report) + "\n\n"
        out += counts(report) + "\n"
        if !report.errors.isEmpty {
            out += "\n**Inputs that could not be read** (the gate fails closed):\n\n"
            for error in report.errors { out += "- " + MarkdownText.inline(error.description) + "\n" }
        }
        let blocking = rows[.blocking] ?? []
        if !blocking.isEmpty {
            out += "\n### Blocking findings (\(blocking.count))\n\n"
            out += table(blocking)
        }
        let nonBlocking = rows[.nonBlocking] ?? []
        if !nonBlocking.isEmpty {
            // With `--fail-on never` no finding blocks, and nothing is "below" a threshold.
            let why =
                switch settings.failOn {
                case .never: "not blocking with \(threshold)"
                case .atOrAbove: "below \(threshold)"
                }
            out += collapsed("Non-blocking findings (\(nonBlocking.count)), \(why)", body: table(nonBlocking))
        }
        let unknowns = rows[.unknown] ?? []
        if !unknowns.isEmpty {
            out += collapsed(
                "Cannot be decided from these inputs (\(unknowns.count))",
                body: table(unknowns, reasons: true))
        }
        let accepted = rows[.accepted] ?? []
        if !accepted.isEmpty {
            out += collapsed(
                "Accepted (\(accepted.count)): suppressed, waived or already in the baseline",
                body: acceptedTable(accepted))
        }
        if let baseline = report.baseline {
            out += "\nCompared with the baseline " + MarkdownText.code(baseline.path) + ": "
            out +=
                "**\(baseline.newCount) new**, \(baseline.existingCount) existing, \(baseline.fixed.count) fixed.\n"
            if !baseline.fixed.isEmpty {
                var body = ""
                for entry in baseline.fixed {
                    body += "- " + MarkdownText.code(entry.ruleID) + " "
                    body += MarkdownText.inline(entry.resource ?? entry.file) + "\n"
                }
                out += collapsed("Fixed since the baseline (\(baseline.fixed.count))", body: body)
            }
        }
        let shown = blocking + nonBlocking + unknowns
        if !shown.isEmpty { out += collapsed("How to fix", body: remediations(shown, rules: report.rules)) }
        if dropped > 0 {
            out +=
                "\n> [!NOTE]\n> \(dropped) less severe row(s) were left out to fit the comment size limit. "
            if let url = settings.fullReportURL {
                out += "The full report is in [the CI run](" + url + ")."
            } else {
                out += "The full report is in the CI job's log (`palisade scan --format text`)."
            }
            out += "\n"
        }
        return out
    }

    /// The threshold as inline code; HTML, since it also goes inside `<summary>`, where markdown
    /// is not parsed.
    private var threshold: String {
        switch settings.failOn {
        case .never: "<code>--fail-on never</code>"
        case .atOrAbove(let severity): "<code>\(severity.rawValue)</code>"
        }
    }

    private func headline(_ report: ScanReport) -> String {
        let code = report.exitCode(failOn: settings.failOn, unknown: settings.unknown)
        switch code {
        case 0 where settings.failOn == .never:
            // Nothing could have failed it: the gate only reports.
            return "## ✔ Palisade: passed (report only, \(threshold))"
        case 0:
            return "## ✔ Palisade: passed (fail on \(threshold))"
        case 1:
            return "## ✘ Palisade: blocked (fail on \(threshold))"
        default:
            return "## ✘ Palisade: failed, \(report.errors.count) input(s) could not be read"
        }
    }

    private func counts(_ report: ScanReport) -> String {
        let summary = report.summary
        let severities = Severity.allCases.map { "\($0.rawValue) **\(summary.bySeverity[$0] ?? 0)**" }
        var line = severities.joined(separator: " · ")
        line += " · unknown **\(summary.unknown)**"
        if summary.suppressed > 0 { line += " · suppressed **\(summary.suppressed)**" }
        line += "  \n\(summary.files) file(s), \(summary.resources) resource(s), \(summary.rules) rule(s)"
        line += ", palisade \(MarkdownText.inline(report.toolVersion))"
        return line + "\n"
    }

    private func table(_ findings: [Finding], reasons: Bool = false) -> String {
        var out = "| Severity | Rule | Where | " + (reasons ? "Why it is unknown" : "Finding") + " |\n"
        out += "| --- | --- | --- | --- |\n"
        for finding in findings {
            out +=
                "| " + badge(finding.severity) + " | " + rule(finding.ruleID) + " | " + place(finding) + " | "
            if reasons, let reason = finding.unknownReason {
                // Code only where the backticks are the rule's or the engine's, never an input's.
                out +=
                    finding.unknownReasonMarksCode
                    ? MarkdownText.withCodeSpans(reason) : MarkdownText.inline(reason)
            } else {
                out += MarkdownText.inline(finding.message)
            }
            out += " |\n"
        }
        return out
    }

    /// Accepted findings with who accepted them and why, so a reviewer sees what was let through.
    private func acceptedTable(_ findings: [Finding]) -> String {
        var out = "| Severity | Rule | Where | Accepted because |\n| --- | --- | --- | --- |\n"
        for finding in findings {
            let why: String
            if let applied = finding.waiver {
                let waiver = applied.waiver
                why = "waived: \(waiver.reason) (\(waiver.owner), until \(waiver.expires))"
            } else if let note = finding.suppression {
                why = "suppressed in the source: " + (note.reason.isEmpty ? "(no reason given)" : note.reason)
            } else {
                why = "already in the baseline"
            }
            out +=
                "| " + badge(finding.severity) + " | " + rule(finding.ruleID) + " | " + place(finding) + " | "
            out += MarkdownText.inline(why) + " |\n"
        }
        return out
    }

    /// The severity, bold where it blocks by default; plain text renders everywhere (emoji need
    /// a font the reader may lack).
    private func badge(_ severity: Severity) -> String {
        severity >= .high ? "**\(severity.rawValue)**" : severity.rawValue
    }

    private func rule(_ id: String) -> String {
        guard let url = settings.docsURL(for: id) else { return MarkdownText.code(id) }
        return MarkdownText.link(id, to: url)
    }

    /// The resource address (and attribute) of a plan finding, or `file:line` of a Dockerfile
    /// finding, linked to that line of that commit when the CI environment names them.
    private func place(_ finding: Finding) -> String {
        let physical = PhysicalLocation.of(finding, root: settings.scanRoot)
        if let resource = finding.location.resource {
            var text = MarkdownText.code(resource)
            if let attribute = finding.location.attribute, !attribute.isEmpty {
                text += " → " + MarkdownText.inline(attribute)
            }
            if let physical {
                text += " in " + located(physical)
                // A downloaded module's resource: the line is the call, not where it is written.
                if finding.location.source?.inModule != nil { text += " (the module call)" }
            }
            return text
        }
        guard let physical else { return "standard input" }
        return located(physical)
    }

    /// `path:line`, linked to that line of that commit when the CI environment names them.
    private func located(_ physical: PhysicalLocation) -> String {
        var label = physical.path
        if let start = physical.startLine { label += ":\(start)" }
        if let source = settings.source, physical.isRelative {
            return MarkdownText.link(label, to: source.url(for: physical))
        }
        return MarkdownText.inline(label)
    }

    private func remediations(_ findings: [Finding], rules: [RuleSummary]) -> String {
        var seen = Set<String>()
        var out = ""
        let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for finding in findings where seen.insert(finding.ruleID).inserted {
            let title = byID[finding.ruleID]?.title ?? finding.title
            let remediation = byID[finding.ruleID]?.remediation ?? finding.remediation
            out += "- " + rule(finding.ruleID) + " " + MarkdownText.inline(title) + ": "
            out += MarkdownText.withCodeSpans(remediation) + "\n"
        }
        return out
    }

    private func collapsed(_ summary: String, body: String) -> String {
        "\n<details><summary>\(summary)</summary>\n\n" + body + "\n</details>\n"
    }
}
