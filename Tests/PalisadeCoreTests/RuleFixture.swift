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
                let root = try? Yams.compose(yaml: String(decoding: bytes, as: UTF8.self)),
                case .mapping(let cases) = root
            else {
                fixtures.append(
                    RuleFixture(
                        ruleID: ruleID, name: "(expected.yaml missing or unreadable)", inputPath: "",
                        expected: [],
                        usesAttributes: false))
                continue
            }
            for (caseNode, entries) in cases {
                let name = caseNode.string ?? ""
                let directory = folder + "/fixtures/" + name
                // The input is the file named as one of the registered kinds names its fixtures.
                let input =
                    InputKinds.all.map { directory + "/" + $0.fixtureFileName }
                    .first { FileSystem.kind(of: $0) == .file } ?? directory
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
