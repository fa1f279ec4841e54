import Foundation
import PalisadeCore
import Reporters
import Testing

/// The `gitlab` format: GitLab Code Quality issues, valid against GitLab's schema and with every
/// field GitLab's documentation requires.
@Suite("GitLab Code Quality reporter")
struct GitLabReporterTests {
    func issues(_ report: ScanReport) throws -> [[String: Any]] {
        let text = GitLabReporter().render(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test(
        "Valid against GitLab's schema, with the documented required fields",
        .enabled(if: PythonOracle.enabled(["jsonschema"]), "python3 with jsonschema is not installed"))
    func validAgainstGitLabSchema() {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            validator = jsonschema.Draft7Validator(schema)
            failed = False
            for path in sys.argv[2:]:
                issues = json.load(open(path, encoding="utf-8"))
                assert isinstance(issues, list), "the report must be one JSON array"
                for index, issue in enumerate(issues):
                    for error in validator.iter_errors(issue):
                        failed = True
                        print(path, index, error.message)
                    # GitLab's documentation: these are required and lines.begin is a line number.
                    for key in ("description", "check_name", "fingerprint", "severity"):
                        if not isinstance(issue.get(key), str) or not issue[key]:
                            failed = True; print(path, index, "missing", key)
                    if issue["severity"] not in ("info", "minor", "major", "critical", "blocker"):
                        failed = True; print(path, index, "severity", issue["severity"])
                    location = issue.get("location", {})
                    if not location.get("path") or location.get("lines", {}).get("begin", 0) < 1:
                        failed = True; print(path, index, "location", location)
            sys.exit(1 if failed else 0)
            """
        PythonOracle.check(
            script,
            files: [
                GitLabReporter().render(FixtureScan.goldenReport()),
                GitLabReporter().render(FixtureScan.hostileReport()),
            ],
            arguments: [TestPaths.absolute(TestPaths.gitlabSchema)])
    }

    @Test("Severities map to GitLab's vocabulary; unknowns are info")
    func severities() throws {
        #expect(
            Severity.allCases.map(GitLabReporter.severity) == [
                "blocker", "critical", "major", "minor", "info",
            ])
        let report = SampleReports.report(findings: [
            SampleReports.planFinding(),
            SampleReports.planFinding(rule: "AWS-S3-003", outcome: .unknown, unknownReason: "depends on x"),
        ])
        #expect(try issues(report).map { $0["severity"] as? String } == ["critical", "info"])
    }

    @Test(
        "Fingerprints are ours; plan findings sit on line 1 of the plan, Dockerfile findings on their lines")
    func locations() throws {
        let report = SampleReports.report(findings: [
            SampleReports.planFinding(),
            SampleReports.dockerfileFinding(line: 9, snippet: ["RUN a \\", "    b"]),
        ])
        let all = try issues(report)
        #expect(all.map { $0["fingerprint"] as? String } == report.findings.map(\.fingerprint))
        let plan = try #require(all[0]["location"] as? [String: Any])
        #expect(plan["path"] as? String == "plan.json")
        #expect((plan["lines"] as? [String: Int]) == ["begin": 1, "end": 1])
        #expect((all[0]["description"] as? String)?.contains("module.site.aws_s3_bucket_acl.this") == true)
        let docker = try #require(all[1]["location"] as? [String: Any])
        #expect((docker["lines"] as? [String: Int]) == ["begin": 9, "end": 10])
    }
}
