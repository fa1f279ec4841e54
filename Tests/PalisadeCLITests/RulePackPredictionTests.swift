import Foundation
import Testing

/// The rule pack loads beside the inputs for the kinds their names predict, and again when the
/// inputs turn out to be other kinds: the report never depends on the prediction.
@Suite("Rule pack prediction")
struct RulePackPredictionTests {
    /// The summary and the findings (rule, severity, resource) of a JSON report.
    private func essence(_ result: CLIResult) throws -> String {
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]]).map { finding in
            [finding["rule_id"], finding["severity"], finding["resource"]].map { "\($0 ?? "")" }
                .joined(separator: " ")
        }
        let counts = ["rules", "pass", "fail", "unknown", "not_applicable"].map { "\(summary[$0] ?? "")" }
        return counts.joined(separator: "/") + "\n" + findings.joined(separator: "\n")
    }

    @Test("A plan named as a plan, named otherwise, and on standard input gives the same report")
    func sameReportWhateverTheName() throws {
        let plan = try Data(
            contentsOf: URL(fileURLWithPath: RepositoryPaths.examples + "/terraform/plan.json"))
        let scratch = try TemporaryDirectory()
        let named = try scratch.write("plan.json", Array(plan))
        let unnamed = try scratch.write("plan.out", Array(plan))
        let asPlan = try CLI.run(["scan", "--format", "json", named])
        let asOther = try CLI.run(["scan", "--format", "json", unnamed])
        let fromStandardInput = try CLI.run(["scan", "--format", "json", "-"], input: Array(plan))
        #expect(asPlan.status == 1)
        #expect([asOther.status, fromStandardInput.status] == [1, 1])
        let expected = try essence(asPlan)
        #expect(expected.hasPrefix("100/"), "every plan rule ran: \(expected.prefix(40))")
        #expect(try essence(asOther) == expected)
        #expect(try essence(fromStandardInput) == expected)
    }

    @Test("A Dockerfile beside a plan-named file that is not a plan runs the Dockerfile rules only")
    func mispredictedKindsReload() throws {
        let scratch = try TemporaryDirectory()
        let dockerfile = try scratch.write("app/Dockerfile", "FROM alpine:3.20\nRUN echo hi\n")
        try scratch.write("app/package.json", #"{"name": "app"}"#)
        let directory = try CLI.run(["scan", "--format", "json", scratch.path + "/app"])
        let alone = try CLI.run(["scan", "--format", "json", dockerfile])
        #expect(directory.status == alone.status)
        #expect(try essence(directory) == essence(alone))
    }
}
