import PalisadeCore
import Reporters
import Testing

/// The rendered reports of fixed inputs, compared to committed golden files.
@Suite("Golden reports")
struct GoldenReportTests {
    /// One rendering of the golden scan and the file it must equal.
    struct Case: CustomTestStringConvertible, Sendable {
        let golden: String
        let reporter: any Reporter
        var recordsPasses = false
        var recordsEvidence = false
        var hostile = false
        var testDescription: String { golden }
    }

    /// Settings as a GitHub Actions run has them: links to the commit, the run and the rule docs.
    static let linked = ReportSettings(
        sarifCategory: "terraform/prod",
        source: SourceLinks(
            fileURLPrefix: "https://github.com/example/infra/blob/0123456789abcdef/", lineAnchor: .github),
        fullReportURL: "https://github.com/example/infra/actions/runs/42",
        ruleDocsURL: "https://palisade.example/rules/{id}")

    static let cases = [
        Case(golden: "scan.json", reporter: JSONReporter()),
        Case(golden: "scan.txt", reporter: TextReporter(color: false)),
        Case(golden: "scan.color.txt", reporter: TextReporter(color: true)),
        Case(golden: "scan.sarif", reporter: SARIFReporter()),
        Case(golden: "scan.linked.sarif", reporter: SARIFReporter(settings: linked)),
        Case(golden: "scan.junit.xml", reporter: JUnitReporter(), recordsPasses: true),
        Case(golden: "scan.md", reporter: MarkdownReporter()),
        Case(golden: "scan.linked.md", reporter: MarkdownReporter(settings: linked)),
        Case(golden: "scan.github.txt", reporter: GitHubReporter()),
        Case(golden: "scan.gitlab.json", reporter: GitLabReporter()),
        Case(golden: "hostile.md", reporter: MarkdownReporter(settings: linked), hostile: true),
        Case(golden: "hostile.github.txt", reporter: GitHubReporter(), hostile: true),
        Case(golden: "hostile.junit.xml", reporter: JUnitReporter(), hostile: true),
        Case(
            golden: "scan.evidence.json", reporter: EvidenceJSONReporter(settings: evidence),
            recordsEvidence: true),
        Case(
            golden: "scan.evidence.html", reporter: EvidenceHTMLReporter(settings: evidence),
            recordsEvidence: true),
        Case(
            golden: "hostile.evidence.html", reporter: EvidenceHTMLReporter(settings: evidence),
            recordsEvidence: true,
            hostile: true),
    ]

    /// Settings of an evidence run: paths relative to the repository, fixed run facts.
    static var evidence: ReportSettings {
        var settings = ReportSettings(scanRoot: TestPaths.repositoryRoot)
        settings.runFacts = FixtureScan.evidenceFacts
        return settings
    }

    @Test("Rendering matches the golden file", arguments: cases)
    func matchesGolden(_ testCase: Case) {
        let report =
            testCase.hostile
            ? FixtureScan.hostileReport(
                recordsPasses: testCase.recordsPasses, recordsEvidence: testCase.recordsEvidence)
            : FixtureScan.goldenReport(
                recordsPasses: testCase.recordsPasses, recordsEvidence: testCase.recordsEvidence)
        #expect(report.errors.isEmpty, "the golden inputs must scan without errors: \(report.errors)")
        GoldenFile(name: testCase.golden).verify(testCase.reporter.render(report))
    }

    @Test("The golden scan covers both inputs, failures and unknowns")
    func goldenInputsAreRich() {
        let findings = FixtureScan.goldenReport().findings
        #expect(findings.contains { $0.location.file == TestPaths.secretsPlan })
        #expect(findings.contains { $0.location.file == TestPaths.goldenDockerfile })
        #expect(findings.contains { $0.outcome == .unknown && $0.unknownReason != nil })
        #expect(findings.contains { $0.location.attribute != nil })
        #expect(Set(findings.map(\.severity)).isSuperset(of: [.critical, .high, .medium, .low]))
    }

    @Test("Findings are in report order: file, line, resource, rule id")
    func findingsAreSorted() {
        let findings = FixtureScan.goldenReport().findings
        #expect(findings == findings.sorted(by: Finding.reportOrder))
    }
}
