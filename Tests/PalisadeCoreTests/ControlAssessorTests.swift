import Testing

@testable import PalisadeCore

/// The verdict rules of the evidence report (docs/evidence.md), one case each.
@Suite("Control verdicts")
struct ControlAssessorTests {
    static let catalog = ControlCatalog(frameworks: [
        FrameworkCatalog(
            framework: "T", name: "Test", version: "1.0", scope: "all",
            controls: [
                CatalogControl(id: "1", title: "one"), CatalogControl(id: "2", title: "two"),
                CatalogControl(id: "3", title: "three", manual: "Nothing shows it."),
                CatalogControl(id: "4", title: "four"),
            ])
    ])

    static func rule(_ id: String, _ controls: [String], ran: Bool = true) -> PackRule {
        PackRule(id: id, title: id, controls: controls, input: "tfplan", status: "active", ran: ran)
    }

    static func record(
        _ rule: String, _ outcome: Outcome, superseded: String? = nil, baseline: Bool = false
    )
        -> EvaluationRecord
    {
        var record = EvaluationRecord(
            ruleID: rule, outcome: outcome, location: Location(file: "plan.json", resource: "r"),
            fingerprint: "f", supersededBy: superseded)
        record.inBaseline = baseline
        return record
    }

    /// The verdict of control `T:1`, implemented by rules A and B, for these evaluations.
    static func verdict(_ evaluations: [EvaluationRecord], ranB: Bool = true) -> ControlVerdict? {
        let (frameworks, _) = ControlAssessor.assess(
            catalog: catalog, rules: [rule("A", ["T:1"]), rule("B", ["T:1"], ran: ranB)],
            evaluations: evaluations)
        return frameworks.first?.controls.first?.verdict
    }

    @Test("A failure not accepted fails the control, whatever else passed")
    func failure() {
        #expect(
            Self.verdict([Self.record("A", .pass), Self.record("B", .fail), Self.record("A", .unknown)])
                == .fail)
    }

    @Test("A failure reported under a superseding rule still fails the control")
    func supersededFailure() {
        #expect(Self.verdict([Self.record("A", .pass), Self.record("B", .fail, superseded: "X")]) == .fail)
    }

    @Test("An unknown without failures makes the control unknown")
    func unknown() {
        #expect(Self.verdict([Self.record("A", .pass), Self.record("B", .unknown)]) == .unknown)
    }

    @Test("Waived, suppressed and baseline results are accepted: the control passes")
    func accepted() {
        #expect(
            Self.verdict([
                Self.record("A", .waived), Self.record("B", .suppressed),
                Self.record("A", .fail, baseline: true),
                Self.record("B", .unknown, baseline: true),
            ]) == .pass)
        #expect(Self.verdict([Self.record("A", .pass), Self.record("B", .notApplicable)]) == .pass)
    }

    @Test("Rules that ran on no applicable subject, or did not run, leave the control not evaluated")
    func notEvaluated() {
        #expect(Self.verdict([Self.record("A", .notApplicable)]) == .notEvaluated)
        #expect(Self.verdict([]) == .notEvaluated)
        // Results of a rule the run did not select do not count.
        #expect(Self.verdict([Self.record("B", .fail)], ranB: false) == .notEvaluated)
    }

    @Test("Without a rule, a control is manual when the catalogue says why, else it has no rule")
    func withoutRules() {
        let (frameworks, uncatalogued) = ControlAssessor.assess(
            catalog: Self.catalog, rules: [Self.rule("A", ["T:1", "T:9", "U:1"])], evaluations: [])
        let verdicts = frameworks.first?.controls.map(\.verdict)
        #expect(verdicts == [.notEvaluated, .noRule, .manual, .noRule])
        #expect(uncatalogued.map(\.reference) == ["T:9", "U:1"])
        #expect(uncatalogued.first?.ruleIDs == ["A"])
        #expect(frameworks.first?.count(.noRule) == 2)
    }

    @Test("Counts add up the evaluations of every rule of the control")
    func tally() {
        let (frameworks, _) = ControlAssessor.assess(
            catalog: Self.catalog, rules: [Self.rule("A", ["T:1"]), Self.rule("B", ["T:1", "T:2"])],
            evaluations: [
                Self.record("A", .pass), Self.record("B", .pass), Self.record("B", .fail),
                Self.record("B", .waived), Self.record("A", .fail, superseded: "B"),
            ])
        let first = frameworks.first?.controls[0].tally
        #expect(first?.pass == 2 && first?.fail == 1 && first?.waived == 1 && first?.superseded == 1)
        #expect(first?.accepted == 1)
        let second = frameworks.first?.controls[1].tally
        #expect(second?.pass == 1 && second?.fail == 1 && second?.superseded == 0)
    }
}
