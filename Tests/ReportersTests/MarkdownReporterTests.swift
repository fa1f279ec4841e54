import Foundation
import PalisadeCore
import Reporters
import Testing

/// The `markdown` format: the PR comment, rendered by the real renderer.
@Suite("Markdown PR comment")
struct MarkdownReporterTests {
    /// Elements the comment may produce; anything else came from an input.
    static let allowedTags: Set<String> = [
        "h2", "h3", "p", "strong", "code", "table", "thead", "tbody", "tr", "th", "td", "details", "summary",
        "ul", "li", "a", "blockquote", "br",
    ]

    @Test("A downloaded module's resource is shown at its module call, said so")
    func downloadedModule() {
        var finding = SampleReports.planFinding()
        finding.location.source = SourceReference(
            file: "main.tf", line: 12, endLine: 15,
            inModule: SourceLines(file: ".terraform/modules/site/main.tf", line: 40, endLine: 40))
        var plain = SampleReports.planFinding(rule: "AWS-S3-003")
        plain.location.source = SourceReference(file: "main.tf", line: 3, endLine: 3)
        let text = MarkdownReporter().render(SampleReports.report(findings: [finding, plain]))
        #expect(text.contains(#"in main\.tf\:12 (the module call)"#), "\(text)")
        #expect(text.components(separatedBy: "(the module call)").count == 2)
    }

