import Policy
import TerraformPlan
import Testing

@testable import PalisadeCore

/// `policy_statements` reads a plain attribute name as a member, and a path by its steps.
@Suite("policy_statements attribute paths")
struct PolicyStatementPathTests {
    @Test(
        "plain names are exactly the paths of one name",
        arguments: [
            ("policy", true), ("assume_role_policy", true), ("p*", true), ("", false), ("a.b", false),
            ("a[0]", false), ("[\"policy\"]", false), (".policy", false), ("inline_policy[*].policy", false),
        ])
    func plainNames(path: String, isPlain: Bool) {
        #expect(PolicyStatements.isPlainName(path) == isPlain)
    }

    @Test("a plain name gives what the same member read through a path gives")
    func plainNameMatchesPath() throws {
        let policy = #"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Principal\":\"*\"}]}"#
        let plan = try PlanJoinFunctionTests.plan([
            PlanJoinFunctionTests.change(
                "aws_s3_bucket_policy", "known", after: "{\"policy\":\"\(policy)\"}"),
            PlanJoinFunctionTests.change("aws_s3_bucket_policy", "empty", after: #"{"policy":""}"#),
            PlanJoinFunctionTests.change("aws_s3_bucket_policy", "null", after: #"{"policy":null}"#),
            PlanJoinFunctionTests.change("aws_s3_bucket_policy", "absent", after: #"{}"#),
            PlanJoinFunctionTests.change("aws_s3_bucket_policy", "invalid", after: #"{"policy":"{"}"#),
        ])
        let context = PlanEvaluationContext(plan: plan)
        for resource in plan.resources {
            let plain = PolicyStatements.statements(of: resource, attribute: "policy", in: context)
            let path = PolicyStatements.statements(of: resource, attribute: "[\"policy\"]", in: context)
            #expect(plain == path, "\(resource.address)")
        }
        let known = try #require(plan.index.resource(address: "aws_s3_bucket_policy.known"))
        guard
            case .list(let statements) = PolicyStatements.statements(
                of: known, attribute: "policy", in: context)
        else {
            Issue.record("a known policy has a list of statements")
            return
        }
        #expect(statements.count == 1)
    }
}
