import Testing

@testable import PalisadeCore

@Suite("Rule fixtures")
struct RuleFixtureTests {
    static let fixtures = RuleFixture.all()

    @Test("Every rule folder has pass and fail fixtures")
    func everyRuleHasPassAndFailFixtures() throws {
        let byRule = Dictionary(grouping: Self.fixtures, by: \.ruleID)
        #expect(!byRule.isEmpty, "no rule folders found under policies/")
        for (ruleID, fixtures) in byRule {
            let names = Set(fixtures.map(\.name))
            #expect(names.contains { $0.hasPrefix("pass") }, "\(ruleID) has no pass fixture")
            #expect(names.contains { $0.hasPrefix("fail") }, "\(ruleID) has no fail fixture")
            if fixtures.first?.inputPath.hasSuffix("plan.json") == true {
                #expect(names.contains("omitted"), "\(ruleID) has no omitted-attribute fixture")
                #expect(names.contains("unknown"), "\(ruleID) has no unknown-after-apply fixture")
            }
            #expect(
                fixtures.contains { $0.expected.contains { $0.hasSuffix(" pass") } },
                "\(ruleID): no fixture expects a pass, so the rule is never shown to pass")
        }
    }

    @Test("The rule's outcomes on its fixture are exactly the expected ones", arguments: fixtures)
    func outcomesMatch(_ fixture: RuleFixture) throws {
        let rule = try FixtureRunner.rule(fixture.ruleID)
        let (evaluations, errors) = try FixtureRunner.evaluate(
            rule, path: fixture.inputPath, bytes: try FileSystem.read(fixture.inputPath))
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        let actual = Set(
            evaluations.filter { $0.outcome != .notApplicable }.map { evaluation in
                let subject = evaluation.location.resource ?? "line \(evaluation.location.line ?? 0)"
                let attribute =
                    fixture.usesAttributes ? evaluation.location.attribute.map { " " + $0 } ?? "" : ""
                let severity = evaluation.outcome == .pass ? "" : " " + evaluation.severity.rawValue
                return subject + attribute + " " + evaluation.outcome.rawValue + severity
            })
        let missing = fixture.expected.subtracting(actual).sorted()
        let unexpected = actual.subtracting(fixture.expected).sorted()
        #expect(
            missing.isEmpty && unexpected.isEmpty, "\(fixture): missing \(missing); unexpected \(unexpected)")
    }
}
