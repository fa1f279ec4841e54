import Foundation
import PalisadeCore
import Reporters
import Testing

/// The `json` format writes exactly the fields of the report schema, in order, with nulls where a field
/// does not apply.
@Suite("JSON reporter")
struct JSONReporterTests {
    static let findingFields = [
        "rule_id", "title", "severity", "outcome", "category", "controls", "message", "remediation", "file",
        "line", "end_line", "column", "resource", "attribute", "action", "source", "unknown_reason",
        "unknown_values", "references", "fingerprint", "baseline_state", "suppression", "waiver",
    ]

    func object(_ json: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(value as? [String: Any])
    }

    func firstFinding(_ json: String) throws -> [String: Any] {
        let findings = try #require(try object(json)["findings"] as? [[String: Any]])
        return try #require(findings.first)
    }

    @Test("Top-level and finding fields come in contract order")
    func fieldOrder() throws {
        let json = JSONReporter().render(SampleReports.report(findings: [SampleReports.planFinding()]))
        let topLevel = [
            "schema_version", "tool", "findings", "summary", "unused_waivers", "unused_suppressions",
            "baseline",
            "errors",
        ]
        for fields in [topLevel, Self.findingFields] {
            let positions = fields.map { json.range(of: "\"\($0)\": ")?.lowerBound }
            #expect(!positions.contains(nil), "missing one of \(fields)")
            let found = positions.compactMap { $0 }
            #expect(found == found.sorted(), "fields out of order: \(fields)")
        }
        #expect(Set(try firstFinding(json).keys) == Set(Self.findingFields))
    }

    @Test("A plan finding has no line range; a Dockerfile finding has no plan location")
    func locationNulls() throws {
        let plan = try firstFinding(
            JSONReporter().render(SampleReports.report(findings: [SampleReports.planFinding()])))
        #expect(plan["line"] is NSNull && plan["end_line"] is NSNull)
        #expect(plan["resource"] as? String == "module.site.aws_s3_bucket_acl.this")
        #expect(plan["attribute"] as? String == "acl" && plan["action"] as? String == "create")
        let finding = SampleReports.dockerfileFinding(line: 9, snippet: ["RUN a \\", "    b"])
        let docker = try firstFinding(JSONReporter().render(SampleReports.report(findings: [finding])))
        #expect(docker["line"] as? Int == 9 && docker["end_line"] as? Int == 10)
        #expect(docker["resource"] is NSNull && docker["attribute"] is NSNull && docker["action"] is NSNull)
        #expect(docker["unknown_reason"] is NSNull)
    }

    @Test("Summary counts and every severity key are written")
    func summary() throws {
        let report = SampleReports.report(findings: [
            SampleReports.planFinding(), SampleReports.dockerfileFinding(severity: .low),
        ])
        let summary = try #require(try object(JSONReporter().render(report))["summary"] as? [String: Any])
        #expect(summary["fail"] as? Int == 2 && summary["suppressed"] as? Int == 0)
        let bySeverity = try #require(summary["by_severity"] as? [String: Int])
        #expect(bySeverity == ["critical": 0, "high": 1, "medium": 0, "low": 1, "info": 0])
    }

    @Test("Errors carry null positions when unknown")
    func errors() throws {
        let report = SampleReports.report(
            findings: [], errors: [InputError(file: "-", message: "not a plan")])
        let errors = try #require(try object(JSONReporter().render(report))["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["file"] as? String == "-")
        #expect(errors.first?["line"] is NSNull && errors.first?["column"] is NSNull)
    }

    @Test("User strings are escaped into valid JSON")
    func escaping() throws {
        let message = "quote \" backslash \\ newline \n escape \u{1B}[31m tab \t"
        let report = SampleReports.report(findings: [SampleReports.dockerfileFinding(message: message)])
        #expect(try firstFinding(JSONReporter().render(report))["message"] as? String == message)
    }

    @Test("A large report is written in pieces that together are the rendered report, findings in order")
    func writtenInPieces() throws {
        let findings = (0..<10_000).map { index in
            SampleReports.planFinding(resource: "aws_s3_bucket_acl.bucket_\(index)")
        }
        let report = SampleReports.report(findings: findings)
        var pieces: [[UInt8]] = []
        JSONReporter().write(report) { pieces.append(Array($0)) }
        let whole = pieces.flatMap { $0 }
        // The same bytes as the report rendered into one buffer, without flushing.
        #expect(String(decoding: whole, as: UTF8.self) == JSONReporter().render(report))
        // Held a batch at a time, never whole: no piece is more than a fraction of the report.
        #expect(pieces.count > 3)
        #expect(pieces.map(\.count).max()! < whole.count / 2)
        let written = try #require(
            try object(String(decoding: whole, as: UTF8.self))["findings"] as? [[String: Any]])
        #expect(written.map { $0["resource"] as? String } == findings.map(\.location.resource))
    }
}
