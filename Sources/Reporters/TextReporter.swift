import PalisadeCore

/// The `text` format: findings grouped by file and by resource or line, with severity colours on
/// a terminal and undecidable results listed apart with the reason.
public struct TextReporter: Reporter {
    let color: Bool
    let showUnknown: Bool

    /// Creates the reporter; `color` adds ANSI colours (the caller honours `NO_COLOR` and TTYs).
    public init(color: Bool, showUnknown: Bool = true) {
        self.color = color
        self.showUnknown = showUnknown
    }

    /// Renders the report.
    public func render(_ report: ScanReport) -> String {
        var out = ""
        let failures = report.findings.filter { $0.outcome == .fail }
        let unknowns = showUnknown ? report.findings.filter { $0.outcome == .unknown } : []
        for (file, findings) in grouped(failures) {
            out += paint(clean(file), "1") + "\n"
            var lastSubject: String?
            for finding in findings {
                let subject = subject(of: finding)
                if subject != lastSubject {
                    out += "  " + paint(clean(subject), "1") + "\n"
                    lastSubject = subject
                }
                out +=
                    "    " + badge(finding.severity) + " " + clean(finding.ruleID) + " "
                    + clean(finding.title) + baselineMark(finding) + "\n"
                out += "      " + clean(finding.message) + "\n"
                if let source = finding.location.source {
                    out +=
                        "      " + paint("at", "2") + " " + clean(source.file) + ":" + String(source.line)
                        + "\n"
                }
                out += quote(finding)
                if !finding.remediation.isEmpty {
                    out += "      " + paint("fix:", "2") + " " + clean(finding.remediation) + "\n"
                }
            }
            out += "\n"
        }
        if !unknowns.isEmpty {
            out += paint("Cannot be decided before apply (\(unknowns.count)):", "1") + "\n"
            for finding in unknowns {
                out +=
                    "  " + paint("?", "35") + " " + clean(finding.ruleID) + " " + clean(subject(of: finding))
                out += " (" + clean(finding.location.file) + ")\n"
                out += "      " + clean(finding.unknownReason ?? finding.message) + "\n"
            }
            out += "\n"
        }
        let suppressed = report.findings.filter { $0.outcome == .suppressed }
        if !suppressed.isEmpty {
            out += paint("Suppressed in the source (\(suppressed.count)):", "1") + "\n"
            for finding in suppressed {
                out +=
                    "  " + paint("~", "2") + " " + clean(finding.ruleID) + " " + clean(subject(of: finding))
                if let note = finding.suppression {
                    out += " (" + clean(note.file) + ":\(note.line))\n"
                    out += "      " + (note.reason.isEmpty ? "(no reason given)" : clean(note.reason)) + "\n"
                } else {
                    out += " (" + clean(finding.location.file) + ")\n"
                }
            }
            out += "\n"
        }
        let waived = report.findings.filter { $0.outcome == .waived }
        if !waived.isEmpty {
            out += paint("Waived (\(waived.count)):", "1") + "\n"
            for finding in waived {
                out +=
                    "  " + paint("~", "2") + " " + clean(finding.ruleID) + " " + clean(subject(of: finding))
                out +=
                    " ("
                    + clean(finding.location.source.map { "\($0.file):\($0.line)" } ?? finding.location.file)
                out += ")\n"
                if let applied = finding.waiver {
                    let waiver = applied.waiver
                    var until = "until \(waiver.expires)"
                    if applied.expiresSoon {
                        until = paint("expires in \(applied.daysLeft) day(s), on \(waiver.expires)", "33")
                    }
                    out += "      " + clean(waiver.reason) + " (" + clean(waiver.owner) + ", " + until + ")\n"
                }
            }
            out += "\n"
        }
        if !report.unusedWaivers.isEmpty {
            out += paint("Waivers that matched nothing (\(report.unusedWaivers.count)):", "1") + "\n"
            for waiver in report.unusedWaivers {
                let scope = [waiver.resource, waiver.file].compactMap { $0 }.joined(separator: " ")
                out += "  " + clean(waiver.rule) + " " + clean(scope) + " (" + clean(waiver.configFile)
                out += ":\(waiver.configLine))\n"
            }
            out += "\n"
        }
        if let baseline = report.baseline {
            out += paint("Compared with \(clean(baseline.path)):", "1")
            out +=
                " \(baseline.newCount) new, \(baseline.existingCount) existing, \(baseline.fixed.count) fixed\n"
            for entry in baseline.fixed {
                out += "  " + paint("✓", "32") + " " + clean(entry.ruleID) + " "
                out += clean(entry.resource ?? entry.file) + " (fixed)\n"
            }
            out += "\n"
        }
        // Errors go to standard error, one `palisade: FILE:LINE:COL: message` line each (the
        // CLI prints them); the summary line counts them.
        let s = report.summary
        let severities = Severity.allCases.map { "\($0.rawValue) \(s.bySeverity[$0] ?? 0)" }
            .joined(separator: ", ")
        out += "\(s.files) file(s), \(s.resources) resource(s), \(s.rules) rule(s): "
        out += "\(s.fail) failed (\(severities)), \(s.unknown) unknown, \(s.pass) passed"
        if s.suppressed > 0 { out += ", \(s.suppressed) suppressed" }
        if !report.errors.isEmpty { out += ", \(report.errors.count) error(s)" }
        return out + "\n"
    }

