import Foundation
import PalisadeCore
import Reporters
import Testing

/// The `sarif` format: valid SARIF 2.1.0 shaped for GitHub code scanning, read back by
/// `sarif-tools`.
@Suite("SARIF reporter")
struct SARIFReporterTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func run(_ text: String) throws -> [String: Any] {
        let runs = try #require(try json(text)["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    func results(_ text: String) throws -> [[String: Any]] {
        try #require(try run(text)["results"] as? [[String: Any]])
    }

    /// A report with a plan failure, a Dockerfile failure, an unknown, a finding read from
    /// standard input and two input errors.
    static func mixedReport() -> ScanReport {
        var stdinFinding = SampleReports.dockerfileFinding(rule: "DF002", severity: .medium)
        stdinFinding.location.file = "-"
        var report = SampleReports.report(
            findings: [
                SampleReports.planFinding(),
                SampleReports.dockerfileFinding(line: 9, snippet: ["RUN a \\", "    b"]),
                SampleReports.planFinding(
                    rule: "AWS-S3-003", outcome: .unknown, unknownReason: "acl depends on aws_s3_bucket.site"),
                stdinFinding,
            ],
            errors: [
                InputError(file: "broken.json", line: 3, column: 17, message: "expected a value"),
                InputError(file: "-", message: "not a plan"),
            ])
        report.rules = ["AWS-S3-001", "AWS-S3-003", "DF002", "DF007", "DF021"].map { id in
            RuleSummary(
                id: id, title: "Title of \(id)", severity: id == "DF021" ? .low : .high,
                category: "encryption",
                input: id.hasPrefix("DF") ? "dockerfile" : "tfplan", status: "active",
                controls: ["NIST-800-190:4.3.2"], equivalents: [:], description: "What \(id) checks.",
                remediation: "Fix `\(id)`.")
        }
        return report
    }

    @Test(
        "The golden, hostile and mixed reports are valid against the OASIS schema",
        .enabled(if: PythonOracle.enabled(["jsonschema"]), "python3 with jsonschema is not installed"))
    func validAgainstSchema() {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            validator = jsonschema.validators.validator_for(schema)(schema)
            failed = False
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path, encoding="utf-8"))):
                    failed = True
                    print(path, "/".join(str(p) for p in error.absolute_path), error.message[:300])
            sys.exit(1 if failed else 0)
            """
        let reports = [
            SARIFReporter().render(FixtureScan.goldenReport()),
            SARIFReporter(settings: GoldenReportTests.linked).render(FixtureScan.hostileReport()),
            SARIFReporter(settings: ReportSettings(scanRoot: "/work/my repo", sarifCategory: "plans"))
                .render(Self.mixedReport()),
        ]
        PythonOracle.check(script, files: reports, arguments: [TestPaths.absolute(TestPaths.sarifSchema)])
    }

    @Test(
        "sarif-tools reads every result with its rule, level and location",
        .enabled(if: PythonOracle.enabled(["sarif"]), "python3 with sarif-tools is not installed"))
    func readBySarifTools() {
        let report = FixtureScan.goldenReport()
        let script = """
            import sys
            from sarif import loader
            data = loader.load_sarif_file(sys.argv[1])
            print(data.get_result_count())
            for record in data.get_records():
                print(record["Code"].split(" ")[0], record["Severity"], record["Location"], record["Line"])
            """
        let output = PythonOracle.check(script, files: [SARIFReporter().render(report)])
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == String(report.findings.count))
        // sarif-tools sorts records; compare as multisets of rule, level and file (a plan
        // finding's file is the .tf it is located in).
        let read = lines.dropFirst().map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
            .sorted()
        let expected = report.findings.map { finding in
            let file = PhysicalLocation.of(finding, root: nil)?.path ?? finding.location.file
            return "\(finding.ruleID) \(SARIFReporter.level(finding)) \(file)"
        }.sorted()
        #expect(read == expected)
        let dockerfileLines = lines.dropFirst().filter { $0.hasPrefix("DF") }.map {
            $0.split(separator: " ").last
        }
        #expect(!dockerfileLines.isEmpty && dockerfileLines.allSatisfy { Int($0 ?? "") ?? 0 >= 1 })
    }

    @Test("Every rule that ran is in tool.driver.rules, and results point at theirs by index")
    func rulesAndIndexes() throws {
        let report = FixtureScan.goldenReport()
        let text = SARIFReporter().render(report)
        let driver = try #require((try run(text)["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == report.rules.map(\.id))
        #expect(rules.count > Set(report.findings.map(\.ruleID)).count, "passing rules must be listed too")
        for rule in rules {
            let properties = try #require(rule["properties"] as? [String: Any])
            let summary = try #require(report.rules.first { $0.id == rule["id"] as? String })
            #expect(
                properties["security-severity"] as? String == SARIFReporter.securitySeverity(summary.severity)
            )
            let tags = try #require(properties["tags"] as? [String])
            #expect(tags.contains(summary.category) && summary.controls.allSatisfy(tags.contains))
            let help = try #require(rule["help"] as? [String: Any])
            #expect((help["markdown"] as? String)?.contains(summary.remediation) == true)
            #expect((help["text"] as? String)?.contains(summary.remediation) == true)
            #expect(rule["shortDescription"] != nil && rule["fullDescription"] != nil && rule["name"] != nil)
        }
        for (result, finding) in zip(try results(text), report.findings) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(
                rules[index]["id"] as? String == finding.ruleID
                    && result["ruleId"] as? String == finding.ruleID)
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(fingerprints[SARIFReporter.fingerprintKey] == finding.fingerprint)
        }
    }

    @Test("GitHub's security-severity scale")
    func securitySeverityScale() {
        #expect(SARIFReporter.securitySeverity(.critical) == "9.5")
        #expect(SARIFReporter.securitySeverity(.high) == "8.0")
        #expect(SARIFReporter.securitySeverity(.medium) == "5.5")
        #expect(SARIFReporter.securitySeverity(.low) == "3.0")
    }

    @Test("Plan findings: the plan file without a region and the resource as a logical location")
    func planLocations() throws {
        let text = SARIFReporter(settings: ReportSettings(scanRoot: "/work/my repo")).render(
            Self.mixedReport())
        let all = try results(text)
        let plan = try #require(all.first)
        let location = try #require((plan["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "plan.json" && artifact["uriBaseId"] as? String == "%SRCROOT%")
        #expect(physical["region"] == nil, "a plan finding has no line to point at")
        let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["fullyQualifiedName"] as? String == "module.site.aws_s3_bucket_acl.this")
        #expect(logical["kind"] as? String == "resource")
        let docker = try #require(
            (all[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let region = try #require(docker["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 9 && region["endLine"] as? Int == 10)
        // The base id is the scan root as a file URI, percent-encoded.
        let bases = try #require(try run(text)["originalUriBaseIds"] as? [String: [String: Any]])
        #expect(bases["%SRCROOT%"]?["uri"] as? String == "file:///work/my%20repo/")
        // Standard input has no file: no physical location at all.
        #expect(all[3]["locations"] == nil)
    }

    @Test("A resource of a downloaded module: the result on its module call, the module's line related")
    func downloadedModule() throws {
        var finding = SampleReports.planFinding()
        finding.location.source = SourceReference(
            file: "/work/repo/main.tf", line: 12, endLine: 15,
            inModule: SourceLines(file: "/work/repo/.terraform/modules/site/main.tf", line: 40, endLine: 42))
        var plain = SampleReports.planFinding(rule: "AWS-S3-003")
        plain.location.source = SourceReference(file: "/work/repo/main.tf", line: 3, endLine: 3)
        let text = SARIFReporter(settings: ReportSettings(scanRoot: "/work/repo")).render(
            SampleReports.report(findings: [finding, plain]))
        let all = try results(text)
        let physical = try #require(
            (all[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "main.tf")
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 12)
        let related = try #require((all[0]["relatedLocations"] as? [[String: Any]])?.first)
        let inModule = try #require(related["physicalLocation"] as? [String: Any])
        #expect(
            (inModule["artifactLocation"] as? [String: Any])?["uri"] as? String
                == ".terraform/modules/site/main.tf")
        let region = try #require(inModule["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 40 && region["endLine"] as? Int == 42)
        #expect(all[1]["relatedLocations"] == nil)
        // The JSON report carries the same, and only for that finding.
        let json = JSONReporter().render(SampleReports.report(findings: [finding, plain]))
        #expect(json.components(separatedBy: "\"in_module\"").count == 2)
        #expect(json.contains("\"file\": \"/work/repo/.terraform/modules/site/main.tf\""))
    }

    @Test("Unknowns are notes; under --unknown pass they are left out")
    func unknowns() throws {
        let text = SARIFReporter().render(Self.mixedReport())
        let unknown = try results(text)[2]
        #expect(unknown["level"] as? String == "note")
        let warned = FixtureScan.report([TestPaths.secretsPlan])
        let passed = FixtureScan.report([TestPaths.secretsPlan], unknown: .pass)
        #expect(warned.findings.contains { $0.outcome == .unknown })
        let passedResults = try results(SARIFReporter().render(passed))
        #expect(passedResults.count == passed.findings.count)
        #expect(
            !passedResults.contains {
                ($0["properties"] as? [String: Any])?["outcome"] as? String == "unknown"
            })
    }

    @Test("Input errors are tool execution notifications and the run is not successful")
    func inputErrors() throws {
        let text = SARIFReporter().render(Self.mixedReport())
        let invocation = try #require((try run(text)["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect(invocation["exitCode"] as? Int == 2)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 2)
        let first = try #require(
            (notifications[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let region = try #require(first["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 3 && region["startColumn"] as? Int == 17)
        #expect((notifications[0]["message"] as? [String: Any])?["text"] as? String == "expected a value")
        let clean = try #require(
            (try run(SARIFReporter().render(SampleReports.report(findings: [])))["invocations"]
                as? [[String: Any]])?.first)
        #expect(clean["executionSuccessful"] as? Bool == true)
    }

    @Test("--sarif-category becomes automationDetails.id, ending in / so GitHub keeps it whole")
    func category() throws {
        let text = SARIFReporter(settings: ReportSettings(sarifCategory: "terraform/prod")).render(
            Self.mixedReport())
        #expect((try run(text)["automationDetails"] as? [String: Any])?["id"] as? String == "terraform/prod/")
        #expect(try run(SARIFReporter().render(Self.mixedReport()))["automationDetails"] == nil)
    }
}
