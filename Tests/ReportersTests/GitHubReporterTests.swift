import PalisadeCore
import Reporters
import Testing

/// The `github` format: one workflow command per finding, escaped as GitHub's runner expects,
/// worst first, and a closing summary notice.
@Suite("GitHub workflow commands reporter")
struct GitHubReporterTests {
    @Test("Messages escape %, CR and LF; properties also : and ,")
    func escaping() {
        #expect(GitHubReporter.escapeData("100% done\r\nnext::x, y") == "100%25 done%0D%0Anext::x, y")
        #expect(GitHubReporter.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    }

    @Test("Every line is one command; input cannot start another")
    func hostileInputStaysInItsCommand() {
        let report = FixtureScan.hostileReport()
        let output = GitHubReporter().render(report)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == report.findings.count + 1)
        let commands = ["::error ", "::warning ", "::notice "]
        #expect(lines.allSatisfy { line in commands.contains { line.hasPrefix($0) } })
        // The injected `::error::` and `::warning::` of the fixture are inside a message.
        #expect(!output.contains("\n::error::injected") && !output.contains("\n::warning::injected"))
    }

    @Test("Worst first: errors, then warnings, then notices, by severity; a summary notice last")
    func worstFirst() throws {
        let report = FixtureScan.goldenReport()
        let lines = GitHubReporter().render(report).split(separator: "\n").map(String.init)
        let kinds = lines.dropLast().map { $0.split(separator: " ").first.map(String.init) ?? "" }
        let rank = ["::error": 0, "::warning": 1, "::notice": 2]
        let ranks = kinds.map { rank[$0] ?? -1 }
        #expect(ranks == ranks.sorted() && !ranks.contains(-1))
        let severities = WorstFirstProbe.severities(in: lines.dropLast(), report: report)
        #expect(severities == severities.sorted(by: >))
        let summary = try #require(lines.last)
        #expect(summary.hasPrefix("::notice title=palisade summary::"))
        let failures = report.findings.filter { $0.outcome == .fail }.count
        #expect(summary.contains("palisade: \(failures) finding(s)"))
        #expect(summary.contains("the gate fails"))
    }

    @Test("A Dockerfile finding has file, line and endLine; a plan finding only its file")
    func properties() {
        let report = SampleReports.report(findings: [
            SampleReports.planFinding(),
            SampleReports.dockerfileFinding(line: 9, snippet: ["RUN a \\", "    b"]),
        ])
        let lines = GitHubReporter().render(report).split(separator: "\n")
        #expect(lines[0].hasPrefix("::error file=plan.json,title=AWS-S3-001 "))
        #expect(lines[1].hasPrefix("::error file=app/Dockerfile,line=9,endLine=10,title=DF007 "))
    }
}

/// Reads back the severity of each failing command from its title (`[severity]`).
enum WorstFirstProbe {
    static func severities(in lines: ArraySlice<String>, report: ScanReport) -> [Severity] {
        lines.filter { !$0.hasPrefix("::notice") }.compactMap { line in
            guard let open = line.range(of: " ["), let close = line.range(of: "]::") else { return nil }
            return Severity(rawValue: String(line[open.upperBound..<close.lowerBound]))
        }
    }
}
