import Policy
import Testing

@Suite("Rule file samples")
struct RuleFileSampleTests {
    private func samples() throws -> [RuleDefinition] {
        try RulePackLoader.loadPack(root: RuleFileTestSupport.samplesRoot, origin: .builtIn)
    }

    @Test("the sample pack loads, sorted by id")
    func loadsSorted() throws {
        #expect(try samples().map(\.id) == ["AWS-RDS-001", "DF001"])
    }

    @Test("a tfplan rule has typed fields")
    func terraformRuleFields() throws {
        let rule = try #require(try samples().first { $0.id == "AWS-RDS-001" })
        #expect(rule.family == "storage.unencrypted")
        #expect(rule.title == "RDS instance storage not encrypted")
        #expect(rule.description.hasPrefix("An RDS instance without storage encryption keeps its data"))
        #expect(rule.severity == .high)
        #expect(rule.category == .encryption)
        #expect(rule.status == .active)
        #expect(rule.input == .tfplan)
        #expect(
            rule.controls == [
                ControlReference(framework: .nist800190, version: nil, control: "4.3.2"),
                ControlReference(framework: .cisAWS, version: "3.0", control: "2.3.1"),
            ])
        #expect(rule.controls.map(\.description) == ["NIST-800-190:4.3.2", "CIS-AWS-3.0:2.3.1"])
        #expect(rule.equivalents == RuleEquivalents(checkov: ["CKV_AWS_16"], trivy: ["AWS-0080"]))
        #expect(
            rule.selection
                == .tfplan(
                    TerraformSelection(resourceTypes: ["aws_db_instance"], each: nil, providerConfigs: [])))
        #expect(
            rule.parameters == [
                RuleParameter(
                    name: "allowed_engines", defaultValue: .list([.string("postgres"), .string("mysql")]),
                    documentation: "Engines this rule inspects.")
            ])
        #expect(rule.appliesIf == nil)
        #expect(rule.severityCases.map(\.severity) == [.critical])
        #expect(
            rule.remediation == "Set storage_encrypted = true, and kms_key_id for a customer-managed key.")
        #expect(rule.file.hasSuffix("Samples/AWS-RDS-001/rule.yaml"))
    }

    @Test("a dockerfile rule has typed fields")
    func dockerfileRuleFields() throws {
        let rule = try #require(try samples().first { $0.id == "DF001" })
        #expect(rule.selection == .dockerfile(DockerfileSelection(subject: .imageRef, instructions: [])))
        #expect(rule.rationale == "NIST SP 800-190 4.2.2 asks for immutable image names.")
        #expect(rule.equivalents.kics == ["9efb0b2d-89c9-41a3-91ca-dcc0aec911fd"])
        #expect(rule.controls.count == 3)
        #expect(rule.assertion.text == "has(subject.tag) || has(subject.digest)")
    }

    /// (rule id, which expression, text prefix, line, column) for each expression in the samples.
    static let expressionPositions: [(String, String, String, Int, Int)] = [
        ("AWS-RDS-001", "unknown_if", "has(resource.values.replicate_source_db)", 19, 13),
        ("AWS-RDS-001", "assert", "resource.values.storage_encrypted == true", 20, 9),
        ("AWS-RDS-001", "severity_cases[0].if", "resource.values.publicly_accessible", 22, 9),
        ("AWS-RDS-001", "message", "{{address}} stores data unencrypted", 24, 11),
        ("DF001", "applies_if", "subject.origin == \"FROM\"", 23, 14),
        ("DF001", "unknown_if", "subject.unresolved", 24, 13),
        ("DF001", "assert", "has(subject.tag)", 26, 3),
        ("DF001", "message", "{{subject.text}} has no tag", 27, 11),
    ]

    @Test("expressions keep the position of their first character", arguments: expressionPositions)
    func expressionPosition(id: String, field: String, prefix: String, line: Int, column: Int) throws {
        let rule = try #require(try samples().first { $0.id == id })
        let expression: ExpressionSource? =
            switch field {
            case "unknown_if": rule.unknownIf
            case "applies_if": rule.appliesIf
            case "assert": rule.assertion
            case "message": rule.message
            default: rule.severityCases.first?.condition
            }
        let source = try #require(expression)
        #expect(source.text.hasPrefix(prefix))
        #expect(source.line == line)
        #expect(source.column == column)
        #expect(source.file == rule.file)
    }

    @Test("parsing text directly gives the same rule as loading the folder")
    func parseText() throws {
        let rule = try RuleFileParser.parse(
            yaml: RuleFileTestSupport.validCustomRule, file: "custom.yaml", origin: .custom)
        #expect(rule.id == "ACME-S3-001")
        #expect(rule.status == .active)
        #expect(rule.family == nil)
        #expect(
            rule.message
                == ExpressionSource(
                    text: "{{address}} has no owner tag", file: "custom.yaml", line: 10, column: 11))
    }
}
