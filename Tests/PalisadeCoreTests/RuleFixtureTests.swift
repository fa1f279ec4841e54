import Policy
import Testing
import Yams

@testable import PalisadeCore

/// One fixture of one rule folder, with the outcomes `expected.yaml` lists for it.
struct RuleFixture: Sendable, CustomStringConvertible {
    /// The rule id (its folder name).
    let ruleID: String
    /// The fixture case (a folder under `fixtures/`).
    let name: String
    /// The input file of the fixture.
    let inputPath: String
    /// Expected (subject, outcome, severity) triples for the rule under test.
    let expected: Set<String>
    /// True when the expectations name attribute paths (rules with one subject per element).
    let usesAttributes: Bool

    var description: String { "\(ruleID)/\(name)" }

    /// Every fixture of every rule folder under `policies/`.
    static func all() -> [RuleFixture] {
        guard let folders = try? FileSystem.entries(of: RepositoryPaths.policies) else { return [] }
        var fixtures: [RuleFixture] = []
        for ruleID in folders.sorted() {
            let folder = RepositoryPaths.policies + "/" + ruleID
            guard let bytes = try? FileSystem.read(folder + "/expected.yaml"),
                let root = try? Yams.compose(yaml: String(decoding: bytes, as: UTF8.self)), case .mapping(let cases) = root
            else {
                fixtures.append(
                    RuleFixture(
                        ruleID: ruleID, name: "(expected.yaml missing or unreadable)", inputPath: "", expected: [],
                        usesAttributes: false))
                continue
            }
            for (caseNode, entries) in cases {
                let name = caseNode.string ?? ""
                let directory = folder + "/fixtures/" + name
                let input =
                    FileSystem.kind(of: directory + "/plan.json") == .file ? directory + "/plan.json" : directory + "/Dockerfile"
                let list = entries.sequence.map(Array.init) ?? []
                fixtures.append(
                    RuleFixture(
                        ruleID: ruleID, name: name, inputPath: input, expected: Set(list.map(key)),
                        usesAttributes: list.contains { $0["attribute"] != nil }))
            }
        }
        return fixtures
    }

    static func key(_ entry: Node) -> String {
        let subject =
            entry["resource"]?.string.map { resource in
                resource + (entry["attribute"]?.string.map { " " + $0 } ?? "")
            } ?? "line \(entry["line"]?.int ?? 0)"
        let outcome = entry["outcome"]?.string ?? "?"
        let severity = outcome == "pass" ? "" : " " + (entry["severity"]?.string ?? "?")
        return subject + " " + outcome + severity
    }
}

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
        let ruleFile = RepositoryPaths.policies + "/" + fixture.ruleID + "/rule.yaml"
        let text = String(decoding: try FileSystem.read(ruleFile), as: UTF8.self)
        let definition = try RuleFileParser.parse(yaml: text, file: ruleFile, origin: .builtIn)
        let rule = try RuleCompiler.compile(definition, overrides: [:])
        let input = DiscoveredInput(
            path: fixture.inputPath, bytes: try FileSystem.read(fixture.inputPath),
            kind: fixture.inputPath.hasSuffix(".json") ? .plan : .dockerfile, foundInDirectory: false)
        let document = try #require(try DocumentLoader.load(input, target: nil, changedOnly: false))
        let (evaluations, errors) = Engine(rules: [rule]).evaluate(document)
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        let actual = Set(
            evaluations.filter { $0.outcome != .notApplicable }.map { evaluation in
                let subject = evaluation.location.resource ?? "line \(evaluation.location.line ?? 0)"
                let attribute = fixture.usesAttributes ? evaluation.location.attribute.map { " " + $0 } ?? "" : ""
                let severity = evaluation.outcome == .pass ? "" : " " + evaluation.severity.rawValue
                return subject + attribute + " " + evaluation.outcome.rawValue + severity
            })
        let missing = fixture.expected.subtracting(actual).sorted()
        let unexpected = actual.subtracting(fixture.expected).sorted()
        #expect(missing.isEmpty && unexpected.isEmpty, "\(fixture): missing \(missing); unexpected \(unexpected)")
    }
}
