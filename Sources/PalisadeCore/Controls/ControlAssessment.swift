import Policy

/// A rule of the pack as the evidence report and `palisade controls` see it: what it is, which
/// controls it cites, and whether this run ran it.
public struct PackRule: Sendable, Equatable {
    /// The rule id.
    public var id: String
    /// The title.
    public var title: String
    /// The controls it cites, as written (`CIS-AWS:2.1.4`).
    public var controls: [String]
    /// `tfplan` or `dockerfile`.
    public var input: String
    /// `active`, `opt-in` or `deprecated`.
    public var status: String
    /// True when the run selected it (it may still have found no subject).
    public var ran: Bool

    /// Creates a pack rule.
    public init(id: String, title: String, controls: [String], input: String, status: String, ran: Bool) {
        self.id = id
        self.title = title
        self.controls = controls
        self.input = input
        self.status = status
        self.ran = ran
    }

    /// The rules of `definitions` (the first of each id), in id order, marked as run when `ran`
    /// holds their id.
    public static func rules(from definitions: [RuleDefinition], ran: Set<String>) -> [PackRule] {
        var seen = Set<String>()
        return definitions.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }.map { definition in
            PackRule(
                id: definition.id, title: definition.title, controls: definition.controls.map(\.description),
                input: definition.input.rawValue, status: definition.status.rawValue,
                ran: ran.contains(definition.id))
        }
    }
}

/// A control's verdict in one run.
public enum ControlVerdict: String, Sendable, CaseIterable {
    /// An implementing rule failed on a subject and the failure was not accepted.
    case fail
    /// Nothing failed, and some evaluation could not be decided (and was not accepted).
    case unknown
    /// At least one evaluation passed (or was accepted) and none failed or stayed unknown.
    case pass
    /// Rules implement the control, but none ran on an applicable subject in this run.
    case notEvaluated = "not_evaluated"
    /// No rule can check the control from a plan or a Dockerfile; the catalogue says why.
    case manual
    /// The control can be checked from a plan or a Dockerfile, but no rule of the pack does yet.
    case noRule = "no_rule"
}

/// How the evaluations of one rule came out.
public struct OutcomeTally: Sendable, Equatable {
    /// Passed.
    public var pass = 0
    /// Failed, not accepted (superseded failures are counted in ``superseded``).
    public var fail = 0
    /// Undecidable, not accepted.
    public var unknown = 0
    /// The rule did not apply to the subject.
    public var notApplicable = 0
    /// Accepted by a waiver in config.
    public var waived = 0
    /// Silenced by an inline suppression comment.
    public var suppressed = 0
    /// Already in the `--baseline` report.
    public var baseline = 0
    /// Failures or unknowns reported under a rule that supersedes this one on the same subject.
    public var superseded = 0

    /// Creates an empty tally.
    public init() {}

    /// Counts one evaluation.
    public mutating func add(_ record: EvaluationRecord) {
        if record.supersededBy != nil {
            superseded += 1
            return
        }
        switch record.outcome {
        case .pass: pass += 1
        case .notApplicable: notApplicable += 1
        case .waived: waived += 1
        case .suppressed: suppressed += 1
        case .fail, .unknown:
            if record.inBaseline {
                baseline += 1
            } else if record.outcome == .fail {
                fail += 1
            } else {
                unknown += 1
            }
        }
    }

    /// Evaluations accepted by a waiver, a suppression or the baseline.
    public var accepted: Int { waived + suppressed + baseline }
}

/// One control's result: the rules that implement it and the verdict.
public struct ControlAssessment: Sendable {
    /// `FRAMEWORK:ID`.
    public var reference: String
    /// The catalogued control.
    public var control: CatalogControl
    /// The pack's rules citing it, in id order (whether or not they ran).
    public var rules: [PackRule]
    /// The verdict.
    public var verdict: ControlVerdict
    /// The evaluations of its rules, together.
    public var tally: OutcomeTally
}

