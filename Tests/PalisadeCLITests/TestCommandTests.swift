import Foundation
import Testing

@Suite("palisade test")
struct TestCommandTests {
    static let examplePolicies = RepositoryPaths.examples + "/policies"

    /// A scratch copy of the example policies, for tests that break them.
    static func copyOfExamples() throws -> TemporaryDirectory {
        let scratch = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: examplePolicies, toPath: scratch.path + "/policies")
        return scratch
    }

    /// A scratch copy of the example policies with one text replaced in `file` (a path under
    /// `policies/`), which must hold it.
    static func copyOfExamples(
        editing file: String, replacing old: String, with new: String
    ) throws
        -> TemporaryDirectory
    {
        let scratch = try copyOfExamples()
        let text = try String(contentsOfFile: scratch.path + "/policies/" + file, encoding: .utf8)
        try #require(text.contains(old), "\(file) does not hold \(old)")
        try scratch.write("policies/" + file, text.replacingOccurrences(of: old, with: new))
        return scratch
    }

    @Test("The example policies pass")
    func examplesPass() throws {
        let result = try CLI.run(["test", Self.examplePolicies])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("PASS ORG-TAG-001/") }.count == 4)
        #expect(lines.filter { $0.hasPrefix("PASS ORG-DF-001/") }.count == 2)
        #expect(!lines.contains { $0.hasPrefix("FAIL") })
        #expect(lines.last == "6 fixtures: 6 passed, 0 failed")
    }

    @Test("One rule folder can be tested on its own")
    func singleRuleFolder() throws {
        let result = try CLI.run(["test", Self.examplePolicies + "/ORG-DF-001"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("2 fixtures: 2 passed, 0 failed\n"))
    }

    @Test("A wrong expectation fails with exit 1 and a missing/unexpected diff")
    func failingFixture() throws {
        let scratch = try Self.copyOfExamples(
            editing: "ORG-DF-001/expected.yaml", replacing: "  - {line: 4, outcome: pass}",
            with: "  - {line: 4, outcome: fail, severity: low}")
        let result = try CLI.run(["test", "policies"], in: scratch.path)
        #expect(result.status == 1)
        let output = result.standardOutput
        #expect(
            output.contains(
                "FAIL ORG-DF-001/pass\n  missing:    line 4 fail low\n  unexpected: line 4 pass\n"),
            "\(output)")
        #expect(output.contains("PASS ORG-DF-001/fail"))
        #expect(output.hasSuffix("6 fixtures: 5 passed, 1 failed\n"))
    }

    @Test("A message that says null is reported as a wording problem, and does not fail the fixture")
    func wordingIsReported() throws {
        let scratch = try Self.copyOfExamples(
            editing: "ORG-TAG-001/rule.yaml",
            replacing: "message: \"{{address}} has no non-empty {{ params.tag_key }} tag\"",
            with: "message: \"{{address}} has tags {{ resource.values.tags }}\"")
        let result = try CLI.run(["test", "policies"], in: scratch.path)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        let wording = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  wording:") }
        #expect(!wording.isEmpty, "\(result.standardOutput)")
        #expect(wording.allSatisfy { $0.contains("a failure says null") }, "\(wording)")
        #expect(result.standardOutput.hasSuffix("6 fixtures: 6 passed, 0 failed\n"))
    }

    @Test("An invalid rule expression exits 2 naming the rule file and line")
    func invalidRule() throws {
        let scratch = try Self.copyOfExamples(
            editing: "ORG-DF-001/rule.yaml", replacing: "applies_if: instruction.is_final_stage",
            with: "applies_if: instruction.is_final_stage &&")
        let result = try CLI.run(["test", "policies"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.errorLines.count == 1, "\(result.errorLines)")
        #expect(
            result.errorLines.first?.hasPrefix("palisade: policies/ORG-DF-001/rule.yaml:") == true,
            "\(result.errorLines)")
    }

    @Test(
        "Folder problems exit 2 with an error naming the file",
        arguments: [
            ("missing expected.yaml", "ORG-DF-001/expected.yaml", nil, "policies/ORG-DF-001/expected.yaml"),
            (
                "unlisted fixture", "ORG-DF-001/fixtures/extra/Dockerfile", "FROM alpine:3.19\n",
                "policies/ORG-DF-001/expected.yaml"
            ),
            (
                "bad outcome", "ORG-DF-001/expected.yaml",
                "pass:\n  - {line: 4, outcome: passed}\nfail: []\n", "policies/ORG-DF-001/expected.yaml:2"
            ),
            ("built-in id", "DF001/rule.yaml", nil, "policies/DF001/rule.yaml"),
        ] as [(String, String, String?, String)])
    func folderProblems(_ problem: String, _ file: String, _ contents: String?, _ named: String) throws {
        let scratch = try Self.copyOfExamples()
        let path = scratch.path + "/policies/" + file
        if problem == "built-in id" {
            // A custom folder reusing a built-in id: copy ORG-DF-001 under the name DF001.
            try FileManager.default.copyItem(
                atPath: scratch.path + "/policies/ORG-DF-001", toPath: scratch.path + "/policies/DF001")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try scratch.write(
                "policies/" + file, text.replacingOccurrences(of: "id: ORG-DF-001", with: "id: DF001"))
        } else if let contents {
            try scratch.write("policies/" + file, contents)
        } else {
            try FileManager.default.removeItem(atPath: path)
        }
        let result = try CLI.run(["test", "policies"], in: scratch.path)
        #expect(result.status == 2, "\(problem): exit \(result.status)")
        #expect(result.errorLines.count == 1, "\(problem): \(result.errorLines)")
        #expect(
            result.errorLines.first?.hasPrefix("palisade: " + named) == true,
            "\(problem): \(result.errorLines)")
    }

    @Test("A folder that does not exist exits 2")
    func missingFolder() throws {
        let result = try CLI.run(["test", "/nonexistent/policies"])
        #expect(result.status == 2)
        #expect(
            result.errorLines.first?.hasPrefix("palisade: /nonexistent/policies") == true,
            "\(result.errorLines)")
    }
}
