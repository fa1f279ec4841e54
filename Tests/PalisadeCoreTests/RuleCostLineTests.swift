import Testing

@testable import PalisadeCore

/// A rule's line of `PALISADE_TIMINGS=rules` says what its time was spent on.
@Suite("Rule cost lines")
struct RuleCostLineTests {
    /// A rule's measured cost and what its line must say about its evaluations.
    struct Case: Sendable, CustomTestStringConvertible {
        let why: String
        let nanoseconds: UInt64
        let subjects: Int
        let evaluations: Int
        let says: String
        var testDescription: String { why }
    }

    static let cases = [
        Case(
            why: "one result per subject", nanoseconds: 5_000_000, subjects: 2_500, evaluations: 2_500,
            says: "5.0 ms CPU (3%), 2500 evaluations, 2.00 µs each; findings 0, 0.0 ms CPU"),
        Case(
            why: "an each rule's elements", nanoseconds: 3_000_000, subjects: 500, evaluations: 1_500,
            says: ", 1500 evaluations on 500 subjects (elements of each lists), 2.00 µs each; "),
        // Not "0 evaluations, 0.00 µs each": the time went into finding the lists empty.
        Case(
            why: "an each rule whose lists were all empty", nanoseconds: 2_800_000, subjects: 2_500,
            evaluations: 0,
            says: ", 0 evaluations on 2500 subjects (their each lists were empty), 1.12 µs per subject; "),
        Case(
            why: "one subject", nanoseconds: 20_000, subjects: 1, evaluations: 0,
            says: ", 0 evaluations on 1 subject (their each lists were empty), 20.00 µs per subject; "),
    ]

    @Test("The line says what a rule's time was spent on", arguments: cases)
    func line(_ example: Case) {
        var cost = RuleCosts.Cost()
        cost.nanoseconds = example.nanoseconds
        cost.subjects = example.subjects
        cost.evaluations = example.evaluations
        let line = RuleCosts.line(rule: "AWS-EC2-006", cost: cost, share: 3)
        #expect(
            line.hasPrefix("palisade timing: rule AWS-EC2-006 ") && line.contains(example.says), "\(line)")
    }
}
