import Foundation
import Testing

@testable import TerraformPlan

@Suite("Apply order: what Terraform applies before a resource")
struct ApplyOrderTests {
    /// A plan fixture of a rule folder under policies/.
    func policyFixture(_ rule: String, _ fixture: String) throws -> Plan {
        try loadPlan(
            path: TestPaths.repositoryRoot.appendingPathComponent(
                "policies/\(rule)/fixtures/\(fixture)/plan.json"
            )
            .path)
    }

    @Test func referencesDependsOnAndModulesOrderResources() throws {
        let plan = try policyFixture("AWS-EBS-001", "default_race")
        let on = try #require(plan.resource("aws_ebs_encryption_by_default.on"))
        func ordered(_ address: String) throws -> Bool {
            plan.index.isApplied(try #require(plan.resource(address)), after: on)
        }
        #expect(try ordered("aws_ebs_volume.refers"))
        #expect(try ordered("aws_kms_key.ebs"))
        // Through the key, which names the default in depends_on.
        #expect(try ordered("aws_ebs_volume.through_key"))
        #expect(try !ordered("aws_ebs_volume.unordered"))
        #expect(try !ordered("aws_ebs_volume.encrypted"))
        // Never after itself, and not the other way round.
        #expect(!plan.index.isApplied(on, after: on))
        #expect(!plan.index.isApplied(on, after: try #require(plan.resource("aws_ebs_volume.refers"))))

        let modular = try policyFixture("AWS-EBS-001", "default_module")
        let inModule = try #require(modular.resource("module.account.aws_ebs_encryption_by_default.on"))
        #expect(
            modular.index.isApplied(try #require(modular.resource("aws_ebs_volume.waits")), after: inModule))
        #expect(
            !modular.index.isApplied(try #require(modular.resource("aws_ebs_volume.races")), after: inModule))

        // A module call's depends_on holds back the resources inside the module.
        let calls = try policyFixture("AWS-EBS-001", "default_on")
        let east = try #require(calls.resource("aws_ebs_encryption_by_default.east"))
        #expect(
            calls.index.isApplied(
                try #require(calls.resource("module.east_vols.aws_ebs_volume.data")), after: east))
        #expect(
            !calls.index.isApplied(
                try #require(calls.resource("module.west_vols.aws_ebs_volume.data")), after: east))
    }

    @Test func aReferenceCycleEnds() throws {
        // Terraform rejects cycles, but a plan file can hold one: the walk visits each resource once.
        func resource(_ name: String, refersTo other: String) -> String {
            """
            {"address": "aws_ebs_volume.\(name)", "mode": "managed", "type": "aws_ebs_volume", "name": "\(name)",
             "provider_config_key": "aws",
             "expressions": {"tags": {"references": ["aws_ebs_volume.\(other).id", "aws_ebs_volume.\(other)"]}},
             "depends_on": ["aws_ebs_volume.\(other)"]}
            """
        }
        func change(_ name: String) -> String {
            """
            {"address": "aws_ebs_volume.\(name)", "mode": "managed", "type": "aws_ebs_volume", "name": "\(name)",
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {}}}
            """
        }
        let text = """
            {"format_version": "1.2", "terraform_version": "1.11.4",
             "resource_changes": [\(change("a")), \(change("b")), \(change("c"))],
             "configuration": {"root_module": {"resources": [
               \(resource("a", refersTo: "b")), \(resource("b", refersTo: "a")), \(resource("c", refersTo: "c"))]}}}
            """
        let plan = try Plan.load(bytes: Array(text.utf8), path: "cycle.json")
        let a = try #require(plan.resource("aws_ebs_volume.a"))
        let b = try #require(plan.resource("aws_ebs_volume.b"))
        let c = try #require(plan.resource("aws_ebs_volume.c"))
        #expect(plan.index.isApplied(a, after: b))
        #expect(plan.index.isApplied(b, after: a))
        #expect(!plan.index.isApplied(a, after: c))
        #expect(!plan.index.isApplied(c, after: c))
    }
}
