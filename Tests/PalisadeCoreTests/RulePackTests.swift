import PackGeneration
import Policy
import Testing

@testable import PalisadeCore

@Suite("Rule pack")
struct RulePackTests {
    @Test("The embedded pack matches policies/ (regenerate with `swift run palisade generate-pack`)")
    func embeddedPackIsFresh() throws {
        let files = try RuleFolderFiles.collect(policiesDirectory: RepositoryPaths.policies)
        let expected = try PackGenerator.render(files)
        let committed = String(
            decoding: try FileSystem.read(RepositoryPaths.root + "/" + PackGenerator.outputPath),
            as: UTF8.self)
        #expect(
            committed == expected,
            "\(PackGenerator.outputPath) is stale: run `\(PackGenerator.command)` from the repository root and commit it"
        )
    }

    @Test("Every built-in rule loads, compiles and keeps the metadata rules")
    func metadataIsValid() throws {
        let definitions = try RulePack.builtInDefinitions()
        #expect(definitions.count >= 44)
        let pack = try RulePack.compile(definitions, configuration: Configuration(), digest: "test")
        #expect(pack.rules.count == definitions.count)
        for definition in definitions where definition.unknownIf != nil {
            // The values an unknown_if read are not why it held: only the rule can say that.
            #expect(
                definition.unknownMessage != nil,
                "\(definition.id) has unknown_if without unknown_message: its unknowns would be worded from the values it read"
            )
        }
        var seen = Set<String>()
        for rule in pack.rules {
            let summary = rule.summary
            #expect(seen.insert(summary.id).inserted, "duplicate id \(summary.id)")
            #expect(RuleIdentifier.isBuiltIn(summary.id), "\(summary.id) does not follow the id scheme")
            #expect(!summary.title.hasSuffix("."), "\(summary.id): title ends with a period")
            #expect(
                summary.title == summary.title.trimmingSpaces(), "\(summary.id): title has surrounding spaces"
            )
            #expect(!summary.title.isEmpty && !summary.description.isEmpty && !summary.remediation.isEmpty)
            #expect(!rule.family.isEmpty, "\(summary.id) has no family")
            #expect(["active", "opt-in", "deprecated"].contains(summary.status))
            #expect(
                summary.input == (summary.id.hasPrefix("DF") ? "dockerfile" : "tfplan"),
                "\(summary.id): input")
            for control in summary.controls {
                let framework = control.split(separator: ":").first.map(String.init) ?? ""
                #expect(
                    ControlFramework.allCases.contains { framework.hasPrefix($0.rawValue) },
                    "\(summary.id): control \(control) names an unknown framework")
            }
        }
    }

    /// Every id that ever shipped, which must stay in the pack: ids are permanent.
    ///
    /// A retired rule is deprecated, never removed. Extend this list when a rule is added; never shrink it.
    static let shippedIDs: [String] =
        (1...25).map { "DF" + String(format3($0)) } + [
            "AWS-S3-001", "AWS-S3-003", "AWS-S3-004", "AWS-S3-006", "AWS-EC2-001", "AWS-EC2-002",
            "AWS-EC2-003",
            "AWS-EBS-001", "AWS-EBS-004", "AWS-RDS-001", "AWS-RDS-003", "AWS-ELB-001", "AWS-KMS-001",
            "AWS-ECR-001",
            "AWS-ECR-002", "AWS-ECS-001", "AWS-ECS-002", "AWS-ECS-003", "AWS-ECS-008", "AWS-SEC-001",
            "AWS-IAM-001", "AWS-IAM-002", "AWS-IAM-003", "AWS-IAM-004", "AWS-KMS-002", "AWS-POL-001",
            "AWS-ECR-003", "AWS-ECR-004", "AWS-LMB-001", "AWS-S3-002", "AWS-S3-005", "AWS-S3-007",
            "AWS-SQS-001", "AWS-SNS-001", "AWS-EFS-001", "AWS-CT-001", "AWS-CT-002", "AWS-SEC-002",
            "AWS-SEC-003",
        ]

    static func format3(_ number: Int) -> String {
        number < 10 ? "00\(number)" : (number < 100 ? "0\(number)" : "\(number)")
    }

    @Test("No shipped rule id has disappeared")
    func idsArePermanent() throws {
        let ids = Set(try RulePack.builtInDefinitions().map(\.id))
        for id in Self.shippedIDs { #expect(ids.contains(id), "\(id) was removed: deprecate it instead") }
    }
}
