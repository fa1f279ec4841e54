import PalisadeCore

/// What both evidence formats show, computed once from a scan: the control verdicts, the
/// evaluations by rule, the gate's result and the configuration's digest.
struct EvidenceModel {
    let report: ScanReport
    let settings: ReportSettings
    let evidence: ScanEvidence
    /// False when the scan did not record evidence (``ScanOptions/recordsEvidence``), so the
    /// evaluations are missing; the report says so instead of showing empty controls as a result.
    let recorded: Bool
    let frameworks: [FrameworkAssessment]
    let uncatalogued: [UncataloguedControl]
    /// Problems of the evidence itself (an unreadable catalogue, evaluations not recorded).
    let problems: [String]
    /// Evaluations of each rule that ran, in evaluation order.
    let evaluationsByRule: [String: [EvaluationRecord]]
    /// The rules that ran, in id order.
    let ranRules: [PackRule]
    /// The effective configuration in the `.palisade.yaml` format.
    let configurationText: String

    /// The sentence the report states about accepted findings.
    static let acceptedNote =
        "Waived, suppressed and baseline findings count as accepted: they do not fail a control, "
        + "and each is listed with its reason, owner and expiry."

    init(report: ScanReport, settings: ReportSettings) {
        self.report = report
        self.settings = settings
        var problems: [String] = []
        if let evidence = report.evidence {
            self.evidence = evidence
            recorded = true
        } else {
            evidence = ScanEvidence(configuration: Configuration(), packDigest: "")
            recorded = false
            problems.append("the scan did not record evaluations; run it with an evidence report requested")
        }
        let catalog: ControlCatalog
        do {
            catalog = try ControlCatalog.builtIn()
        } catch {
            catalog = ControlCatalog(frameworks: [])
            problems.append("the control catalogue could not be read: \(error.description)")
        }
        self.problems = problems
        (frameworks, uncatalogued) = ControlAssessor.assess(
            catalog: catalog, rules: evidence.rules, evaluations: evidence.evaluations)
        evaluationsByRule = Dictionary(grouping: evidence.evaluations, by: \.ruleID)
        ranRules = evidence.rules.filter(\.ran)
        configurationText = ConfigurationPrinter.render(evidence.configuration)
    }

    /// SHA-256 of ``configurationText``.
    var configurationDigest: String { SHA256.hex(configurationText) }

    /// The rule pack's version (the part of `rulePack` before `+sha256:`).
    var packVersion: String {
        report.rulePack.split(separator: "+", maxSplits: 1).first.map(String.init) ?? report.rulePack
    }

    /// The gate's exit code for this report and its word: pass, fail or error.
    var gate: (result: String, exitCode: Int32) {
        let code = report.exitCode(failOn: settings.failOn, unknown: settings.unknown)
        return (code == 0 ? "pass" : code == 1 ? "fail" : "error", code)
    }

    /// `path` relative to the scan root (`-` for standard input).
    func relative(_ path: String) -> String {
        PhysicalLocation.relativePath(path, root: settings.scanRoot) ?? path
    }

    /// Every waiver in config: whether it is in force on the run's day and whether it matched.
    var waivers: [(waiver: Waiver, inForce: Bool, used: Bool)] {
        let unused = report.unusedWaivers
        return evidence.configuration.waivers.map { waiver in
            (waiver, waiver.daysLeft(on: settings.runFacts.day) >= 0, !unused.contains(waiver))
        }
    }

    /// The evaluations silenced by an inline suppression, in evaluation order.
    var suppressions: [EvaluationRecord] {
        evidence.evaluations.filter { $0.suppression != nil && $0.outcome == .suppressed }
    }

    /// Totals over every evaluation.
    var totals: OutcomeTally {
        var tally = OutcomeTally()
        for record in evidence.evaluations { tally.add(record) }
        return tally
    }

    /// How an accepted evaluation was accepted: by what, why, by whom, until when, written where.
    static func acceptance(
        _ record: EvaluationRecord
    ) -> (
        by: String, reason: String, owner: String?, expires: String?, source: String
    )? {
        if let applied = record.waiver, record.outcome == .waived {
            let waiver = applied.waiver
            return (
                "waiver", waiver.reason, waiver.owner, waiver.expires.description,
                "\(waiver.configFile):\(waiver.configLine)"
            )
        }
        if record.outcome == .suppressed {
            let note = record.suppression
            return (
                "suppression", note?.reason ?? "", nil, nil,
                note.map { "\($0.file):\($0.line)" } ?? record.location.file
            )
        }
        if record.inBaseline && (record.outcome == .fail || record.outcome == .unknown) {
            return ("baseline", "present in the baseline report", nil, nil, record.fingerprint)
        }
        return nil
    }

    /// The subject of an evaluation in words: `aws_s3_bucket.logs (acl)` or `Dockerfile:3`.
    func subject(_ location: Location) -> String {
        if let resource = location.resource {
            return resource + (location.attribute.map { " (\($0))" } ?? "")
        }
        var text = relative(location.file)
        if let line = location.line {
            text += ":\(line)"
            if let end = location.endLine, end > line { text += "-\(end)" }
        }
        return text
    }

    /// The words for an outcome as the evidence lists it.
    static func outcomeWord(_ record: EvaluationRecord) -> String {
        if record.supersededBy != nil { return "superseded" }
        if record.inBaseline && (record.outcome == .fail || record.outcome == .unknown) { return "baseline" }
        return record.outcome.rawValue
    }
}
