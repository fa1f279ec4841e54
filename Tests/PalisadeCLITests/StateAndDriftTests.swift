import Foundation
import Testing

@Suite("Terraform state and drift")
struct StateAndDriftTests {
    static let state = RepositoryPaths.examples + "/terraform-state/state.json"
    static let drift = RepositoryPaths.root + "/policies/AWS-S3-001/fixtures/drift/plan.json"

    @Test(
        "A state is scanned with the plan rules: findings are deployed, no value unknown, no secret printed"
    )
    func stateIsScanned() throws {
        let result = try CLI.run(["scan", "--format", "json", Self.state])
        #expect(result.status == 1, "\(result.standardError)")
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let rules = Set(findings.compactMap { $0["rule_id"] as? String })
        #expect(rules.isSuperset(of: ["AWS-S3-001", "AWS-RDS-001", "AWS-EC2-001"]), "\(rules)")
        let actions = Set(findings.compactMap { $0["action"] as? String })
        #expect(actions == ["deployed"])
        // Every value of a state is known: the one unknown is the bucket without a block-public-access
        // resource, which exists already, so the default for new buckets says nothing about it.
        let unknowns = findings.filter { $0["outcome"] as? String == "unknown" }
        let unknownSubjects = unknowns.map { "\($0["rule_id"] ?? "") \($0["resource"] ?? "")" }
        #expect(unknownSubjects == ["AWS-S3-004 aws_s3_bucket.site"])
        #expect(unknowns.allSatisfy { ($0["unknown_values"] as? [Any])?.isEmpty == true })
        #expect(
            unknowns.allSatisfy {
                ($0["unknown_reason"] as? String)?.hasPrefix("the bucket already exists and this state")
                    == true
            })
        // No apply follows a state: the finding says what it cannot be decided from.
        #expect(
            unknowns.allSatisfy {
                ($0["message"] as? String)?.contains(": cannot be decided from the state alone: ") == true
            })
        let junit = try CLI.run(["scan", "--format", "junit", "--fail-on", "never", Self.state])
            .standardOutput
        #expect(
            junit.contains(
                "<skipped message=\"cannot be decided from the state alone: the bucket already exists"))
        #expect(!junit.contains("before apply"))
        // The state holds the database password in clear text, as terraform show -json prints it.
        let stateText = try String(contentsOfFile: Self.state, encoding: .utf8)
        #expect(stateText.contains("deployed-db-password-Zq81"))
        for format in ["text", "json"] {
            let output = try CLI.run(["scan", "--format", format, Self.state]).standardOutput
            #expect(!output.contains("deployed-db-password-Zq81"), "\(format) output leaks the password")
        }
        let parsed = try CLI.run(["parse", Self.state])
        #expect(parsed.status == 0)
        #expect(parsed.standardOutput.contains("\"terraform-state\""))
        #expect(!parsed.standardOutput.contains("deployed-db-password-Zq81"))
    }

    @Test("A raw terraform.tfstate is refused with the command that makes its JSON form")
    func rawStateIsRefused() throws {
        let raw = RepositoryPaths.examples + "/terraform-state/terraform.tfstate"
        let result = try CLI.run(["scan", raw])
        #expect(result.status == 2)
        #expect(result.standardError.contains("terraform show -json"), "\(result.standardError)")
    }

    @Test("Drifted resources are judged on their current values and reported as drift")
    func driftIsReported() throws {
        let result = try CLI.run(["scan", "--format", "json", Self.drift])
        #expect(result.status == 1)
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding["action"] as? String == "drift")
        #expect((finding["message"] as? String)?.hasPrefix("changed outside Terraform") == true)
    }
}
