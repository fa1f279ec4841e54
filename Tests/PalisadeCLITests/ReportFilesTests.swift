import Foundation
import Testing

/// `--format`, `--report FORMAT=PATH` and `reports:` in `.palisade.yaml`: several formats from
/// one run, written atomically, with the same exit code whatever the formats.
@Suite("palisade scan --report")
struct ReportFilesTests {
    static let plan = RepositoryPaths.examples + "/terraform/plan.json"
    static let dockerfile = RepositoryPaths.examples + "/docker/Dockerfile"
    static let allFormats = [
        "text", "json", "sarif", "junit", "markdown", "github", "gitlab", "evidence", "evidence-html",
    ]

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("Every format on standard output gives the same exit code", arguments: [plan, dockerfile])
    func exitCodeIndependentOfFormat(input: String) throws {
        let codes = try Self.allFormats.map { try CLI.run(["scan", "--format", $0, input]).status }
        #expect(Set(codes).count == 1, "exit codes by format: \(codes)")
    }

    @Test("One run writes every requested report; standard output and the exit code are unchanged")
    func severalReportsInOneRun() throws {
        let folder = try TemporaryDirectory()
        let plain = try CLI.run(["scan", "--format", "json", Self.plan], in: folder.path)
        var arguments = ["scan", "--format", "json", Self.plan]
        for format in Self.allFormats where format != "json" {
            arguments += ["--report", "\(format)=out/report.\(format)"]
        }
        try FileManager.default.createDirectory(
            atPath: folder.path + "/out", withIntermediateDirectories: true)
        let result = try CLI.run(arguments, in: folder.path)
        #expect(result.status == plain.status && result.status == 1)
        #expect(result.standardOutput == plain.standardOutput)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out").sorted()
        #expect(
            written == Self.allFormats.filter { $0 != "json" }.map { "report.\($0)" }.sorted(), "\(written)")
        #expect(contents(folder.path + "/out/report.sarif")?.contains("\"version\": \"2.1.0\"") == true)
        #expect(contents(folder.path + "/out/report.junit")?.hasPrefix("<?xml") == true)
        #expect(contents(folder.path + "/out/report.markdown")?.hasPrefix("<!-- palisade -->") == true)
        #expect(
            contents(folder.path + "/out/report.github")?.contains("::notice title=palisade summary::")
                == true)
        // The plan's findings are located in the .tf beside it, outside the working directory, so
        // the report keeps that file's absolute path; paths inside it become relative (next test).
        let configuration = (Self.plan as NSString).deletingLastPathComponent + "/main.tf"
        #expect(contents(folder.path + "/out/report.gitlab")?.contains(configuration) == true)
    }

    @Test("Paths under the working directory are reported relative to it")
    func relativePaths() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: Self.dockerfile, toPath: folder.path + "/Dockerfile")
        let result = try CLI.run(
            ["scan", "--format", "github", "--fail-on", "never", folder.path + "/Dockerfile"], in: folder.path
        )
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("::warning file=Dockerfile,line="), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains(folder.path))
    }

    @Test("reports: in .palisade.yaml writes files relative to the config's folder")
    func reportsFromConfig() throws {
        let folder = try TemporaryDirectory()
        try folder.write(
            ".palisade.yaml", "fail_on: high\nreports:\n  sarif: build/palisade.sarif\n  junit: junit.xml\n")
        try FileManager.default.createDirectory(
            atPath: folder.path + "/build", withIntermediateDirectories: true)
        let result = try CLI.run(["scan", Self.plan], in: folder.path)
        #expect(result.status == 1)
        #expect(contents(folder.path + "/build/palisade.sarif")?.contains("\"runs\"") == true)
        let junit = try #require(contents(folder.path + "/junit.xml"))
        // The config asked for JUnit, so passed checks are recorded as test cases too.
        #expect(junit.contains("/>\n"), "no passing test case in \(junit.prefix(400))")
    }

    @Test("rule_docs_url in the config links rule ids in the PR comment and SARIF")
    func ruleDocsURL() throws {
        let folder = try TemporaryDirectory()
        try folder.write(".palisade.yaml", "rule_docs_url: https://docs.example/rules/{id}.html\n")
        let markdown = try CLI.run(
            ["scan", "--format", "markdown", "--fail-on", "never", Self.dockerfile], in: folder.path)
        #expect(
            markdown.standardOutput.contains("](https://docs.example/rules/DF003.html)"),
            "\(markdown.standardOutput)")
        let sarif = try CLI.run(
            ["scan", "--format", "sarif", "--fail-on", "never", Self.dockerfile], in: folder.path)
        #expect(sarif.standardOutput.contains("\"helpUri\": \"https://docs.example/rules/DF003.html\""))
    }

    @Test("An unknown format in the config is an error naming its line, and exits 2")
    func unknownFormatInConfig() throws {
        let folder = try TemporaryDirectory()
        try folder.write(".palisade.yaml", "fail_on: high\nreports:\n  sarif: a.sarif\n  pdf: a.pdf\n")
        let result = try CLI.run(["scan", "--fail-on", "never", Self.dockerfile], in: folder.path)
        #expect(result.status == 2)
        #expect(
            result.errorLines.contains {
                $0.hasPrefix("palisade: ") && $0.contains(".palisade.yaml:4:3: unknown report format 'pdf'")
            },
            "\(result.standardError)")
        #expect(contents(folder.path + "/a.sarif") != nil, "the other reports are still written")
    }

    @Test(
        "Usage errors exit 64",
        arguments: [
            ["--format", "pdf"], ["--report", "sarif"], ["--report", "=x.sarif"], ["--report", "sarif="],
            ["--report", "pdf=x.pdf"],
        ])
    func usageErrors(arguments: [String]) throws {
        let result = try CLI.run(["scan"] + arguments + [Self.dockerfile])
        #expect(result.status == 64, "\(result.standardError)")
        #expect(!result.crashed)
    }

    @Test("A report that cannot be written is a one-line error and exit 2; no temporary file is left")
    func unwritableReport() throws {
        let folder = try TemporaryDirectory()
        let result = try CLI.run(
            [
                "scan", "--fail-on", "never", "--report", "sarif=missing/dir/x.sarif", "--report",
                "junit=ok.xml",
                Self.dockerfile,
            ],
            in: folder.path)
        #expect(result.status == 2)
        #expect(
            result.errorLines == ["palisade: missing/dir/x.sarif: no such file or directory"],
            "\(result.errorLines)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ok.xml"])
    }

    @Test("Rewriting a report replaces it whole")
    func replacesExistingReport() throws {
        let folder = try TemporaryDirectory()
        try folder.write("r.md", String(repeating: "stale\n", count: 100_000))
        let result = try CLI.run(
            ["scan", "--fail-on", "never", "--report", "markdown=r.md", Self.dockerfile], in: folder.path)
        #expect(result.status == 0)
        let text = try #require(contents(folder.path + "/r.md"))
        #expect(text.hasPrefix("<!-- palisade -->") && !text.contains("stale"))
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/r.md")
        #expect(attributes[.posixPermissions] as? Int == 0o644, "the temporary file's 0600 must not stay")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.md"])
    }

    @Test("--sarif-category reaches automationDetails.id")
    func sarifCategory() throws {
        let result = try CLI.run([
            "scan", "--format", "sarif", "--sarif-category", "plans/prod", Self.dockerfile,
        ])
        #expect(result.standardOutput.contains("\"id\": \"plans/prod/\""))
    }
}
