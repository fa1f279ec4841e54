import Foundation
import Policy
import TestMaterial
import Testing

@testable import PalisadeCore

/// The pinned AWS provider's schema and the load-time check of custom rules against it.
@Suite("AWS schema")
struct AWSSchemaTests {
    static let schema = AWSSchema.pinned

    /// A custom tfplan rule with the given `select.resources` and assertion, parsed from YAML.
    func rule(_ types: [String], assert: String) throws -> (RuleDefinition, String) {
        let yaml = """
            id: ORG-TEST-001
            title: t
            description: d
            severity: low
            category: encryption
            input: tfplan
            select:
              resources: [\(types.joined(separator: ", "))]
            assert: \(assert)
            message: m
            remediation: r
            """
        return (try RuleFileParser.parse(yaml: yaml, file: "rule.yaml", origin: .custom), yaml)
    }

    @Test("The schema knows resources, data sources and nested blocks of the pinned provider")
    func contents() throws {
        #expect(Self.schema.resources.count > 1400 && Self.schema.dataSources.count > 500)
        let database = try #require(Self.schema.resources["aws_db_instance"])
        #expect(database.children["storage_encrypted"]?.isLeaf == true)
        let group = try #require(Self.schema.resources["aws_security_group"]?.children["ingress"])
        #expect(group.children["cidr_blocks"] != nil && group.children["from_port"] != nil)
        #expect(
            Self.schema.resources["aws_instance"]?.children["root_block_device"]?.children["encrypted"] != nil
        )
        #expect(Self.schema.dataSources["aws_iam_policy_document"]?.children["statement"] != nil)
    }

    @Test("Every built-in rule passes the check")
    func builtInRulesPass() throws {
        for definition in try RulePack.builtInDefinitions() {
            let problems = AWSSchemaCheck.problems(definition, yaml: nil)
            #expect(problems.isEmpty, "\(definition.id): \(problems.map(\.description))")
        }
    }

    @Test("An unknown aws type is an error at its place in the file, with a suggestion")
    func unknownType() throws {
        let (definition, yaml) = try rule(["aws_s3_buckt"], assert: "true")
        let problems = AWSSchemaCheck.problems(definition, yaml: yaml)
        #expect(
            problems.map(\.description) == [
                "rule.yaml:8:15: select.resources names 'aws_s3_buckt', which hashicorp/aws \(AWSSchema.providerVersion) does not have; did you mean 'aws_s3_bucket'?"
            ])
    }

    @Test(
        "A misspelt attribute, top-level or nested, is an error with did-you-mean",
        arguments: [
            (
                "resource.values.storage_encryptd == true", "resource.values.storage_encryptd",
                "storage_encrypted"
            ),
            (
                "resource.values.root_block_device[0].encryptd", "resource.values.root_block_device.encryptd",
                "encrypted"
            ),
        ])
    func unknownAttribute(assert: String, path: String, suggestion: String) throws {
        let (definition, yaml) = try rule(["aws_db_instance", "aws_instance"], assert: assert)
        let problems = AWSSchemaCheck.problems(definition, yaml: yaml)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.line == 9 && problem.column == 9, "\(problem.description)")
        #expect(problem.message.hasPrefix(path + ": aws_db_instance, aws_instance has no attribute or block"))
        #expect(problem.message.hasSuffix("did you mean '\(suggestion)'?"), "\(problem.message)")
    }

    @Test("Attributes read in the message template are checked too")
    func messageTemplate() throws {
        let (definition, yaml) = try rule(["aws_db_instance"], assert: "true")
        let edited = yaml.replacingOccurrences(
            of: "message: m", with: "message: '{{ address }} has {{ resource.values.engin }}'")
        let parsed = try RuleFileParser.parse(yaml: edited, file: "rule.yaml", origin: .custom)
        #expect(AWSSchemaCheck.problems(definition, yaml: yaml).isEmpty)
        let problems = AWSSchemaCheck.problems(parsed, yaml: edited)
        #expect(problems.map(\.line) == [10])
        #expect(problems.first?.message.hasSuffix("did you mean 'engine'?") == true, "\(problems)")
    }

    @Test(
        "Existing paths, map keys, other providers and unknown-provider selections pass",
        arguments: [
            (
                ["aws_db_instance"],
                "resource.values.tags.owner != '' && has(resource.values.storage_encrypted)"
            ),
            (["aws_security_group"], "resource.values.ingress.exists(i, i.from_port == 22)"),
            (["google_compute_firewall"], "resource.values.anything_at_all"),
            (["aws_db_instance", "google_sql_database_instance"], "resource.values.settings"),
        ])
    func accepted(types: [String], assert: String) throws {
        let (definition, yaml) = try rule(types, assert: assert)
        #expect(AWSSchemaCheck.problems(definition, yaml: yaml).isEmpty)
    }

    @Test("A custom policy folder with a misspelt attribute fails to load")
    func loadFails() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-aws-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("ORG-TEST-001")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, yaml) = try rule(["aws_db_instance"], assert: "resource.values.storage_encryptd")
        try yaml.write(to: folder.appendingPathComponent("rule.yaml"), atomically: true, encoding: .utf8)
        var configuration = Configuration()
        configuration.policyFolders = [root.path]
        let error = #expect(throws: RulePackError.self) { try RulePack.load(configuration: configuration) }
        #expect(error?.errors.first?.message.contains("did you mean 'storage_encrypted'?") == true)
    }

    @Test("The schema was read from the provider version the plan fixtures pin")
    func pinnedVersion() throws {
        let example = TestMaterial.shared.appendingPathComponent("terraform/provider.tf.example")
        let text = try String(contentsOf: example, encoding: .utf8)
        #expect(text.contains("version = \"\(AWSSchema.providerVersion)\""), "re-run `\(AWSSchema.command)`")
    }

    static var canRegenerate: Bool {
        FileManager.default.fileExists(atPath: "/opt/tf-plugins")
            && (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/terraform")
            }
    }

    @Test("AWSSchemaData.swift is what the script makes now", .enabled(if: canRegenerate))
    func fresh() throws {
        let root = TestMaterial.repositoryRoot.path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "aws-schema-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: root + "/" + AWSSchema.command)
        process.arguments = [output.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(AWSSchema.command) failed")
        let fresh = try String(contentsOf: output, encoding: .utf8)
        let committed = try String(
            contentsOfFile: root + "/Sources/PalisadeCore/Pack/AWSSchemaData.swift", encoding: .utf8)
        #expect(fresh == committed, "AWSSchemaData.swift is stale: run `\(AWSSchema.command)` and commit it")
    }
}
