import PalisadeCore
import Reporters
import TestMaterial
import Testing

/// The JSON report validates against the committed schema, and the schema rejects drift.
@Suite(
    "JSON report schema",
    .requiresJSONSchema)
struct ReportSchemaTests {
    @Test("The golden scan's report is valid")
    func goldenReportIsValid() {
        let json = JSONReporter().render(FixtureScan.goldenReport())
        #expect(SchemaValidator.violations(of: json) == [])
    }

    @Test("A report with errors, unknowns and a file-level finding is valid")
    func errorsAndUnknownsAreValid() {
        var fileLevel = SampleReports.dockerfileFinding()
        fileLevel.location = Location(file: "-")
        var unknown = SampleReports.planFinding(
            outcome: .unknown, unknownReason: "acl depends on aws_s3_bucket.site")
        unknown.unknownValues = ["computed", "unknown_reference", "unshown_block", "undecided_join"].map {
            state in
            UnknownValue(attribute: "ingress[0].cidr_blocks", state: state, references: ["aws_eip.office"])
        }
        let report = SampleReports.report(
            findings: [
                unknown, SampleReports.planFinding(resource: "provider.aws", attribute: nil), fileLevel,
            ],
            errors: [
                InputError(file: "broken.json", line: 3, column: 17, message: "expected a value"),
                InputError(file: "missing.json", message: "no such file"),
            ])
        #expect(SchemaValidator.violations(of: JSONReporter().render(report)) == [])
    }

    @Test("A report with a located finding, a waived finding and an unused waiver is valid")
    func sourceAndWaiversAreValid() {
        var located = SampleReports.planFinding()
        located.location.source = SourceReference(file: "modules/storage/main.tf", line: 14, endLine: 14)
        var downloaded = SampleReports.planFinding(rule: "AWS-S3-003")
        downloaded.location.source = SourceReference(
            file: "main.tf", line: 3, endLine: 6,
            inModule: SourceLines(file: ".terraform/modules/site/main.tf", line: 40, endLine: 40))
        let waiver = Waiver(
            rule: "AWS-S3-001", resource: "module.site.*", file: nil, reason: "reviewed in SEC-123",
            owner: "web@example.com", expires: CalendarDay("2026-06-30")!, configFile: ".palisade.yaml",
            configLine: 3)
        var waived = SampleReports.planFinding()
        waived.outcome = .waived
        waived.waiver = AppliedWaiver(waiver: waiver, daysLeft: 12)
        var silenced = SampleReports.dockerfileFinding()
        silenced.outcome = .suppressed
        silenced.suppression = SuppressionNote(file: "Dockerfile", line: 3, reason: "runs as root on purpose")
        var report = SampleReports.report(findings: [located, downloaded, waived, silenced])
        report.unusedWaivers = [waiver]
        let json = JSONReporter().render(report)
        #expect(SchemaValidator.violations(of: json) == [])
        #expect(json.contains("\"expires_soon\": true"))
        // A waiver on a failing finding, or a waived finding without one, breaks the contract.
        var unwaived = waived
        unwaived.waiver = nil
        #expect(
            SchemaValidator.violations(of: JSONReporter().render(SampleReports.report(findings: [unwaived])))
                != [])
        var failing = waived
        failing.outcome = .fail
        #expect(
            SchemaValidator.violations(of: JSONReporter().render(SampleReports.report(findings: [failing])))
                != [])
    }

    /// Edits of a valid report that break the contract; each must be rejected.
    static let breakingEdits: [(description: String, from: String, to: String)] = [
        ("a missing field", "\"fingerprint\": ", "\"finger_print\": "),
        ("an unknown severity", "\"severity\": \"high\"", "\"severity\": \"severe\""),
        ("an unknown outcome", "\"outcome\": \"fail\"", "\"outcome\": \"pass\""),
        ("a line on a plan finding", "\"line\": null", "\"line\": 4"),
        ("a string count", "\"files\": 2", "\"files\": \"2\""),
        ("another schema version", "\"schema_version\": 1", "\"schema_version\": 2"),
        ("a short fingerprint", "\"fingerprint\": \"b", "\"fingerprint\": \"xb"),
        ("an extra field", "\"rule_id\": ", "\"rule\": \"x\", \"rule_id\": "),
        ("a reason on a failure", "\"unknown_reason\": null", "\"unknown_reason\": \"because\""),
        (
            "a source without a line", "\"source\": null",
            "\"source\": {\"file\": \"main.tf\", \"end_line\": 3}"
        ),
    ]

    @Test("The schema rejects contract breaks", arguments: breakingEdits.map(\.description))
    func schemaRejectsBreaks(description: String) throws {
        let edit = try #require(Self.breakingEdits.first { $0.description == description })
        let json = JSONReporter().render(SampleReports.report(findings: [SampleReports.planFinding()]))
        try #require(json.contains(edit.from), "the sample report lacks \(edit.from)")
        let broken = json.replacing(edit.from, with: edit.to, maxReplacements: 1)
        #expect(SchemaValidator.violations(of: broken) != [], "the schema accepts \(description)")
    }
}
