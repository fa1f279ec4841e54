import Foundation
import Testing

@testable import PalisadeCore

@Suite("Local values followed through the configuration's files")
struct LocalValueTests {
    static let project = RepositoryPaths.root + "/Tests/TerraformSourceTests/Fixtures/local-values"

    typealias Result = ConfigurationScan.Result

    /// The results of `rule` by resource address (see ``ConfigurationScan``).
    private func results(of rule: String, withConfiguration: Bool) throws -> [String: Result] {
        ConfigurationScan.results(
            of: try ConfigurationScan.report(
                of: rule, project: Self.project, withConfiguration: withConfiguration))
    }

    @Test("A flow log whose VPC id comes through a local value is joined to the VPC the local names")
    func flowLogThroughLocal() throws {
        // The terraform-aws-modules/vpc shape: `vpc_id = local.vpc_id`, a try() over the secondary
        // CIDR association and the VPC. The root's flow log takes another resource's value.
        #expect(
            try results(of: "AWS-VPC-001", withConfiguration: true) == [
                "module.network.aws_vpc.this[0]": Result(outcome: .pass),
                "aws_vpc.other": Result(outcome: .fail, severity: .low),
            ])
        // Without the configuration, the flow logs' VPC ids refer to nothing in the plan.
        #expect(
            try results(of: "AWS-VPC-001", withConfiguration: false) == [
                "module.network.aws_vpc.this[0]": Result(outcome: .unknown, severity: .low),
                "aws_vpc.other": Result(outcome: .unknown, severity: .low),
            ])
    }

    @Test("--source names the configuration of a plan kept elsewhere, locals included")
    func sourceOption() throws {
        let directory = try ScratchDirectory("locals-source")
        let plan = try directory.copy(Self.project + "/plan.json", as: "plan.json")
        var options = ScanOptions(
            paths: [plan], only: ["AWS-VPC-001"], configPath: SourceLocationTests.defaultConfig)
        options.sourceDirectory = Self.project
        let report = Scan.run(options).0
        #expect(report.findings.map(\.location.resource) == ["aws_vpc.other"])
        #expect(report.findings.map(\.outcome) == [.fail])
    }

    @Test("A security group whose id reaches its rules and outputs through a local value is joined to them")
    func securityGroupModule() throws {
        // terraform-aws-modules/security-group: `security_group_id = local.this_sg_id`, a
        // conditional over splats of two groups. With the rule joined, AWS-RDS-003 knows the
        // public database is open to the internet on its port: critical rather than high.
        let address = "aws_db_instance.public"
        #expect(try results(of: "AWS-RDS-003", withConfiguration: true)[address]?.severity == .critical)
        #expect(try results(of: "AWS-RDS-003", withConfiguration: false)[address]?.severity == .high)
    }

    @Test("An attribute set from a local made of variables left null is computed by the provider")
    func localOfPlanTimeValues() throws {
        // kms_key_id = local.volume_key, local.volume_key = var.volume_key (null): the volume
        // gets the AWS-managed key. Without the .tf the local might name a key created at apply.
        let address = "aws_ebs_volume.data"
        #expect(try results(of: "AWS-EBS-004", withConfiguration: true)[address]?.outcome == .fail)
        #expect(try results(of: "AWS-EBS-004", withConfiguration: false)[address]?.outcome == .unknown)
    }
}
