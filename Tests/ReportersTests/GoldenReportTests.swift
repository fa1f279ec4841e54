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
        var testDescription: String { golden }
    }

    static let cases = [
        Case(golden: "scan.json", reporter: JSONReporter()),
        Case(golden: "scan.txt", reporter: TextReporter(color: false)),
        Case(golden: "scan.color.txt", reporter: TextReporter(color: true)),
    ]

    @Test("Rendering matches the golden file", arguments: cases)
    func matchesGolden(_ testCase: Case) {
        let report = FixtureScan.goldenReport()
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
