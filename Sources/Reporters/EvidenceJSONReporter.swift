import JSON
import PalisadeCore

/// The `evidence` format: one run as evidence for auditors, per framework and control
/// (docs/schemas/evidence.schema.json, docs/evidence.md).
///
/// Deterministic: the same inputs, configuration and run facts give the same bytes.
public struct EvidenceJSONReporter: Reporter {
    /// The contract's version; bumped only on incompatible changes.
    public static let schemaVersion: Int64 = 1

    let settings: ReportSettings

    /// Creates the reporter; `settings` carry the gate, the scan root and the run facts.
    public init(settings: ReportSettings = ReportSettings()) {
        self.settings = settings
    }

    /// Renders the evidence as indented JSON with a trailing newline.
    public func render(_ report: ScanReport) -> String {
        let model = EvidenceModel(report: report, settings: settings)
        var w = JSONWriter(indent: 2)
        w.beginObject()
        w.key("schema_version")
        w.int(Self.schemaVersion)
        w.key("report")
        w.string("palisade-evidence")
        w.key("run")
        writeRun(model, to: &w)
        w.key("gate")
        w.beginObject()
        w.key("result")
        w.string(model.gate.result)
        w.key("exit_code")
        w.int(Int64(model.gate.exitCode))
        w.key("fail_on")
        w.string(settings.failOn.description)
        w.key("unknown")
        w.string(settings.unknown.rawValue)
        w.endObject()
        w.key("inputs")
        w.beginArray()
        for input in model.evidence.inputs {
            w.beginObject()
            w.key("path")
            w.string(model.relative(input.path))
            w.key("kind")
            w.string(input.kind)
            w.key("bytes")
            w.int(Int64(input.size))
            w.key("sha256")
            w.string(input.sha256)
            w.endObject()
        }
        w.endArray()
        w.key("summary")
        writeSummary(model, to: &w)
        w.key("frameworks")
        w.beginArray()
        for framework in model.frameworks { write(framework, to: &w) }
        w.endArray()
        w.key("rules")
        w.beginArray()
        for rule in model.ranRules { write(rule, model: model, to: &w) }
        w.endArray()
        w.key("uncatalogued_controls")
        w.beginArray()
        for entry in model.uncatalogued {
            w.beginObject()
            w.key("reference")
            w.string(entry.reference)
            w.key("rules")
            writeStrings(entry.ruleIDs, to: &w)
            w.endObject()
        }
        w.endArray()
        w.key("waivers")
        w.beginArray()
        for (waiver, inForce, used) in model.waivers {
            w.beginObject()
            JSONReporter.writeTerms(of: waiver, to: &w)
            w.key("in_force")
            w.bool(inForce)
            w.key("matched")
            w.bool(used)
            w.key("config_file")
            w.string(model.relative(waiver.configFile))
            w.key("config_line")
            w.int(Int64(waiver.configLine))
            w.endObject()
        }
        w.endArray()
        w.key("suppressions")
        w.beginArray()
        for record in model.suppressions {
            w.beginObject()
            w.key("rule_id")
            w.string(record.ruleID)
            w.key("subject")
            w.string(model.subject(record.location))
            w.key("file")
            w.string(record.suppression.map { model.relative($0.file) })
            w.key("line")
            w.int(record.suppression?.line)
            w.key("reason")
            w.string(record.suppression?.reason)
            w.key("fingerprint")
            w.string(record.fingerprint)
            w.endObject()
        }
        w.endArray()
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
        for problem in model.problems {
            w.beginObject()
            w.key("file")
            w.string("evidence")
            w.key("line")
            w.null()
            w.key("column")
            w.null()
            w.key("message")
            w.string(problem)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.document
    }

    private func writeRun(_ model: EvidenceModel, to w: inout JSONWriter) {
        let facts = settings.runFacts
        w.beginObject()
        w.key("time")
        w.string(facts.timestamp)
        w.key("time_source")
        w.string(facts.timeSource)
        w.key("tool")
        w.beginObject()
        w.key("name")
        w.string("palisade")
        w.key("version")
        w.string(model.report.toolVersion)
        w.endObject()
        w.key("rule_pack")
        w.beginObject()
        w.key("version")
        w.string(model.packVersion)
        w.key("sha256")
        w.string(model.evidence.packDigest)
        w.endObject()
        w.key("policy_folders")
        w.beginArray()
        for folder in model.evidence.policyFolders {
            w.beginObject()
            w.key("path")
            w.string(model.relative(folder.path))
            w.key("files")
            w.int(Int64(folder.files))
            w.key("sha256")
            w.string(folder.sha256)
            w.endObject()
        }
        w.endArray()
        w.key("configuration")
        w.beginObject()
        w.key("file")
        w.string(model.evidence.configuration.source.map(model.relative))
        w.key("file_sha256")
        w.string(model.evidence.configurationFileDigest)
        w.key("effective")
        w.string(model.configurationText)
        w.key("sha256")
        w.string(model.configurationDigest)
        w.endObject()
        w.key("command_line")
        writeStrings(facts.commandLine, to: &w)
        w.key("git")
        w.beginObject()
        w.key("state")
        w.string(facts.git.state.rawValue)
        w.key("commit")
        w.string(facts.git.commit)
        w.key("branch")
        w.string(facts.git.branch)
        w.key("remote")
        w.string(facts.git.remote)
        w.endObject()
        w.key("ci")
        if let ci = facts.ci {
            w.beginObject()
            w.key("provider")
            w.string(ci.provider)
            w.key("run_url")
            w.string(ci.url)
            w.endObject()
        } else {
            w.null()
        }
        w.endObject()
    }

    private func writeSummary(_ model: EvidenceModel, to w: inout JSONWriter) {
        w.beginObject()
        w.key("evaluations")
        write(model.totals, to: &w)
        w.key("accepted")
        w.string(EvidenceModel.acceptedNote)
        w.key("frameworks")
        w.beginArray()
        for framework in model.frameworks {
            w.beginObject()
            w.key("framework")
            w.string(framework.catalog.framework)
            w.key("controls")
            w.int(Int64(framework.controls.count))
            for verdict in ControlVerdict.allCases {
                w.key(verdict.rawValue)
                w.int(Int64(framework.count(verdict)))
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    private func write(_ framework: FrameworkAssessment, to w: inout JSONWriter) {
        let catalog = framework.catalog
        w.beginObject()
        w.key("framework")
        w.string(catalog.framework)
        w.key("name")
        w.string(catalog.name)
        w.key("version")
        w.string(catalog.version)
        w.key("scope")
        w.string(catalog.scope)
        w.key("controls")
        w.beginArray()
        for control in framework.controls {
            w.beginObject()
            w.key("reference")
            w.string(control.reference)
            w.key("id")
            w.string(control.control.id)
            w.key("title")
            w.string(control.control.title)
            w.key("verdict")
            w.string(control.verdict.rawValue)
            w.key("manual")
            w.string(control.control.manual)
            w.key("rules")
            w.beginArray()
            for rule in control.rules {
                w.beginObject()
                w.key("rule_id")
                w.string(rule.id)
                w.key("ran")
                w.bool(rule.ran)
                w.endObject()
            }
            w.endArray()
            w.key("counts")
            write(control.tally, to: &w)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    private func write(_ rule: PackRule, model: EvidenceModel, to w: inout JSONWriter) {
        let records = model.evaluationsByRule[rule.id] ?? []
        var tally = OutcomeTally()
        for record in records { tally.add(record) }
        w.beginObject()
        w.key("rule_id")
        w.string(rule.id)
        w.key("title")
        w.string(rule.title)
        w.key("controls")
        writeStrings(rule.controls, to: &w)
        w.key("counts")
        write(tally, to: &w)
        w.key("evaluations")
        w.beginArray()
        for record in records {
            w.beginObject()
            w.key("outcome")
            w.string(EvidenceModel.outcomeWord(record))
            w.key("subject")
            w.string(model.subject(record.location))
            w.key("file")
            w.string(model.relative(record.location.file))
            w.key("line")
            w.int(record.location.line)
            w.key("end_line")
            w.int(record.location.endLine)
            w.key("resource")
            w.string(record.location.resource)
            w.key("attribute")
            w.string(record.location.attribute)
            w.key("fingerprint")
            w.string(record.fingerprint)
            w.key("message")
            w.string(record.message.isEmpty ? nil : record.message)
            w.key("unknown_reason")
            w.string(record.unknownReason)
            w.key("superseded_by")
            w.string(record.supersededBy)
            w.key("accepted")
            if let acceptance = EvidenceModel.acceptance(record) {
                w.beginObject()
                w.key("by")
                w.string(acceptance.by)
                w.key("reason")
                w.string(acceptance.reason)
                w.key("owner")
                w.string(acceptance.owner)
                w.key("expires")
                w.string(acceptance.expires)
                w.key("source")
                w.string(acceptance.by == "baseline" ? acceptance.source : model.relative(acceptance.source))
                w.endObject()
            } else {
                w.null()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    private func write(_ tally: OutcomeTally, to w: inout JSONWriter) {
        w.beginObject()
        for (key, value) in [
            ("pass", tally.pass), ("fail", tally.fail), ("unknown", tally.unknown),
            ("not_applicable", tally.notApplicable), ("waived", tally.waived),
            ("suppressed", tally.suppressed),
            ("baseline", tally.baseline), ("superseded", tally.superseded),
        ] {
            w.key(key)
            w.int(Int64(value))
        }
        w.endObject()
    }

    private func writeStrings(_ values: [String], to w: inout JSONWriter) {
        w.beginArray()
        for value in values { w.string(value) }
        w.endArray()
    }
}
