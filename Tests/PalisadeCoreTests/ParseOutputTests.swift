import Foundation
import Policy
import Testing

@testable import PalisadeCore

/// `palisade parse` prints exactly what rules see: every value bound to a rule's variables appears,
/// equal, in the parse output.
@Suite("parse output equals rule bindings")
struct ParseOutputTests {
    static let inputs = [
        RepositoryPaths.root + "/examples/terraform/plan.json",
        RepositoryPaths.root + "/examples/terraform-state/state.json",
        RepositoryPaths.root + "/policies/AWS-S3-001/fixtures/drift/plan.json",
        RepositoryPaths.root + "/policies/AWS-SEC-001/fixtures/fail/plan.json",
        RepositoryPaths.root + "/examples/docker/Dockerfile",
    ]

    private static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// One canonical text per JSON value, so values compare whatever their key order.
    private static func canonical(_ value: Any?) -> String {
        guard let value,
            let data = try? JSONSerialization.data(
                withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        else { return "(none)" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether `tree` or any value nested in it prints as `canonical`.
    private static func contains(_ tree: Any, _ canonical: String) -> Bool {
        if Self.canonical(tree) == canonical { return true }
        if let map = tree as? [String: Any] { return map.values.contains { contains($0, canonical) } }
        if let list = tree as? [Any] { return list.contains { contains($0, canonical) } }
        return false
    }

    @Test(arguments: inputs)
    func everyBoundValueIsPrinted(path: String) throws {
        let document = try DocumentLoader.load(path: path, target: nil)
        let printed = try #require(try Self.json(document.jsonText()) as? [String: Any])
        let pack = try RulePack.load(configuration: Configuration())
        var compared = 0
        for rule in pack.rules where rule.input == document.kind.ruleInput {
            for subject in document.subjects(for: rule) {
                for (name, value) in subject.variables {
                    let bound = try Self.json(ValuePrinter.render(value, redactor: document.redactor))
                    switch name {
                    case "resource":
                        let entry = try #require(bound as? [String: Any])
                        let list =
                            subject.location.action == "drift"
                            ? printed["resource_drift"] : printed["resources"]
                        let matches = (list as? [[String: Any]] ?? []).filter {
                            $0["address"] as? String == entry["address"] as? String
                        }
                        let match = try #require(matches.first, "\(entry["address"] ?? "?") not printed")
                        var withoutJudged = match
                        withoutJudged["judged"] = nil
                        #expect(
                            Self.canonical(withoutJudged) == Self.canonical(entry), "\(name) of \(rule.id)")
                    case "provider":
                        let providers = (printed["providers"] as? [Any] ?? []).map(Self.canonical)
                        #expect(
                            providers.contains(Self.canonical(bound)), "provider of \(rule.id) not printed")
                    case "variables":
                        #expect(Self.canonical(printed["variables"]) == Self.canonical(bound))
                    case "file":
                        #expect(Self.canonical(printed) == Self.canonical(bound), "file of \(rule.id)")
                    case "stage", "instruction", "image_ref":
                        // Parts of the file: the bound value must be printed somewhere inside it.
                        #expect(
                            Self.contains(printed, Self.canonical(bound)), "\(name) of \(rule.id) not printed"
                        )
                    case "address":
                        // A member of the resource or provider compared above.
                        continue
                    default:
                        Issue.record("variable '\(name)' of \(rule.id) has no place in parse output")
                    }
                    compared += 1
                }
            }
        }
        #expect(compared > 0)
    }
}
