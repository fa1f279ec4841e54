import Testing

@testable import PalisadeCore

/// A scan whose formats list no passed checks keeps only findings and counts the rest
/// (`Engine.evaluateInPieces(_:keepingPasses:)`): the counts and every kept result must be
/// exactly what keeping everything gives.
@Suite("Passes counted, not kept")
struct OmittedPassesTests {
    @Test(
        "Counts and findings are the same with and without passes kept",
        arguments: [
            "examples/terraform/plan.json", "examples/docker/Dockerfile",
            "policies/DF025/fixtures/fail/Dockerfile", "policies/AWS-EC2-001/fixtures/fail/plan.json",
        ])
    func sameResults(_ relativePath: String) throws {
        let path = RepositoryPaths.root + "/" + relativePath
        let input = DiscoveredInput(path: path, bytes: try FileSystem.read(path), foundInDirectory: false)
        let document = try #require(try DocumentLoader.load(input, options: LoadOptions()))
        let engine = Engine(rules: Array(BuiltInFixtures.loaded.rules.values).sorted { $0.id < $1.id })
        let (everything, errors) = engine.evaluateInPieces(document, keepingPasses: true)
        let (findings, findingErrors) = engine.evaluateInPieces(document, keepingPasses: false)
        #expect(errors.isEmpty && findingErrors.isEmpty, "\(errors + findingErrors)")
        #expect(everything.omitted == EvaluationList.OmittedOutcomes())
        let all = everything.array()
        let kept = findings.omitted
        let isCountedOnly = { (evaluation: Evaluation) in
            evaluation.outcome == .pass || evaluation.outcome == .notApplicable
        }
        #expect(kept.pass == all.filter { $0.outcome == .pass && !$0.suppressed }.count)
        #expect(kept.notApplicable == all.filter { $0.outcome == .notApplicable && !$0.suppressed }.count)
        #expect(kept.suppressed == all.filter { isCountedOnly($0) && $0.suppressed }.count)
        #expect(kept.pass > 0)
        let expected = all.filter { !isCountedOnly($0) }
        let actual = findings.array()
        #expect(actual.map(\.fingerprint) == expected.map(\.fingerprint))
        #expect(actual.map(\.message) == expected.map(\.message))
        #expect(actual.map(\.supersededBy) == expected.map(\.supersededBy))
        #expect(actual.map(\.occurrence) == expected.map(\.occurrence))
    }
}
