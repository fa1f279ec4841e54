import Foundation
import Testing

/// Custom policies written to exhaust the gate: each must end quickly with a clear verdict.
@Suite("Hostile custom policies")
struct HostileInputTests {
    /// A plan with one S3 bucket, for rules that select `aws_s3_bucket`.
    static let plan = RepositoryPaths.examples + "/policies/ORG-TAG-001/fixtures/omitted/plan.json"

    /// Writes a custom rule for `aws_s3_bucket` with one list or string parameter and `assert`,
    /// next to a copy of the one-bucket plan and a config that loads the rule.
    static func scratch(id: String, parameter: String, assert: String) throws -> TemporaryDirectory {
        let scratch = try TemporaryDirectory()
        try scratch.write("plan.json", Array(try Data(contentsOf: URL(fileURLWithPath: plan))))
        try scratch.write(".palisade.yaml", "policies: [policies]\n")
        try scratch.write(
            "policies/\(id)/rule.yaml",
            """
            id: \(id)
            title: A rule written to exhaust the evaluator
            description: Hostile on purpose.
            severity: high
            category: access-control
            controls: []
            status: active
            input: tfplan
            select:
              resources: [aws_s3_bucket]
            params:
              p:
                default: \(parameter)
                doc: The hostile parameter.
            assert: >-
              \(assert)
            message: "{{address}} failed"
            remediation: None.

            """)
        return scratch
    }

    @Test("an expression that would run for minutes stops at the step budget with exit 2")
    func runawayExpressionStopsAtTheBudget() throws {
        // Four nested comprehensions over 100 numbers: 10^8 steps, ten times the budget.
        let hundred = "[" + (0..<100).map(String.init).joined(separator: ",") + "]"
        let scratch = try Self.scratch(
            id: "ORG-SLOW-001", parameter: hundred,
            assert: "params.p.all(a, params.p.all(b, params.p.all(c, params.p.all(d, a + b + c + d >= 0))))")
        let started = ContinuousClock.now
        let result = try CLI.run(["scan", "plan.json"], in: scratch.path)
        let elapsed = ContinuousClock.now - started
        #expect(!result.crashed)
        #expect(result.status == 2, "exit \(result.status): \(result.standardError)")
        #expect(result.errorLines.count == 1, "\(result.errorLines)")
        #expect(
            result.errorLines.first?.hasPrefix("palisade: plan.json: rule ORG-SLOW-001 on aws_s3_bucket.")
                == true,
            "\(result.errorLines)")
        #expect(
            result.standardError.contains("assert: evaluation exceeded its budget of 10000000 steps"),
            "\(result.standardError)")
        // 10^7 steps take seconds even in a debug build under load; 10^8 would take minutes.
        #expect(elapsed < .seconds(90), "took \(elapsed)")
    }

    @Test("patterns that backtrack exponentially elsewhere run in linear time")
    func pathologicalPatternsAreLinear() throws {
        // Each pattern fails on the string only after trying every way to split the a's: a
        // backtracking engine takes exponential time, the linear engine one pass per position.
        let text = "\"" + String(repeating: "a", count: 20_000) + "!\""
        let patterns = [#"^(a+)+$"#, #"^(a|aa)*$"#, #"^(a*)*b$"#, #"^(.*a){20}$"#, #"^(a|a?)+$"#]
        // No pattern matches, so the rule fails: a finding proves every match ran to the end.
        let assert = patterns.map { "params.p.matches(\"\($0)\")" }.joined(separator: " || ")
        let scratch = try Self.scratch(id: "ORG-REGEX-001", parameter: text, assert: assert)
        let started = ContinuousClock.now
        let result = try CLI.run(["scan", "--format", "json", "plan.json"], in: scratch.path)
        let elapsed = ContinuousClock.now - started
        #expect(!result.crashed)
        #expect(result.status == 1, "exit \(result.status): \(result.standardError)")
        let report =
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let findings = (report?["findings"] as? [[String: Any]]) ?? []
        let outcomes = findings.filter { $0["rule_id"] as? String == "ORG-REGEX-001" }.map {
            $0["outcome"] as? String
        }
        #expect(outcomes == ["fail"], "\(outcomes)")
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }
}
