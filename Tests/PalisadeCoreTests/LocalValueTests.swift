import Foundation
import Testing

@testable import PalisadeCore

@Suite("Local values followed through the configuration's files")
struct LocalValueTests {
    static let project = RepositoryPaths.root + "/Tests/TerraformSourceTests/Fixtures/local-values"

    /// AWS-VPC-001's outcome per VPC when `plan` is scanned, with `source` as `--source`.
    private func outcomes(plan: String, source: String? = nil) -> [String: Outcome] {
        var options = ScanOptions(
            paths: [plan], only: ["AWS-VPC-001"], configPath: SourceLocationTests.defaultConfig)
        options.sourceDirectory = source
        options.recordsPasses = true
        let report = Scan.run(options).0
        #expect(report.errors.isEmpty, "\(report.errors)")
        var outcomes: [String: Outcome] = [:]
        for finding in report.findings { outcomes[finding.location.resource ?? ""] = finding.outcome }
        for passed in report.passedChecks { outcomes[passed.location.resource ?? ""] = .pass }
        return outcomes
    }

    @Test("A flow log whose VPC id comes through a local value is joined to the VPC the local names")
    func followedWithConfiguration() {
        // The terraform-aws-modules/vpc shape: `vpc_id = local.vpc_id`, a try() over the secondary
        // CIDR association and the VPC. The root's flow log takes another resource's value.
        #expect(
            outcomes(plan: Self.project + "/plan.json") == [
                "module.network.aws_vpc.this[0]": .pass, "aws_vpc.other": .fail,
            ])
    }

    @Test("Without the configuration, a value through a local value stays undecided")
    func undecidedWithoutConfiguration() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-locals-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = directory.appendingPathComponent("plan.json").path
        try FileManager.default.copyItem(atPath: Self.project + "/plan.json", toPath: plan)
        #expect(
            outcomes(plan: plan) == [
                "module.network.aws_vpc.this[0]": .unknown, "aws_vpc.other": .unknown,
            ])
        // --source names the configuration again.
        #expect(
            outcomes(plan: plan, source: Self.project) == [
                "module.network.aws_vpc.this[0]": .pass, "aws_vpc.other": .fail,
            ])
    }

    @Test("A security group whose id reaches its rules and outputs through a local value is joined to them")
    func securityGroupModule() throws {
        // terraform-aws-modules/security-group: `security_group_id = local.this_sg_id`, a
        // conditional over splats of two groups. With the rule joined, AWS-RDS-003 knows the
        // public database is open to the internet on its port: critical rather than high.
        func severity(_ plan: String) -> Severity? {
            let options = ScanOptions(
                paths: [plan], only: ["AWS-RDS-003"], configPath: SourceLocationTests.defaultConfig)
            return Scan.run(options).0.findings.first { $0.location.resource == "aws_db_instance.public" }?
                .severity
        }
        #expect(severity(Self.project + "/plan.json") == .critical)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-locals-sg-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = directory.appendingPathComponent("plan.json").path
        try FileManager.default.copyItem(atPath: Self.project + "/plan.json", toPath: plan)
        #expect(severity(plan) == .high)
    }

    @Test("An attribute set from a local made of variables left null is computed by the provider")
    func localOfPlanTimeValues() throws {
        // kms_key_id = local.volume_key, local.volume_key = var.volume_key (null): the volume
        // gets the AWS-managed key. Without the .tf the local might name a key created at apply.
        func outcome(_ plan: String) -> Outcome? {
            let options = ScanOptions(
                paths: [plan], only: ["AWS-EBS-004"], configPath: SourceLocationTests.defaultConfig)
            return Scan.run(options).0.findings.first { $0.location.resource == "aws_ebs_volume.data" }?
                .outcome
        }
        #expect(outcome(Self.project + "/plan.json") == .fail)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-locals-key-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = directory.appendingPathComponent("plan.json").path
        try FileManager.default.copyItem(atPath: Self.project + "/plan.json", toPath: plan)
        #expect(outcome(plan) == .unknown)
    }
}
