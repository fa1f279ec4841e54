import Testing

@testable import PalisadeCore

/// Fingerprints number the results of one rule on one subject key in work order
/// (`Engine.repeatedKeys(in:)` counts them on every core): the numbers must be exactly what one
/// sequential count over the results in order gives.
@Suite("Occurrence numbering")
struct OccurrenceNumberingTests {
    @Test("Repeated keys are numbered in order, as one sequential count numbers them")
    func repeatedKeysInOrder() throws {
        // The same instruction forty times: one subject key per rule, forty results each.
        let text =
            "FROM ubuntu\n" + String(repeating: "ADD http://example.com/a.tgz /a\nUSER root\n", count: 40)
        let input = DiscoveredInput(
            path: "/work/Dockerfile", bytes: Array(text.utf8), foundInDirectory: false)
        let document = try #require(try DocumentLoader.load(input, options: LoadOptions()))
        let engine = Engine(rules: Array(BuiltInFixtures.loaded.rules.values).sorted { $0.id < $1.id })
        // Every result in work order, numbered here from the keys alone.
        let all = engine.evaluateInPieces(document, keepingPasses: true).evaluations.array()
        var seen: [String: Int] = [:]
        let numbered = all.map { evaluation in
            let key = evaluation.ruleID + "|" + evaluation.subjectKey
            defer { seen[key, default: 0] += 1 }
            return (evaluation, seen[key, default: 0])
        }
        for keepingPasses in [true, false] {
            let (list, errors) = engine.evaluateInPieces(document, keepingPasses: keepingPasses)
            #expect(errors.isEmpty, "\(errors)")
            let evaluations = list.array()
            let expected =
                numbered
                .filter { keepingPasses || ($0.0.outcome != .pass && $0.0.outcome != .notApplicable) }
                .map(\.1)
            #expect(evaluations.map(\.occurrence) == expected)
            #expect(evaluations.map(\.occurrence).max() == 39, "forty repeats of one key")
            #expect(Set(evaluations.map(\.fingerprint)).count == evaluations.count)
        }
    }
}
