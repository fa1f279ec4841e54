import PalisadeCore
import Reporters
import Testing

/// The `text` format: grouping, colours only when asked, unknowns apart, quoted lines with a
/// caret, and no terminal control sequences from input.
@Suite("Text reporter")
struct TextReporterTests {
    static let escape = "\u{1B}"

    @Test("Colour appears only when asked for")
    func colour() {
        let report = SampleReports.report(findings: [
            SampleReports.planFinding(), SampleReports.dockerfileFinding(),
        ])
        #expect(!TextReporter(color: false).render(report).contains(Self.escape))
        let coloured = TextReporter(color: true).render(report)
        #expect(coloured.contains(Self.escape + "[31;1mHIGH"))
    }

    @Test("A resource of a downloaded module is shown at its module call, with its line in the module")
    func downloadedModule() {
        var finding = SampleReports.planFinding()
        finding.location.source = SourceReference(
            file: "main.tf", line: 12, endLine: 15,
            inModule: SourceLines(file: ".terraform/modules/site/main.tf", line: 40, endLine: 40))
        let text = TextReporter(color: false).render(SampleReports.report(findings: [finding]))
        #expect(
            text.contains(
                "at main.tf:12 (the module call; in the module at .terraform/modules/site/main.tf:40)"))
    }

    @Test("Findings are grouped by file and by subject")
    func grouping() {
        let report = SampleReports.report(findings: [
            SampleReports.planFinding(rule: "AWS-S3-001"), SampleReports.planFinding(rule: "AWS-S3-003"),
        ])
        let text = TextReporter(color: false).render(report)
        #expect(text.components(separatedBy: "plan.json\n").count == 2)
        #expect(text.components(separatedBy: "module.site.aws_s3_bucket_acl.this (create)\n").count == 2)
        #expect(text.components(separatedBy: "      attribute: acl\n").count == 3)
        #expect(text.contains("AWS-S3-001") && text.contains("AWS-S3-003"))
    }

    @Test("Unknowns are listed apart with their reason, or hidden")
    func unknowns() {
        let reason = "acl depends on aws_s3_bucket.site, known only after apply"
        let report = SampleReports.report(findings: [
            SampleReports.planFinding(outcome: .unknown, unknownReason: reason)
        ])
        let shown = TextReporter(color: false).render(report)
        #expect(shown.contains("Cannot be decided (1):\n"))
        #expect(shown.contains("      " + reason + "\n      depends on: aws_s3_bucket.site\n"))
        let hidden = TextReporter(color: false, showUnknown: false).render(report)
        #expect(!hidden.contains("Cannot be decided") && !hidden.contains(reason))
        #expect(hidden.contains("1 unknown"))
    }

    @Test("Quoted lines are numbered, aligned and marked with a caret")
    func quotedLines() {
        let finding = SampleReports.dockerfileFinding(
            line: 9, snippet: ["  RUN npm ci \\", "    --registry x"])
        let text = TextReporter(color: false).render(SampleReports.report(findings: [finding]))
        #expect(text.contains("       9 |   RUN npm ci \\\n         |   ^\n      10 |     --registry x\n"))
    }

    @Test("The caret points at the column of the offending token, tabs kept")
    func caretAtToken() {
        var finding = SampleReports.dockerfileFinding(line: 3, snippet: ["\tFROM node:latest AS build"])
        finding.location.column = 7
        let text = TextReporter(color: false).render(SampleReports.report(findings: [finding]))
        #expect(text.contains("      3 | \tFROM node:latest AS build\n        | \t     ^\n"))
        finding.location.column = nil
        let atInstruction = TextReporter(color: false).render(SampleReports.report(findings: [finding]))
        #expect(atInstruction.contains("      3 | \tFROM node:latest AS build\n        | \t^\n"))
    }

    @Test("Identical location headers are merged even when other locations come between")
    func mergedHeaders() throws {
        // Report order sorts by resource, then rule: b's finding comes between a's two.
        let findings = [
            SampleReports.planFinding(rule: "AWS-EC2-001", resource: "aws_security_group.a"),
            SampleReports.planFinding(rule: "AWS-EC2-001", resource: "aws_security_group.b"),
            SampleReports.planFinding(rule: "AWS-EC2-003", resource: "aws_security_group.a"),
        ]
        let text = TextReporter(color: false).render(SampleReports.report(findings: findings))
        let header = "  aws_security_group.a (create)\n"
        #expect(text.components(separatedBy: header).count == 2)
        let merged = try #require(text.range(of: header))
        let after = text[merged.upperBound...]
        let nextHeader = after.range(of: "\n  aws_security_group.b")?.lowerBound ?? after.endIndex
        #expect(after[..<nextHeader].components(separatedBy: "AWS-EC2-00").count == 3)
    }

    @Test("Control characters from input are shown escaped")
    func controlCharacters() {
        let finding = SampleReports.dockerfileFinding(
            snippet: ["RUN echo \u{1B}]0;pwned\u{07}\u{1B}[2J"], message: "Line 3: bad\u{9B}31m")
        let text = TextReporter(color: false).render(SampleReports.report(findings: [finding]))
        #expect(!text.contains(Self.escape) && !text.contains("\u{07}") && !text.contains("\u{9B}"))
        #expect(text.contains("RUN echo \\u{1B}]0;pwned\\u{7}\\u{1B}[2J"))
    }

    @Test("Errors are counted in the summary, not repeated (the CLI prints them to standard error)")
    func errorsAndSummary() {
        let report = SampleReports.report(
            findings: [SampleReports.planFinding()],
            errors: [InputError(file: "broken.json", line: 3, column: 17, message: "bad")])
        let text = TextReporter(color: false).render(report)
        #expect(!text.contains("broken.json:3:17"))
        #expect(
            text.hasSuffix(
                "1 failed (critical 0, high 1, medium 0, low 0, info 0), 0 unknown, 0 passed, 1 error(s)\n"))
    }
}
