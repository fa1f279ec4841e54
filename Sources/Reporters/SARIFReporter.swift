import JSON
import PalisadeCore

/// The `sarif` format: SARIF 2.1.0 as GitHub code scanning reads it.
///
/// Every rule that ran is in `tool.driver.rules` (so that code scanning can close an alert when
/// its rule passes), results point at their rule by index, carry our fingerprint as a partial
/// fingerprint, and locate files relative to `%SRCROOT%`, the scan root. A plan finding's
/// physical location is the plan file with no region, which SARIF defines as the whole file
/// (§3.29.2), plus a logical location naming the resource.
public struct SARIFReporter: Reporter {
    /// The base id artifact locations are relative to.
    public static let rootBaseID = "%SRCROOT%"
    /// The key of our fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "palisadeFingerprint/v1"

    let settings: ReportSettings

    /// Creates the reporter.
    public init(settings: ReportSettings = ReportSettings()) {
        self.settings = settings
    }

    /// GitHub's numeric `security-severity` for a severity (critical 9.5, high 8.0, medium 5.5,
    /// low 3.0; info below every GitHub band).
    public static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "0.0"
        }
    }

    /// The SARIF level of a finding: errors block by default, unknowns are notes.
    public static func level(_ finding: Finding) -> String {
        finding.outcome == .unknown ? "note" : level(finding.severity)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// Renders the report as indented SARIF with a trailing newline.
    public func render(_ report: ScanReport) -> String {
        var w = JSONWriter(indent: 2)
        w.beginObject()
        w.key("$schema")
        w.string("https://json.schemastore.org/sarif-2.1.0.json")
        w.key("version")
        w.string("2.1.0")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        writeTool(report, to: &w)
        if let category = settings.sarifCategory, !category.isEmpty {
            w.key("automationDetails")
            w.beginObject()
            w.key("id")
            // GitHub takes the text before the last `/` as the category.
            w.string(category.hasSuffix("/") ? category : category + "/")
            w.endObject()
        }
        w.key("originalUriBaseIds")
        w.beginObject()
        w.key(Self.rootBaseID)
        w.beginObject()
        if let root = settings.scanRoot, root.hasPrefix("/") {
            w.key("uri")
            w.string("file://" + URIText.encodedPath(root.hasSuffix("/") ? root : root + "/"))
        }
        w.key("description")
        text("The directory palisade scan ran in; paths are relative to it.", to: &w)
        w.endObject()
        w.endObject()
        writeInvocation(report, to: &w)
        w.key("columnKind")
        w.string("unicodeCodePoints")
        w.key("results")
        w.beginArray()
        let ruleIndex = Dictionary(
            report.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for finding in report.findings {
            writeResult(finding, ruleIndex: ruleIndex[finding.ruleID], to: &w)
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.document
    }

    private func writeTool(_ report: ScanReport, to w: inout JSONWriter) {
        w.key("tool")
        w.beginObject()
        w.key("driver")
        w.beginObject()
        w.key("name")
        w.string("palisade")
        w.key("version")
        w.string(report.toolVersion)
        w.key("semanticVersion")
        w.string(report.toolVersion)
        w.key("properties")
        w.beginObject()
        w.key("rulePack")
        w.string(report.rulePack)
        w.endObject()
        w.key("rules")
        w.beginArray()
        for rule in report.rules { writeRule(rule, to: &w) }
        w.endArray()
        w.endObject()
        w.endObject()
    }

    private func writeRule(_ rule: RuleSummary, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id")
        w.string(rule.id)
        w.key("name")
        w.string(Self.identifier(rule.title))
        w.key("shortDescription")
        text(rule.title, to: &w)
        w.key("fullDescription")
        text(rule.description.isEmpty ? rule.title : rule.description, to: &w)
        if let docs = settings.docsURL(for: rule.id) {
            w.key("helpUri")
            w.string(docs)
        }
        w.key("help")
        w.beginObject()
        w.key("text")
        w.string("Remediation: " + rule.remediation)
        w.key("markdown")
        w.string("**Remediation:** " + rule.remediation)
        w.endObject()
        w.key("defaultConfiguration")
        w.beginObject()
        w.key("level")
        w.string(Self.level(rule.severity))
        w.endObject()
        w.key("properties")
        w.beginObject()
        w.key("tags")
        w.beginArray()
        w.string("security")
        w.string(rule.category)
        for control in rule.controls { w.string(control) }
        w.endArray()
        w.key("security-severity")
        w.string(Self.securitySeverity(rule.severity))
        w.key("precision")
        w.string("high")
        w.endObject()
        w.endObject()
    }

    private func writeInvocation(_ report: ScanReport, to w: inout JSONWriter) {
        w.key("invocations")
        w.beginArray()
        w.beginObject()
        w.key("executionSuccessful")
        w.bool(report.errors.isEmpty)
        w.key("exitCode")
        w.int(Int64(report.exitCode(failOn: settings.failOn, unknown: settings.unknown)))
        w.key("toolExecutionNotifications")
        w.beginArray()
        for error in report.errors {
            w.beginObject()
            w.key("level")
            w.string("error")
            w.key("message")
            text(error.message.replacingLineBreaks(), to: &w)
            if let path = PhysicalLocation.relativePath(error.file, root: settings.scanRoot) {
                w.key("locations")
                w.beginArray()
                w.beginObject()
                w.key("physicalLocation")
                w.beginObject()
                writeArtifact(path, to: &w)
                if let line = error.line, line >= 1 {
                    w.key("region")
                    w.beginObject()
                    w.key("startLine")
                    w.int(Int64(line))
                    if let column = error.column, column >= 1 {
                        w.key("startColumn")
                        w.int(Int64(column))
                    }
                    w.endObject()
                }
                w.endObject()
                w.endObject()
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
    }

    private func writeResult(_ finding: Finding, ruleIndex: Int?, to w: inout JSONWriter) {
        w.beginObject()
        w.key("ruleId")
        w.string(finding.ruleID)
        if let ruleIndex {
            w.key("ruleIndex")
            w.int(Int64(ruleIndex))
        }
        w.key("level")
        w.string(Self.level(finding))
        w.key("message")
        // An unknown's message already says why it cannot be decided.
        text(finding.message, to: &w)
        writeSuppressions(finding, to: &w)
        let physical = PhysicalLocation.of(finding, root: settings.scanRoot)
        if physical != nil || finding.location.resource != nil {
            w.key("locations")
            w.beginArray()
            w.beginObject()
            if let physical {
                w.key("physicalLocation")
                w.beginObject()
                writeArtifact(physical.path, to: &w)
                if let start = physical.startLine {
                    w.key("region")
                    w.beginObject()
                    w.key("startLine")
                    w.int(Int64(start))
                    if let end = physical.endLine, end > start {
                        w.key("endLine")
                        w.int(Int64(end))
                    }
                    w.endObject()
                }
                w.endObject()
            }
            if let resource = finding.location.resource {
                w.key("logicalLocations")
                w.beginArray()
                w.beginObject()
                w.key("fullyQualifiedName")
                w.string(resource)
                w.key("kind")
                w.string("resource")
                w.endObject()
                w.endArray()
            }
            w.endObject()
            w.endArray()
        }
        // A resource of a downloaded module: the result is on the module call, and its line in
        // the module is related.
        if let inModule = finding.location.source?.inModule,
            let path = PhysicalLocation.relativePath(inModule.file, root: settings.scanRoot)
        {
            w.key("relatedLocations")
            w.beginArray()
            w.beginObject()
            w.key("id")
            w.int(1)
            w.key("physicalLocation")
            w.beginObject()
            writeArtifact(path, to: &w)
            w.key("region")
            w.beginObject()
            w.key("startLine")
            w.int(Int64(inModule.line))
            if inModule.endLine > inModule.line {
                w.key("endLine")
                w.int(Int64(inModule.endLine))
            }
            w.endObject()
            w.endObject()
            w.key("message")
            text("where the downloaded module writes it", to: &w)
            w.endObject()
            w.endArray()
        }
        w.key("partialFingerprints")
        w.beginObject()
        w.key(Self.fingerprintKey)
        w.string(finding.fingerprint)
        w.endObject()
        w.key("properties")
        w.beginObject()
        w.key("severity")
        w.string(finding.severity.rawValue)
        w.key("outcome")
        w.string(finding.outcome.rawValue)
        if let attribute = finding.location.attribute {
            w.key("attribute")
            w.string(attribute)
        }
        if let action = finding.location.action {
            w.key("action")
            w.string(action)
        }
        w.endObject()
        w.endObject()
    }

    private func writeArtifact(_ path: String, to w: inout JSONWriter) {
        w.key("artifactLocation")
        w.beginObject()
        w.key("uri")
        if path.hasPrefix("/") {
            w.string("file://" + URIText.encodedPath(path))
        } else {
            w.string(URIText.encodedPath(path))
            w.key("uriBaseId")
            w.string(Self.rootBaseID)
        }
        w.endObject()
    }

    /// A suppressed or waived finding stays in the log with why it was accepted, so code scanning
    /// shows it as dismissed and an auditor sees who accepted it: an inline comment is `inSource`,
    /// a config waiver `external`.
    private func writeSuppressions(_ finding: Finding, to w: inout JSONWriter) {
        let kind: String
        let justification: String
        switch finding.outcome {
        case .suppressed:
            kind = "inSource"
            justification = finding.suppression.map { $0.reason } ?? ""
        case .waived:
            kind = "external"
            justification =
                finding.waiver.map { applied in
                    let waiver = applied.waiver
                    return "\(waiver.reason) (owner \(waiver.owner), expires \(waiver.expires))"
                } ?? ""
        case .pass, .fail, .unknown, .notApplicable:
            return
        }
        w.key("suppressions")
        w.beginArray()
        w.beginObject()
        w.key("kind")
        w.string(kind)
        w.key("status")
        w.string("accepted")
        if !justification.isEmpty {
            w.key("justification")
            w.string(justification)
        }
        w.endObject()
        w.endArray()
    }

    private func text(_ value: String, to w: inout JSONWriter) {
        w.beginObject()
        w.key("text")
        w.string(value)
        w.endObject()
    }

    /// A rule title as an identifier (`S3 bucket ACL grants public access` →
    /// `S3BucketAclGrantsPublicAccess`), SARIF's `reportingDescriptor.name`.
    static func identifier(_ title: String) -> String {
        var out = ""
        for word in title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            out += word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        return out
    }
}

extension String {
    /// The text with CR and LF turned into spaces, for one-line messages.
    func replacingLineBreaks() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
