import Foundation
import PalisadeCore
import Reporters
import TestMaterial
import Testing

/// The evidence report: its schema, its agreement with the JSON report of the same scan, and an
/// HTML page that loads nothing from elsewhere and shows hostile text as text.
@Suite("Evidence report")
struct EvidenceReportTests {
    static let settings = GoldenReportTests.evidence

    static func json(_ report: ScanReport) throws -> [String: Any] {
        let text = EvidenceJSONReporter(settings: settings).render(report)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A report whose evidence has every kind of acceptance, a superseded failure, a policy
    /// folder, a git work tree and a CI run: every optional part of the schema filled.
    static func acceptedReport() -> (ScanReport, ReportSettings) {
        let waiver = Waiver(
            rule: "AWS-S3-001", resource: "aws_s3_bucket_acl.site", file: nil,
            reason: "public website, SEC-12",
            owner: "web@example.com", expires: CalendarDay("2026-06-30")!, configFile: ".palisade.yaml",
            configLine: 4)
        var configuration = Configuration()
        configuration.waivers = [waiver]
        configuration.source = ".palisade.yaml"
        configuration.policyFolders = ["policies"]
        var evidence = ScanEvidence(
            configuration: configuration, packDigest: String(repeating: "1", count: 64))
        evidence.configurationFileDigest = String(repeating: "2", count: 64)
        evidence.policyFolders = [
            PolicyFolderDigest(path: "policies", files: 3, sha256: String(repeating: "3", count: 64))
        ]
        evidence.inputs = [
            EvidenceInput(
                path: "plan.json", kind: "plan", size: 10, sha256: String(repeating: "4", count: 64))
        ]
        evidence.rules = [
            PackRule(
                id: "AWS-S3-001", title: "S3 public ACL", controls: ["CIS-AWS:2.1.4"], input: "tfplan",
                status: "active", ran: true),
            PackRule(
                id: "AWS-S3-002", title: "S3 public grant", controls: ["CIS-AWS:2.1.4", "ORG:1"],
                input: "tfplan", status: "active", ran: true),
            PackRule(
                id: "DF007", title: "No USER", controls: ["CIS-DOCKER:4.1"], input: "dockerfile",
                status: "active", ran: true),
        ]
        let plan = Location(
            file: "plan.json", resource: "aws_s3_bucket_acl.site", attribute: "acl", action: "create")
        evidence.evaluations = [
            EvaluationRecord(
                ruleID: "AWS-S3-001", outcome: .waived, location: plan,
                fingerprint: String(repeating: "a", count: 64),
                waiver: AppliedWaiver(waiver: waiver, daysLeft: 20)),
            EvaluationRecord(
                ruleID: "AWS-S3-002", outcome: .fail, location: plan,
                fingerprint: String(repeating: "b", count: 64),
                supersededBy: "AWS-S3-001"),
            EvaluationRecord(
                ruleID: "DF007", outcome: .suppressed,
                location: Location(file: "Dockerfile", line: 1, endLine: 1),
                fingerprint: String(repeating: "c", count: 64),
                suppression: SuppressionNote(file: "Dockerfile", line: 1, reason: "root on purpose")),
        ]
        var baselined = EvaluationRecord(
            ruleID: "DF007", outcome: .unknown, location: Location(file: "Dockerfile", line: 5, endLine: 5),
            fingerprint: String(repeating: "d", count: 64), unknownReason: "depends on a build argument")
        baselined.inBaseline = true
        evidence.evaluations.append(baselined)
        var report = SampleReports.report(findings: [])
        report.evidence = evidence
        var settings = ReportSettings()
        settings.runFacts = RunFacts(
            unixTime: 1_767_225_600, timeSource: "SOURCE_DATE_EPOCH", commandLine: ["palisade", "scan", "."],
            git: GitFacts(
                state: .workTree, commit: String(repeating: "e", count: 40), branch: "main",
                remote: "https://ci-bot:s3cr3t-token@git.example.com/infra.git"),
            ci: CIRun(provider: "gitlab", url: "https://gitlab.example.com/infra/-/pipelines/7"))
        return (report, settings)
    }

    @Test("The evidence of the golden and the hostile scans is valid against the schema", .requiresJSONSchema)
    func goldenEvidenceIsValid() {
        for report in [
            FixtureScan.goldenReport(recordsEvidence: true), FixtureScan.hostileReport(recordsEvidence: true),
        ] {
            let json = EvidenceJSONReporter(settings: Self.settings).render(report)
            #expect(SchemaValidator.violations(of: json, schema: TestPaths.evidenceSchema) == [])
        }
    }

    @Test(
        "Waivers, suppressions, the baseline, git and CI are valid; the schema rejects drift",
        .requiresJSONSchema)
    func acceptedEvidenceIsValid() throws {
        let (report, settings) = Self.acceptedReport()
        let json = EvidenceJSONReporter(settings: settings).render(report)
        #expect(SchemaValidator.violations(of: json, schema: TestPaths.evidenceSchema) == [])
        let drifted = json.replacingOccurrences(of: "\"time_source\"", with: "\"clock_source\"")
        #expect(SchemaValidator.violations(of: drifted, schema: TestPaths.evidenceSchema) != [])
        let wrongVerdict = json.replacingOccurrences(
            of: "\"verdict\": \"pass\"", with: "\"verdict\": \"green\"")
        #expect(wrongVerdict != json)
        #expect(SchemaValidator.violations(of: wrongVerdict, schema: TestPaths.evidenceSchema) != [])
    }

    @Test("Accepted findings do not fail a control and are listed with reason, owner and expiry")
    func acceptedFindings() throws {
        let (report, settings) = Self.acceptedReport()
        let text = EvidenceJSONReporter(settings: settings).render(report)
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let frameworks = try #require(json["frameworks"] as? [[String: Any]])
        let controls = frameworks.flatMap { ($0["controls"] as? [[String: Any]]) ?? [] }
        func verdict(_ reference: String) -> String? {
            controls.first { $0["reference"] as? String == reference }?["verdict"] as? String
        }
        // The superseded failure of AWS-S3-002 still fails 2.1.4: the subject has the problem.
        #expect(verdict("CIS-AWS:2.1.4") == "fail")
        // A suppressed failure and a baseline unknown are accepted: the control passes.
        #expect(verdict("CIS-DOCKER:4.1") == "pass")
        #expect(verdict("CIS-AWS:1.1") == "manual")
        #expect(verdict("CIS-AWS:1.2") == "no_rule")
        #expect(verdict("CIS-AWS:2.1.1") == "no_rule")
        #expect(text.contains("\"owner\": \"web@example.com\""))
        #expect(text.contains("\"expires\": \"2026-06-30\""))
        #expect(text.contains("\"reason\": \"root on purpose\""))
        #expect(text.contains("\"by\": \"baseline\""))
        let uncatalogued = try #require(json["uncatalogued_controls"] as? [[String: Any]])
        #expect(uncatalogued.map { $0["reference"] as? String } == ["ORG:1"])
        // A token in the remote's URL never reaches the report.
        #expect(!text.contains("s3cr3t-token"))
        #expect(text.contains("\"remote\": \"https://git.example.com/infra.git\""))
        let html = EvidenceHTMLReporter(settings: settings).render(report)
        #expect(!html.contains("s3cr3t-token"))
        #expect(
            html.contains("web@example.com") && html.contains("2026-06-30")
                && html.contains("root on purpose"))
    }

