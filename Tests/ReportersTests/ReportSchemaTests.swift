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
        let report = SampleReports.report(
            findings: [
                SampleReports.planFinding(
                    outcome: .unknown, unknownReason: "acl depends on aws_s3_bucket.site"),
                SampleReports.planFinding(resource: "provider.aws", attribute: nil), fileLevel,
            ],
            errors: [
                InputError(file: "broken.json", line: 3, column: 17, message: "expected a value"),
                InputError(file: "missing.json", message: "no such file"),
            ])
        #expect(SchemaValidator.violations(of: JSONReporter().render(report)) == [])
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
