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
        for (file, findings) in grouped(failures, by: \.location.file) {
            out += paint(clean(file), "1") + "\n"
            // One header per location: findings of several rules on the same place sit under it,
            // even when the report order puts another location between them.
            for (subject, findings) in grouped(findings, by: { subject(of: $0, withAttribute: false) }) {
                out += "  " + paint(clean(subject), "1") + "\n"
                for finding in findings { out += render(finding) }
            }
            out += "\n"
        }
        if !unknowns.isEmpty {
            out += paint("Cannot be decided (\(unknowns.count)):", "1") + "\n"
            for finding in unknowns {
                out +=
                    "  " + paint("?", "35") + " " + clean(finding.ruleID) + " " + clean(subject(of: finding))
                out += " (" + clean(finding.location.file) + ")\n"
                out += "      " + clean(finding.unknownReason ?? finding.message) + "\n"
                if !finding.references.isEmpty {
                    out +=
                        "      " + paint("depends on:", "2") + " "
                        + clean(finding.references.joined(separator: ", ")) + "\n"
                }
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
        if !report.unusedSuppressions.isEmpty {
            out +=
                paint("Suppression comments that silence nothing (\(report.unusedSuppressions.count)):", "1")
                + "\n"
            for unused in report.unusedSuppressions {
                let form = unused.wholeFile ? "ignore-file" : "ignore"
                out += "  " + clean(unused.file) + ":\(unused.line) " + form + "="
                out += clean(unused.ruleIDs.joined(separator: ",")) + "\n"
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
        return out + summaryLine(report)
    }

    /// One failed finding under its location header.
    private func render(_ finding: Finding) -> String {
        var out =
            "    " + badge(finding.severity) + " " + clean(finding.ruleID) + " " + clean(finding.title)
            + baselineMark(finding) + "\n"
        if finding.location.resource != nil, let attribute = finding.location.attribute, !attribute.isEmpty {
            out += "      " + paint("attribute:", "2") + " " + clean(attribute) + "\n"
        }
        out += "      " + clean(finding.message) + "\n"
        if let source = finding.location.source {
            out += "      " + paint("at", "2") + " " + clean(source.file) + ":" + String(source.line)
            if let inModule = source.inModule {
                out +=
                    " (the module call; in the module at " + clean(inModule.file) + ":"
                    + String(inModule.line) + ")"
            }
            out += "\n"
        }
        out += quote(finding)
        if !finding.remediation.isEmpty {
            out += "      " + paint("fix:", "2") + " " + clean(finding.remediation) + "\n"
        }
        return out
    }

    /// The counts line, errors included.
    ///
    /// Errors go to standard error, one `palisade: FILE:LINE:COL: message` line each (the CLI
    /// prints them); the summary line counts them.
    private func summaryLine(_ report: ScanReport) -> String {
        let s = report.summary
        let severities = Severity.allCases.map { "\($0.rawValue) \(s.bySeverity[$0] ?? 0)" }
            .joined(separator: ", ")
        var out = "\(s.files) file(s), \(s.resources) resource(s), \(s.rules) rule(s): "
        out += "\(s.fail) failed (\(severities)), \(s.unknown) unknown, \(s.pass) passed"
        if s.suppressed > 0 { out += ", \(s.suppressed) suppressed" }
        if s.superseded > 0 { out += ", \(s.superseded) reported by a broader rule" }
        if !report.errors.isEmpty { out += ", \(report.errors.count) error(s)" }
        return out + "\n"
    }

    /// The quoted source lines, numbers right-aligned, with a caret under the offending token.
    private func quote(_ finding: Finding) -> String {
        guard let first = finding.location.line, !finding.snippet.isEmpty else { return "" }
        let width = String(first + finding.snippet.count - 1).count
        var out = ""
        for (offset, line) in finding.snippet.enumerated() {
            let number = String(first + offset)
            let gutter = String(repeating: " ", count: width - number.count) + number + " |"
            out += "      " + paint(gutter, "2") + " " + clean(line) + "\n"
            if offset == 0 {
                // The caret sits under the offending token when the rule names it, else under the
                // instruction; tabs before it are kept so that it stays aligned.
                let caretOffset =
                    finding.location.column.map { $0 - 1 } ?? line.prefix { $0 == " " || $0 == "\t" }.count
                let indent = String(line.prefix(caretOffset).map { $0 == "\t" ? "\t" : " " })
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

    /// Findings grouped by `key`, groups in the order their first finding appears.
    private func grouped(_ findings: [Finding], by key: (Finding) -> String) -> [(String, [Finding])] {
        var order: [String] = []
        var groups: [String: [Finding]] = [:]
        for finding in findings {
            let name = key(finding)
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(finding)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    /// The location header: a resource (and attribute), or a line range.
    ///
    /// Failures are grouped under their resource and each names its attribute, so that one
    /// resource with findings on several attributes has one header.
    private func subject(of finding: Finding, withAttribute: Bool = true) -> String {
        if let resource = finding.location.resource {
            var text = resource
            if withAttribute, let attribute = finding.location.attribute, !attribute.isEmpty {
                text += " → " + attribute
            }
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
