import JSON
import PalisadeCore
import Parallel

/// The `json` format: the versioned report contract of docs/schemas/report.schema.json.
///
/// Field names and order are part of the contract; output is deterministic.
public struct JSONReporter: Reporter {
    /// The contract's version; bumped only on incompatible changes.
    public static let schemaVersion: Int64 = 1

    /// Creates the reporter.
    public init() {}

    /// Renders the report as indented JSON with a trailing newline.
    public func render(_ report: ScanReport) -> String {
        var w = JSONWriter(indent: 2)
        encode(report, into: &w, flushingTo: nil)
        return w.document
    }

    /// Writes the report as ``render(_:)`` does, the findings in batches as they are rendered:
    /// a big plan's report is tens of megabytes, which would otherwise raise the scan's peak
    /// memory above the parsed plan's.
    public func write(_ report: ScanReport, to output: (UnsafeRawBufferPointer) -> Void) {
        var w = JSONWriter(indent: 2)
        // An optional closure parameter counts as escaping; this one is used only during the call.
        withoutActuallyEscaping(output) { encode(report, into: &w, flushingTo: $0) }
        w.finish(to: output)
    }

    /// Writes the report into `w`, handing what is written to `output` after each batch of
    /// findings when there is one.
    private func encode(
        _ report: ScanReport, into w: inout JSONWriter, flushingTo output: ((UnsafeRawBufferPointer) -> Void)?
    ) {
        w.beginObject()
        w.key("schema_version")
        w.int(Self.schemaVersion)
        w.key("tool")
        w.beginObject()
        w.key("name")
        w.string("palisade")
        w.key("version")
        w.string(report.toolVersion)
        w.key("rule_pack")
        w.string(report.rulePack)
        w.endObject()
        w.key("findings")
        w.beginArray()
        // Written on every core in runs of 512, spliced in order and flushed a batch of runs at
        // a time: a big plan has tens of thousands.
        for batch in (0..<report.findings.count).chunks(of: 512 * 8) {
            let runs = batch.chunks(of: 512).parallelMap { [w] run in
                var part = w.elementWriter()
                // Read in place: a copied finding retains its dozen strings and arrays.
                report.findings.withUnsafeBufferPointer { findings in
                    for index in run { write(findings[index], to: &part) }
                }
                return part
            }
            w.appendElements(runs)
            if let output { w.flush(to: output) }
        }
        w.endArray()
        w.key("summary")
        write(report.summary, to: &w)
        w.key("unused_waivers")
        w.beginArray()
        for waiver in report.unusedWaivers {
            w.beginObject()
            writeFields(of: waiver, to: &w)
            w.endObject()
        }
        w.endArray()
        w.key("unused_suppressions")
        w.beginArray()
        for unused in report.unusedSuppressions {
            w.beginObject()
            w.key("file")
            w.string(unused.file)
            w.key("line")
            w.int(Int64(unused.line))
            w.key("rule_ids")
            w.beginArray()
            for id in unused.ruleIDs { w.string(id) }
            w.endArray()
            w.key("unknown_rule_ids")
            w.beginArray()
            for id in unused.unknownRuleIDs { w.string(id) }
            w.endArray()
            w.key("whole_file")
            w.bool(unused.wholeFile)
            w.endObject()
        }
        w.endArray()
        w.key("baseline")
        if let baseline = report.baseline {
            write(baseline, to: &w)
        } else {
            w.null()
        }
        w.key("errors")
        w.beginArray()
        for error in report.errors {
            w.beginObject()
            w.key("file")
            w.string(error.file)
            w.key("line")
            w.int(error.line)
            w.key("column")
            w.int(error.column)
            w.key("message")
            w.string(error.message)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    private func write(_ finding: Finding, to w: inout JSONWriter) {
        w.beginObject()
        w.key("rule_id")
        w.string(finding.ruleID)
        w.key("title")
        w.string(finding.title)
        w.key("severity")
        w.string(finding.severity.rawValue)
        w.key("outcome")
        w.string(finding.outcome.rawValue)
        w.key("category")
        w.string(finding.category)
        w.key("controls")
        writeStrings(finding.controls, to: &w)
        w.key("message")
        w.string(finding.message)
        w.key("remediation")
        w.string(finding.remediation)
        w.key("file")
        w.string(finding.location.file)
        w.key("line")
        w.int(finding.location.line)
        w.key("end_line")
        w.int(finding.location.endLine)
        w.key("column")
        w.int(finding.location.column)
        w.key("resource")
        w.string(finding.location.resource)
        w.key("attribute")
        w.string(finding.location.attribute)
        w.key("action")
        w.string(finding.location.action)
        w.key("source")
        if let source = finding.location.source {
            w.beginObject()
            Self.writeLines(file: source.file, line: source.line, endLine: source.endLine, to: &w)
            // Only for a resource of a downloaded module: most findings have none.
            if let inModule = source.inModule {
                w.key("in_module")
                w.beginObject()
                Self.writeLines(file: inModule.file, line: inModule.line, endLine: inModule.endLine, to: &w)
                w.endObject()
            }
            w.endObject()
        } else {
            w.null()
        }
        w.key("unknown_reason")
        w.string(finding.unknownReason)
        w.key("unknown_values")
        w.beginArray()
        for value in finding.unknownValues {
            w.beginObject()
            w.key("attribute")
            w.string(value.attribute)
            w.key("state")
            w.string(value.state)
            w.key("references")
            writeStrings(value.references, to: &w)
            w.key("resource")
            w.string(value.resource)
            w.endObject()
        }
        w.endArray()
        w.key("references")
        writeStrings(finding.references, to: &w)
        w.key("fingerprint")
        w.string(finding.fingerprint)
        w.key("baseline_state")
        w.string(finding.baselineState?.rawValue)
        w.key("suppression")
        if let note = finding.suppression {
            w.beginObject()
            w.key("file")
            w.string(note.file)
            w.key("line")
            w.int(Int64(note.line))
            w.key("reason")
            w.string(note.reason)
            w.endObject()
        } else {
            w.null()
        }
        w.key("waiver")
        if let applied = finding.waiver {
            w.beginObject()
            writeFields(of: applied.waiver, to: &w)
            w.key("days_left")
            w.int(Int64(applied.daysLeft))
            w.key("expires_soon")
            w.bool(applied.expiresSoon)
            w.endObject()
        } else {
            w.null()
        }
        w.endObject()
    }

    /// The `file`, `line` and `end_line` members of a source object.
    private static func writeLines(file: String, line: Int, endLine: Int, to w: inout JSONWriter) {
        w.key("file")
        w.string(file)
        w.key("line")
        w.int(Int64(line))
        w.key("end_line")
        w.int(Int64(endLine))
    }

    private func write(_ baseline: BaselineComparison, to w: inout JSONWriter) {
        w.beginObject()
        w.key("file")
        w.string(baseline.path)
        w.key("new")
        w.int(Int64(baseline.newCount))
        w.key("existing")
        w.int(Int64(baseline.existingCount))
        w.key("fixed")
        w.beginArray()
        for entry in baseline.fixed {
            w.beginObject()
            w.key("rule_id")
            w.string(entry.ruleID)
            w.key("file")
            w.string(entry.file)
            w.key("resource")
            w.string(entry.resource)
            w.key("attribute")
            w.string(entry.attribute)
            w.key("fingerprint")
            w.string(entry.fingerprint)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    private func writeFields(of waiver: Waiver, to w: inout JSONWriter) {
        Self.writeTerms(of: waiver, to: &w)
        w.key("config_file")
        w.string(waiver.configFile)
        w.key("config_line")
        w.int(Int64(waiver.configLine))
    }

    /// What a waiver says (rule, resource, file, reason, owner, expiry), as every JSON report
    /// writes it.
    static func writeTerms(of waiver: Waiver, to w: inout JSONWriter) {
        w.key("rule")
        w.string(waiver.rule)
        w.key("resource")
        w.string(waiver.resource)
        w.key("file")
        w.string(waiver.file)
        w.key("reason")
        w.string(waiver.reason)
        w.key("owner")
        w.string(waiver.owner)
        w.key("expires")
        w.string(waiver.expires.description)
    }

    private func write(_ summary: ScanSummary, to w: inout JSONWriter) {
        w.beginObject()
        for (key, value) in [
            ("files", summary.files), ("resources", summary.resources), ("rules", summary.rules),
            ("pass", summary.pass), ("fail", summary.fail), ("unknown", summary.unknown),
            ("not_applicable", summary.notApplicable), ("suppressed", summary.suppressed),
            ("superseded", summary.superseded),
        ] {
            w.key(key)
            w.int(Int64(value))
        }
        w.key("by_severity")
        w.beginObject()
        for severity in Severity.allCases {
            w.key(severity.rawValue)
            w.int(Int64(summary.bySeverity[severity] ?? 0))
        }
        w.endObject()
        w.endObject()
    }

    private func writeStrings(_ values: [String], to w: inout JSONWriter) {
        w.beginArray()
        for value in values { w.string(value) }
        w.endArray()
    }
}