    /// The quoted source lines, numbers right-aligned, with a caret under the start of the first.
    private func quote(_ finding: Finding) -> String {
        guard let first = finding.location.line, !finding.snippet.isEmpty else { return "" }
        let width = String(first + finding.snippet.count - 1).count
        var out = ""
        for (offset, line) in finding.snippet.enumerated() {
            let number = String(first + offset)
            let gutter = String(repeating: " ", count: width - number.count) + number + " |"
            out += "      " + paint(gutter, "2") + " " + clean(line) + "\n"
            if offset == 0 {
                // The quoted line's own indentation, tabs included, keeps the caret aligned.
                let indent = String(line.prefix { $0 == " " || $0 == "\t" })
                let blank = String(repeating: " ", count: width) + " |"
                out += "      " + paint(blank, "2") + " " + indent + paint("^", "2") + "\n"
            }
        }
        return out
    }

    /// `text` with control characters shown as `\u{…}` escapes, so that input (a Dockerfile line,
    /// a resource address, a custom rule's message) cannot move the cursor or recolour the
    /// terminal.
    private func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: Self.isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if Self.isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        // C0 (tab kept), DEL and C1, which includes the 8-bit CSI.
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    private func grouped(_ findings: [Finding]) -> [(String, [Finding])] {
        var order: [String] = []
        var groups: [String: [Finding]] = [:]
        for finding in findings {
            if groups[finding.location.file] == nil { order.append(finding.location.file) }
            groups[finding.location.file, default: []].append(finding)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    private func subject(of finding: Finding) -> String {
        if let resource = finding.location.resource {
            var text = resource
            if let attribute = finding.location.attribute, !attribute.isEmpty { text += " → " + attribute }
            if let action = finding.location.action { text += " (\(action))" }
            return text
        }
        guard let line = finding.location.line else { return "(file)" }
        let end = finding.location.endLine ?? line
        return end > line ? "lines \(line)-\(end)" : "line \(line)"
    }

    /// ` [new]` or ` [existing]` when the scan compares with a baseline.
    private func baselineMark(_ finding: Finding) -> String {
        switch finding.baselineState {
        case .new: " " + paint("[new]", "1")
        case .existing: " " + paint("[existing, not failing]", "2")
        case nil: ""
        }
    }

    private func badge(_ severity: Severity) -> String {
        let code: String
        switch severity {
        case .critical: code = "41;97;1"
        case .high: code = "31;1"
        case .medium: code = "33"
        case .low: code = "36"
        case .info: code = "2"
        }
        return paint(severity.rawValue.uppercased().padding(to: 8), code)
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
