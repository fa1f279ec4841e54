import Policy
import TerraformPlan
import Testing

@testable import PalisadeCore

/// Joins looked up in the plan's index: each resource gets its own answer, asked once or again.
@Suite("same_provider and public_acl_neutralised")
struct PlanJoinFunctionTests {
    static let environment = Environment(variables: ["resource"], functions: RulePack.functions)

    static func change(
        _ type: String, _ name: String, after: String, provider: String = "aws"
    ) -> (String, String) {
        (
            """
            {"address":"\(type).\(name)","mode":"managed","type":"\(type)","name":"\(name)",
             "provider_name":"registry.terraform.io/hashicorp/aws",
             "change":{"actions":["create"],"after":\(after),"after_unknown":{}}}
            """,
            """
            {"address":"\(type).\(name)","mode":"managed","type":"\(type)","name":"\(name)",
             "provider_config_key":"\(provider)","expressions":{}}
            """
        )
    }

    static func plan(_ changes: [(String, String)]) throws -> Plan {
        let text = """
            {"format_version":"1.2","resource_changes":[\(changes.map(\.0).joined(separator: ","))],
            "configuration":{"root_module":{"resources":[\(changes.map(\.1).joined(separator: ","))]}}}
            """
        return try Plan.load(bytes: Array(text.utf8), path: "inline.json")
    }

    /// The addresses of a list of resources, or nil when `value` is not one.
    static func addresses(_ value: Value) -> [String]? {
        guard case .list(let elements) = value else { return nil }
        return elements.map { element in
            guard case .host(let host) = element, case .string(let address) = host.member("address") else {
                return "?"
            }
            return address
        }
    }

    @Test("same_provider leaves out the asking resource and keeps to its provider configuration")
    func sameProvider() throws {
        let plan = try Self.plan([
            Self.change("aws_ebs_volume", "a", after: #"{"size":1}"#),
            Self.change("aws_ebs_volume", "b", after: #"{"size":2}"#),
            Self.change("aws_ebs_volume", "west", after: #"{"size":3}"#, provider: "aws.west"),
            Self.change("aws_ebs_encryption_by_default", "d", after: #"{"enabled":true}"#),
        ])
        let context = PlanEvaluationContext(plan: plan)
        let volumes = try Expression.compile(
            "same_provider(resource, 'aws_ebs_volume')", environment: Self.environment)
        let defaults = try Expression.compile(
            "same_provider(resource, 'aws_ebs_encryption_by_default')", environment: Self.environment)
        for _ in 0..<2 {
            for (name, expected) in [
                ("a", ["aws_ebs_volume.b"]), ("b", ["aws_ebs_volume.a"]), ("west", []),
            ] {
                let resource = try #require(plan.index.resource(address: "aws_ebs_volume.\(name)"))
                let bindings = Bindings(["resource": PlanFunctions.host(resource)], payload: context)
                #expect(Self.addresses(volumes.evaluate(bindings)) == expected, "\(name)")
                #expect(
                    Self.addresses(defaults.evaluate(bindings))
                        == (name == "west" ? [] : ["aws_ebs_encryption_by_default.d"]), "\(name)")
            }
        }
    }

    @Test("public_acl_neutralised answers for each bucket, asked once or twice")
    func neutralised() throws {
        let plan = try Self.plan([
            Self.change("aws_s3_bucket", "open", after: #"{"bucket":"open","acl":"public-read"}"#),
            Self.change("aws_s3_bucket", "guarded", after: #"{"bucket":"guarded","acl":"public-read"}"#),
            Self.change(
                "aws_s3_bucket_public_access_block", "guard",
                after: #"{"bucket":"guarded","ignore_public_acls":true}"#),
        ])
        let context = PlanEvaluationContext(plan: plan)
        let neutralised = try Expression.compile(
            "public_acl_neutralised(resource)", environment: Self.environment)
        for _ in 0..<2 {
            for (name, expected) in [("open", false), ("guarded", true)] {
                let resource = try #require(plan.index.resource(address: "aws_s3_bucket.\(name)"))
                let bindings = Bindings(["resource": PlanFunctions.host(resource)], payload: context)
                #expect(neutralised.evaluate(bindings) == .bool(expected), "\(name)")
            }
        }
    }
}
