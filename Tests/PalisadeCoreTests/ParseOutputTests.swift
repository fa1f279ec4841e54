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
                    case "address", "stage", "instruction", "image_ref":
                        // Names of, or parts of, values compared above (stages and instructions are
                        // members of `file`, addresses members of resources and providers).
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
