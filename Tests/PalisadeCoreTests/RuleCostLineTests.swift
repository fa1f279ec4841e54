import Testing

@testable import PalisadeCore

/// A rule's line of `PALISADE_TIMINGS=rules` says what its time was spent on.
@Suite("Rule cost lines")
struct RuleCostLineTests {
    static func cost(nanoseconds: UInt64, subjects: Int, evaluations: Int) -> RuleCosts.Cost {
        var cost = RuleCosts.Cost()
        cost.nanoseconds = nanoseconds
        cost.subjects = subjects
        cost.evaluations = evaluations
        return cost
    }

    @Test("One result per subject: evaluations and the time of each")
    func perSubject() {
        let line = RuleCosts.line(
            rule: "AWS-S3-001", cost: Self.cost(nanoseconds: 5_000_000, subjects: 2_500, evaluations: 2_500),
            share: 7)
        #expect(
            line
                == "palisade timing: rule AWS-S3-001 5.0 ms CPU (7%), 2500 evaluations, 2.00 µs each; findings 0, 0.0 ms CPU"
        )
    }

    @Test("An each rule says on how many subjects its elements were judged")
    func perElement() {
        let line = RuleCosts.line(
            rule: "AWS-EC2-001", cost: Self.cost(nanoseconds: 3_000_000, subjects: 500, evaluations: 1_500),
            share: 4)
        #expect(
            line.contains(", 1500 evaluations on 500 subjects (elements of each lists), 2.00 µs each; "),
            "\(line)")
    }

    @Test("An each rule whose lists were all empty shows its cost per subject, not 0 µs per evaluation")
    func emptyLists() {
        let line = RuleCosts.line(
            rule: "AWS-EC2-006", cost: Self.cost(nanoseconds: 2_800_000, subjects: 2_500, evaluations: 0),
            share: 3)
        #expect(
            line.contains(
                ", 0 evaluations on 2500 subjects (their each lists were empty), 1.12 µs per subject; "),
            "\(line)")
        #expect(!line.contains("0.00 µs"))
    }
}