    @Test("Marker first, verdict headline, counts")
    func headline() {
        let report = FixtureScan.goldenReport()
        let lines = MarkdownReporter().render(report).split(separator: "\n").map(String.init)
        #expect(lines.first == MarkdownReporter.marker)
        #expect(lines[1] == "## ✘ Palisade: blocked (fail on <code>high</code>)")
        #expect(lines[2].hasPrefix("critical **\(report.summary.bySeverity[.critical] ?? 0)** · high **"))
        let passing = MarkdownReporter(settings: ReportSettings(failOn: .never)).render(report)
        #expect(passing.contains("## ✔ Palisade: passed (report only, <code>--fail-on never</code>)"))
        #expect(!passing.contains("### Blocking findings"))
        // Every finding is listed, and none is said to be below a threshold that does not exist.
        let failures = report.findings.filter { $0.outcome == .fail && !$0.isAccepted }.count
        #expect(
            passing.contains(
                "Non-blocking findings (\(failures)), not blocking with <code>--fail-on never</code>"))
        #expect(!passing.contains("below <code>--fail-on never</code>"))
    }

    @Test(
        "A hostile plan and Dockerfile render as text: tables intact, no HTML, no links, nobody pinged",
        .enabled(if: RenderedHTML.isAvailable, "cmark-gfm is not installed"))
    func hostileInputRendersSafely() throws {
        let report = FixtureScan.hostileReport()
        let settings = GoldenReportTests.linked
        let html = try #require(RenderedHTML.render(MarkdownReporter(settings: settings).render(report)))
        let unexpected = Set(html.tags).subtracting(Self.allowedTags)
        #expect(unexpected.isEmpty, "injected elements: \(unexpected)")
        #expect(!html.html.contains("<script") && !html.html.contains("<img"))
        #expect(
            html.urls.allSatisfy {
                $0.hasPrefix("https://github.com/example/infra/")
                    || $0.hasPrefix("https://palisade.example/rules/")
            }, "\(html.urls)")
        // Every row of every table has exactly the four columns.
        #expect(!html.tables.isEmpty)
        for table in html.tables {
            for row in table { #expect(row.count == 4, "a row with \(row.count) cells: \(row)") }
        }
        // The blocking table lists every blocking finding, one row each.
        let blocking = report.findings.filter { $0.outcome == .fail && $0.severity >= .high }
        #expect(html.tables[0].count == blocking.count + 1)
        // The hostile texts are there, as text, in the cells.
        let cells = html.tables.flatMap { $0.flatMap { $0 } }.joined(separator: "\n")
        for literal in [
            "<script>alert(1)</script><img src=x onerror=alert(2)>", "a|b||c", "[click](javascript:alert(3))",
            "`tick` ```fence``` ~~strike~~ **bold** _em_", "w|<b>x</b>`y`",
        ] {
            #expect(cells.contains(literal), "missing as text: \(literal)")
        }
        // No mention survives where GitHub looks for them: outside code, every @ and # is followed
        // by a zero-width space. Inside code the text is exact.
        #expect(!html.linkableText.contains("@octocat") && !html.linkableText.contains("@github"))
        #expect(html.linkableText.contains("@\u{200B}octocat"))
        #expect(
            !html.linkableText.contains("#1") && html.linkableText.contains("#\u{200B}1"),
            "#1 would link issue 1")
        #expect(!html.codeText.isEmpty && !html.codeText.contains("\u{200B}"), "a zero-width space in code")
    }

    @Test(
        "The golden comment renders with collapsed sections and remediation once per rule",
        .enabled(if: RenderedHTML.isAvailable, "cmark-gfm is not installed"))
    func sections() throws {
        let report = FixtureScan.goldenReport()
        let markdown = MarkdownReporter().render(report)
        let html = try #require(RenderedHTML.render(markdown))
        #expect(html.tags.filter { $0 == "details" }.count == 3, "non-blocking, unknown, how to fix")
        #expect(html.tags.filter { $0 == "table" }.count == 3)
        let fixSection = try #require(markdown.range(of: "<summary>How to fix</summary>"))
        let fixes = markdown[fixSection.upperBound...].split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(fixes.count == Set(report.findings.map(\.ruleID)).count)
        // Unknowns show their reason, its backtick pairs as code.
        let unknown = try #require(report.findings.first { $0.outcome == .unknown })
        let reason = try #require(unknown.unknownReason)
        #expect(unknown.unknownReasonMarksCode && reason.contains("`"))
        #expect(html.text.contains(reason.replacing("`", with: "")), "\(reason)")
    }

    @Test(
        "A remediation's backtick pairs render as code, and a custom pack's remediation still as text",
        .enabled(if: RenderedHTML.isAvailable, "cmark-gfm is not installed"))
    func remediationCodeSpans() throws {
        var report = FixtureScan.goldenReport()
        let fixed = try #require(RenderedHTML.render(MarkdownReporter().render(report)))
        // DF011's remediation names a command in backticks: code, with its characters intact.
        #expect(fixed.html.contains("<code>RUN --mount=type=secret,id=&lt;id&gt;</code>"), "\(fixed.html)")
        let fixes = try #require(fixed.html.range(of: "How to fix</summary>")).upperBound
        #expect(!fixed.html[fixes...].contains("`"), "a backtick shown as text")
        // A digest placeholder copies as typed: no zero-width space after `@` inside code.
        #expect(
            fixed.html.contains("<code>FROM &lt;image&gt;:&lt;tag&gt;@sha256:&lt;digest&gt;</code>"),
            "\(fixed.html)")

        // A rule pack is text from whoever wrote it: code spans may not open markdown or HTML.
        let index = try #require(report.rules.firstIndex { $0.id == "DF011" })
        report.rules[index].remediation =
            "Run `</code><script>alert(1)</script>` then [x](javascript:alert(2)) and `@octocat`; one ` alone"
        let hostile = try #require(RenderedHTML.render(MarkdownReporter().render(report)))
        #expect(Set(hostile.tags).isSubset(of: Self.allowedTags), "\(Set(hostile.tags))")
        #expect(hostile.html.contains("<code>&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code>"))
        #expect(hostile.urls.allSatisfy { !$0.hasPrefix("javascript") }, "\(hostile.urls)")
        #expect(hostile.text.contains("one ` alone"))
        // Inside code a mention is neither linked nor altered: a command copied from it is exact.
        #expect(hostile.html.contains("<code>@octocat</code>") && !hostile.linkableText.contains("@octocat"))
    }

    @Test(
        "An unknown's reason shows code where its backticks are the rule's, and an input's backticks as text",
        .enabled(if: RenderedHTML.isAvailable, "cmark-gfm is not installed"))
    func unknownReasonCodeSpans() throws {
        var ruleWords = SampleReports.planFinding(
            resource: "aws_s3_bucket_acl.a", outcome: .unknown,
            unknownReason: "`acl` refers to `aws_s3_bucket.site`, whose value is known only after apply")
        ruleWords.unknownReasonMarksCode = true
        let fromInput = SampleReports.planFinding(
            resource: "aws_s3_bucket_acl.b", outcome: .unknown,
            unknownReason:
                "`acl` refers to `terraform_data.x[\"`</code><b>x</b>\"]`, whose value is known only after apply"
        )
        let html = try #require(
            RenderedHTML.render(
                MarkdownReporter().render(SampleReports.report(findings: [ruleWords, fromInput]))))
        let cells = html.tables.flatMap { $0 }.map { $0.last ?? "" }
        #expect(
            html.html.contains("<code>acl</code> refers to <code>aws_s3_bucket.site</code>"), "\(html.html)")
        #expect(
            cells.contains(
                "`acl` refers to `terraform_data.x[\"`</code><b>x</b>\"]`, whose value is known only after apply"
            ),
            "\(cells)")
        #expect(Set(html.tags).isSubset(of: Self.allowedTags) && !html.tags.contains("b"))
    }

    @Test("Links go to the commit's line when the CI environment names it")
    func links() throws {
        let github = try #require(
            SourceLinks.fromEnvironment {
                ["GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc"][
                    $0]
            })
        let finding = SampleReports.dockerfileFinding(line: 9, snippet: ["RUN a \\", "    b"])
        let markdown = MarkdownReporter(settings: ReportSettings(source: github)).render(
            SampleReports.report(findings: [finding]))
        #expect(
            markdown.contains("[app\\/Dockerfile\\:9](https://github.com/o/r/blob/abc/app/Dockerfile#L9-L10)")
        )
        let gitlab = try #require(
            SourceLinks.fromEnvironment {
                ["CI_PROJECT_URL": "https://gitlab.com/g/p", "CI_COMMIT_SHA": "def"][$0]
            })
        let gitlabMarkdown = MarkdownReporter(settings: ReportSettings(source: gitlab)).render(
            SampleReports.report(findings: [finding]))
        #expect(gitlabMarkdown.contains("(https://gitlab.com/g/p/-/blob/def/app/Dockerfile#L9-10)"))
        #expect(SourceLinks.fromEnvironment { _ in nil } == nil)
        #expect(!MarkdownReporter().render(SampleReports.report(findings: [finding])).contains("]("))
    }

    @Test(
        "Past the budget the least severe rows go, and the comment says how many and where the rest is",
        .enabled(if: RenderedHTML.isAvailable, "cmark-gfm is not installed"))
    func budget() throws {
        var findings: [Finding] = []
        for index in 0..<3000 {
            let severity: Severity = index % 10 == 0 ? .critical : (index % 2 == 0 ? .high : .low)
            var finding = SampleReports.planFinding(resource: "aws_s3_bucket_acl.b[\"\(index)\"]")
            finding.severity = severity
            findings.append(finding)
        }
        let report = SampleReports.report(findings: findings)
        let settings = ReportSettings(fullReportURL: "https://ci.example/run/7")
        let markdown = MarkdownReporter(settings: settings).render(report)
        #expect(markdown.utf16.count <= MarkdownReporter.defaultBudget)
        #expect(markdown.utf16.count > MarkdownReporter.defaultBudget - 5_000, "rows dropped needlessly")
        let note = try #require(markdown.split(separator: "\n").first { $0.contains("row(s) were left out") })
        let dropped = try #require(Int(note.split(separator: " ")[1]))
        let html = try #require(RenderedHTML.render(markdown))
        let rows = html.tables.map { $0.count - 1 }.reduce(0, +)
        #expect(rows + dropped == findings.count)
        #expect(note.contains("https://ci.example/run/7"))
        // Every critical row is still there: the least severe went first.
        let criticalRows = html.tables.flatMap { $0 }.filter { $0.first == "critical" }.count
        #expect(criticalRows == findings.filter { $0.severity == .critical }.count)
    }
}