    @Test("Each control's failures are the JSON report's failing findings of its rules, by fingerprint")
    func agreesWithTheJSONReport() throws {
        let report = FixtureScan.goldenReport(recordsEvidence: true)
        let evidence = try Self.json(report)
        let findingsJSON = JSONReporter().render(report)
        let findings = try #require(
            (JSONSerialization.jsonObject(with: Data(findingsJSON.utf8)) as? [String: Any])?["findings"]
                as? [[String: Any]])
        let rules = try #require(evidence["rules"] as? [[String: Any]])
        func fingerprints(_ rule: [String: Any], outcome: String) -> Set<String> {
            Set(
                ((rule["evaluations"] as? [[String: Any]]) ?? []).filter {
                    $0["outcome"] as? String == outcome
                }
                .compactMap { $0["fingerprint"] as? String })
        }
        var checkedControls = 0
        for framework in try #require(evidence["frameworks"] as? [[String: Any]]) {
            for control in (framework["controls"] as? [[String: Any]]) ?? [] {
                let reference = try #require(control["reference"] as? String)
                let ruleIDs = Set(
                    ((control["rules"] as? [[String: Any]]) ?? []).compactMap { $0["rule_id"] as? String })
                for outcome in ["fail", "unknown"] {
                    let inEvidence = rules.filter { ruleIDs.contains($0["rule_id"] as? String ?? "") }
                        .reduce(into: Set<String>()) { $0.formUnion(fingerprints($1, outcome: outcome)) }
                    let inReport = Set(
                        findings.filter {
                            $0["outcome"] as? String == outcome
                                && (($0["controls"] as? [String]) ?? []).contains(reference)
                        }.compactMap { $0["fingerprint"] as? String })
                    #expect(inEvidence == inReport, "\(reference) \(outcome)")
                    let counts = try #require(control["counts"] as? [String: Int])
                    #expect(counts[outcome] == inEvidence.count, "\(reference) \(outcome) count")
                    if !inReport.isEmpty { checkedControls += 1 }
                }
                if let verdict = control["verdict"] as? String, verdict == "fail" {
                    #expect(((control["counts"] as? [String: Int])?["fail"] ?? 0) > 0, "\(reference)")
                }
            }
        }
        #expect(checkedControls > 3, "the golden scan must fail or leave unknown several controls")
        // The totals are the JSON report's summary counts.
        let summary = try #require(
            (JSONSerialization.jsonObject(with: Data(findingsJSON.utf8)) as? [String: Any])?["summary"]
                as? [String: Any])
        let totals = try #require((evidence["summary"] as? [String: Any])?["evaluations"] as? [String: Int])
        #expect(totals["fail"] == summary["fail"] as? Int)
        #expect(totals["unknown"] == summary["unknown"] as? Int)
        #expect(totals["superseded"] == summary["superseded"] as? Int)
    }

    @Test("Rendering the same scan twice gives the same bytes")
    func deterministic() {
        let first = FixtureScan.goldenReport(recordsEvidence: true)
        let second = FixtureScan.goldenReport(recordsEvidence: true)
        #expect(
            EvidenceJSONReporter(settings: Self.settings).render(first)
                == EvidenceJSONReporter(settings: Self.settings).render(second))
        #expect(
            EvidenceHTMLReporter(settings: Self.settings).render(first)
                == EvidenceHTMLReporter(settings: Self.settings).render(second))
    }

    @Test("A scan that did not record evidence says so instead of reporting empty controls")
    func unrecordedEvidenceIsAnError() throws {
        // Ordinary scans record nothing for the evidence.
        #expect(FixtureScan.goldenReport().evidence == nil)
        let json = try Self.json(FixtureScan.goldenReport())
        let errors = try #require(json["errors"] as? [[String: Any]])
        #expect(
            errors.contains { ($0["message"] as? String)?.contains("did not record evaluations") == true })
    }

    @Test(
        "The HTML page loads nothing from elsewhere and shows hostile text as text",
        .enabled(if: PythonOracle.enabled(["html.parser"])))
    func htmlIsSelfContainedAndEscaped() throws {
        let html = EvidenceHTMLReporter(settings: Self.settings).render(
            FixtureScan.hostileReport(recordsEvidence: true))
        // The hostile inputs reach the page: the check below is not vacuous.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // From the Dockerfile, through DF011's message.
        #expect(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;@octocat[x](javascript:alert(1))_PASSWORD"))
        let output = PythonOracle.check(HTMLStructure.script, files: [html])
        let structure = try JSONDecoder().decode(HTMLStructure.self, from: Data(output.utf8))
        let allowed: Set<String> = [
            "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "strong",
            "dl", "dt", "dd", "main", "section", "table", "thead", "tbody", "tr", "th", "td", "div", "a",
            "span",
            "details", "summary", "small", "pre", "ul", "li", "footer",
        ]
        #expect(
            Set(structure.tags).subtracting(allowed).isEmpty, "\(Set(structure.tags).subtracting(allowed))")
        for (tag, name, value) in structure.attributes.map({ ($0[0], $0[1], $0[2]) }) {
            #expect(!name.hasPrefix("on"), "event handler \(name) on <\(tag)>")
            #expect(name != "src" && name != "srcset" && name != "style", "\(name) on <\(tag)>")
            if name == "href" { #expect(value.hasPrefix("#c-"), "a link leaves the page: \(value)") }
        }
        for style in structure.styles {
            #expect(!style.contains("@import") && !style.contains("url(") && !style.contains("http"))
        }
        #expect(structure.styles.count == 1)
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<link"))
    }
}

/// What Python's standard HTML parser reads from a page: element names, attributes and style
/// sheets.
struct HTMLStructure: Decodable {
    let tags: [String]
    /// `[tag, attribute, value]` triples.
    let attributes: [[String]]
    let styles: [String]

    static let script = """
        import json, sys
        from html.parser import HTMLParser
        class Reader(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.tags, self.attributes, self.styles, self.in_style = [], [], [], False
            def handle_starttag(self, tag, attrs):
                self.tags.append(tag)
                self.attributes += [[tag, name, value or ""] for name, value in attrs]
                self.in_style = tag == "style"
                if self.in_style: self.styles.append("")
            def handle_endtag(self, tag):
                if tag == "style": self.in_style = False
            def handle_data(self, data):
                if self.in_style: self.styles[-1] += data
        reader = Reader()
        reader.feed(open(sys.argv[1], encoding="utf-8").read())
        reader.close()
        print(json.dumps({"tags": reader.tags, "attributes": reader.attributes, "styles": reader.styles}))
        """
}
