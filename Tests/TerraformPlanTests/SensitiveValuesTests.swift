import Foundation
import JSON
import TestMaterial
import Testing

@testable import TerraformPlan

/// `AttributeView.forEachSensitiveValue` visits only what `after_sensitive` marks; it must find
/// exactly the values a walk over every member and element finds.
@Suite("Sensitive values")
struct SensitiveValuesTests {
    /// The plans of the rule fixtures, and the corpus when it is there.
    static var plans: [String] {
        let policies = TestMaterial.repositoryRoot.appendingPathComponent("policies").path
        let fixtures = (FileManager.default.enumerator(atPath: policies)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix("/plan.json") }.map { policies + "/" + $0 }
        let corpus = TestMaterial.hasPlanCorpus ? TestMaterial.planFiles.map(\.path) : []
        return (fixtures + corpus).sorted()
    }

    @Test("The marked-only walk finds what a walk over every member finds")
    func sameAsEveryMemberWalk() throws {
        var sensitiveValues = 0
        for path in Self.plans {
            guard let plan = try? loadPlan(path: path) else { continue }
            for resource in plan.resources {
                var marked: [String] = []
                resource.values.forEachSensitiveValue { marked.append(Self.text($0)) }
                var everyMember: [String] = []
                Self.everyMemberWalk(resource.values, into: &everyMember)
                #expect(marked.sorted() == everyMember.sorted(), "\(path): \(resource.address)")
                sensitiveValues += marked.count
            }
        }
        // The fixtures alone hold sensitive values; the corpus holds hundreds more.
        #expect(sensitiveValues > 10)
    }

    /// The walk `forEachSensitiveValue` replaced: every member and element, marked or not.
    private static func everyMemberWalk(_ view: AttributeView, depth: Int = 0, into found: inout [String]) {
        guard depth < 64, case .known(let value) = view.state, value.containsSensitive else { return }
        if value.isSensitive {
            found.append(text(value.unredactedJSONForEvaluation))
            return
        }
        switch value.kind {
        case .array:
            for index in 0..<view.count {
                everyMemberWalk(view.element(index), depth: depth + 1, into: &found)
            }
        case .object:
            for key in view.keys { everyMemberWalk(view.member(key), depth: depth + 1, into: &found) }
        default: break
        }
    }

    private static func text(_ json: JSONValue) -> String {
        var writer = JSONWriter(indent: 0)
        writer.value(json)
        return writer.text
    }
}