/// One framework's controls and how many got each verdict.
public struct FrameworkAssessment: Sendable {
    /// The framework's catalogue.
    public var catalog: FrameworkCatalog
    /// Its controls, in catalogue order.
    public var controls: [ControlAssessment]

    /// How many controls got `verdict`.
    public func count(_ verdict: ControlVerdict) -> Int {
        controls.count { $0.verdict == verdict }
    }
}

/// A control a rule cites that the catalogue does not hold.
public struct UncataloguedControl: Sendable, Equatable {
    /// The reference as the rules write it.
    public var reference: String
    /// The rules citing it, in id order.
    public var ruleIDs: [String]
}

/// Judges every catalogued control from the rules that implement it and their evaluations.
///
/// The verdict rules (docs/evidence.md): a control fails when an implementing rule failed on a
/// subject and the failure was not accepted (a failure reported under a superseding rule still
/// fails the control: the subject has the problem); otherwise it is unknown when an evaluation
/// could not be decided and was not accepted; otherwise it passes when at least one evaluation
/// passed or was accepted (waived, suppressed, or in the baseline); otherwise, with
/// implementing rules, it was not evaluated (none ran, or they applied to no subject); without
/// one it is manual when the catalogue says no rule can check it, else it has no rule yet.
public enum ControlAssessor {
    /// The assessment of every framework in `catalog`, and the cited controls it does not hold.
    public static func assess(
        catalog: ControlCatalog, rules: [PackRule], evaluations: [EvaluationRecord]
    ) -> (frameworks: [FrameworkAssessment], uncatalogued: [UncataloguedControl]) {
        var tallies: [String: OutcomeTally] = [:]
        var decisive: [String: (fail: Bool, unknown: Bool)] = [:]
        for record in evaluations {
            tallies[record.ruleID, default: OutcomeTally()].add(record)
            guard !record.isAccepted else { continue }
            if record.outcome == .fail { decisive[record.ruleID, default: (false, false)].fail = true }
            if record.outcome == .unknown { decisive[record.ruleID, default: (false, false)].unknown = true }
        }
        let sortedRules = rules.sorted { $0.id < $1.id }
        var citing: [String: [PackRule]] = [:]
        var uncatalogued: [String: [String]] = [:]
        for rule in sortedRules {
            for reference in rule.controls {
                if let (framework, control) = catalog.lookup(reference) {
                    citing[framework.reference(of: control), default: []].append(rule)
                } else {
                    uncatalogued[reference, default: []].append(rule.id)
                }
            }
        }
        let frameworks = catalog.frameworks.map { framework in
            FrameworkAssessment(
                catalog: framework,
                controls: framework.controls.map { control in
                    let reference = framework.reference(of: control)
                    let implementing = citing[reference] ?? []
                    var tally = OutcomeTally()
                    var failed = false
                    var undecided = false
                    for rule in implementing where rule.ran {
                        let ruleTally = tallies[rule.id] ?? OutcomeTally()
                        tally.pass += ruleTally.pass
                        tally.fail += ruleTally.fail
                        tally.unknown += ruleTally.unknown
                        tally.notApplicable += ruleTally.notApplicable
                        tally.waived += ruleTally.waived
                        tally.suppressed += ruleTally.suppressed
                        tally.baseline += ruleTally.baseline
                        tally.superseded += ruleTally.superseded
                        failed = failed || decisive[rule.id]?.fail == true
                        undecided = undecided || decisive[rule.id]?.unknown == true
                    }
                    let verdict: ControlVerdict
                    if implementing.isEmpty {
                        verdict = control.manual == nil ? .noRule : .manual
                    } else if failed {
                        verdict = .fail
                    } else if undecided {
                        verdict = .unknown
                    } else if tally.pass + tally.accepted > 0 {
                        verdict = .pass
                    } else {
                        verdict = .notEvaluated
                    }
                    return ControlAssessment(
                        reference: reference, control: control, rules: implementing, verdict: verdict,
                        tally: tally)
                })
        }
        return (
            frameworks,
            uncatalogued.keys.sorted().map { UncataloguedControl(reference: $0, ruleIDs: uncatalogued[$0]!) }
        )
    }
}
