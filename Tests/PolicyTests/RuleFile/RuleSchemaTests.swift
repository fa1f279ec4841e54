import Foundation
import Policy
import TestMaterial
import Testing

@Suite("Rule file JSON Schema")
struct RuleSchemaTests {
    /// Every `rule.yaml` in the sample pack and under the repository's `policies/`, if any.
    private static func ruleFiles() -> [String] {
        var files: [String] = []
        let roots = [
            RuleFileTestSupport.samplesRoot,
            RuleFileTestSupport.repositoryRoot.appendingPathComponent("policies").path,
        ]
        for root in roots {
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let path = enumerator.nextObject() as? String {
                if (path as NSString).lastPathComponent == RulePackLoader.ruleFileName {
                    files.append((root as NSString).appendingPathComponent(path))
                }
            }
        }
        return files.sorted()
    }

    @Test(
        "the schema is valid and accepts every rule file in the samples and policies/",
        .requiresJSONSchemaAndYAML)
    func acceptsRuleFiles() throws {
        let files = Self.ruleFiles()
        #expect(files.count >= 2)
        var documents: [String: String] = [:]
        for file in files { documents[file] = try String(contentsOfFile: file, encoding: .utf8) }
        let errors = try RuleSchemaValidator.validate(documents)
        #expect(errors.count == files.count)
        for (file, problems) in errors.sorted(by: { $0.key < $1.key }) {
            #expect(problems.isEmpty, "\(file): \(problems)")
        }
    }

    /// Invalid cases only the loader can catch: built-in id rules, pack-level rules, and YAML
    /// details PyYAML accepts (duplicate keys).
    static let loaderOnly: Set<String> = [
        "missing family for a built-in", "duplicate key", "built-in id, unknown service",
        "built-in id, two digits",
        "built-in id, bad DF", "built-in id, custom form", "built-in DF id on a tfplan rule",
    ]

    @Test(
        "the schema rejects what the loader rejects",
        .requiresJSONSchemaAndYAML)
    func rejectsInvalidFiles() throws {
        let cases =
            RuleFileValidationTests.structure + RuleFileValidationTests.fieldTypes
            + RuleFileValidationTests.fieldValues
            + RuleFileValidationTests.selections + RuleFileValidationTests.parametersAndCases
        var documents: [String: String] = [:]
        for row in cases where !Self.loaderOnly.contains(row.name) { documents[row.name] = row.yaml }
        documents["valid custom rule"] = RuleFileTestSupport.validCustomRule
        let errors = try RuleSchemaValidator.validate(documents)
        #expect(errors["valid custom rule"] == [])
        for (name, problems) in errors.sorted(by: { $0.key < $1.key }) where name != "valid custom rule" {
            #expect(!problems.isEmpty, "the schema accepts '\(name)'")
        }
    }
}
