import Testing

@testable import PalisadeCore

/// Rules with the same `each` share its elements on a subject (SharedEachLists): running them
/// together must give what each gives alone.
@Suite("Shared each lists")
struct SharedEachTests {
    /// What a reporter reads of an evaluation.
    struct Summary: Hashable {
        let rule: String
        let outcome: Outcome
        let resource: String?
        let attribute: String?
        let message: String
        let unknownReason: String?
        let fingerprint: String
    }

    static func summaries(_ evaluations: [Evaluation]) -> [Summary] {
        evaluations.map {
            Summary(
                rule: $0.ruleID, outcome: $0.outcome, resource: $0.location.resource,
                attribute: $0.location.attribute, message: $0.message, unknownReason: $0.unknownReason,
                fingerprint: $0.fingerprint)
        }
    }

    /// Groups of rules whose `each` is the same text, as the pack has them.
    static let groups = [
        ["AWS-EC2-001", "AWS-EC2-002", "AWS-EC2-003"],
        ["AWS-ECS-001", "AWS-ECS-002", "AWS-ECS-003", "AWS-ECS-005", "AWS-ECS-006"],
    ]

    @Test("The rules of a group share one each source that reads no params")
    func groupsShareTheirSource() throws {
        for group in Self.groups {
            let sources = Set(try group.map { try #require(FindingPrecisionTests.rule($0).each?.source) })
            #expect(sources.count == 1, "\(group)")
            #expect(sources.allSatisfy { !$0.contains("params") })
        }
    }

    @Test("Rules run together give the evaluations each gives alone", arguments: groups)
    func togetherEqualsAlone(_ group: [String]) throws {
        let rules = try group.map(FindingPrecisionTests.rule)
        let inputs = FindingPrecisionTests.fixtureInputs(group).filter { $0.hasSuffix(".json") }
        #expect(!inputs.isEmpty)
        var compared = 0
        for path in inputs {
            let together = Self.summaries(try FindingPrecisionTests.evaluate(rules, path: path))
            var alone: [Summary] = []
            for rule in rules {
                alone += Self.summaries(try FindingPrecisionTests.evaluate([rule], path: path))
            }
            #expect(together == alone, "\(path)")
            compared += together.count
        }
        #expect(compared > 0)
    }
}
