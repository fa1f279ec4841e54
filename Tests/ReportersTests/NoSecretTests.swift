import Foundation
import PalisadeCore
import Reporters
import Testing

/// No secret reaches any output, while the rule that finds them still reports.
@Suite("No secret in any output")
struct NoSecretTests {
    /// The secrets written in Fixtures/secrets/main.tf, each of which the plan holds in clear.
    static let planSecrets = [
        "Fixture-DB-Passw0rd-Literal-91",  // aws_db_instance password (sensitive in the provider schema)
        "release-tag-sensitive-7f3a9c2e",  // value of the sensitive variable release_tag
        "AKIAFIXTUREREPORTER1",  // literal provider access_key
        "fixture/Secret/Key/For/Reporter/Tests/0001",  // literal provider secret_key
    ]

    /// The secrets written in Fixtures/golden/Dockerfile (DF011 and DF013 find them).
    static let dockerfileSecrets = [
        "ghp_FixtureTokenNotRealAbCdEfGhIjKlMnOp0123",
        "Fixture-Url-Passw0rd",
    ]

    /// Every format, and the text format both with and without colour.
    static let renderings: [(name: String, reporter: any Reporter)] =
        ReportFormat.allCases.map { ($0.rawValue, $0.reporter(color: false)) } + [
            ("text (color)", TextReporter(color: true))
        ]

    static var renderingNames: [String] { renderings.map(\.name) }

    static func reporter(named name: String) -> any Reporter {
        renderings.first { $0.name == name }?.reporter ?? JSONReporter()
    }

    static func contents(of relativePath: String) -> String {
        String(
            decoding: FileManager.default.contents(atPath: TestPaths.absolute(relativePath)) ?? Data(),
            as: UTF8.self)
    }

    /// The secrets that occur in `output` (named, so that a failure does not dump the report).
    static func leaked(_ secrets: [String], in output: String) -> [String] {
        secrets.filter { output.contains($0) }
    }

    @Test("The fixtures really hold every secret in clear, so the checks below can fail")
    func fixturesHoldTheSecrets() {
        let plan = Self.contents(of: TestPaths.secretsPlan)
        for secret in Self.planSecrets { #expect(plan.contains(secret), "plan.json lacks \(secret)") }
        let dockerfile = Self.contents(of: TestPaths.goldenDockerfile)
        for secret in Self.dockerfileSecrets {
            #expect(dockerfile.contains(secret), "Dockerfile lacks \(secret)")
        }
    }

    @Test("No plan secret in the report", arguments: renderingNames)
    func planReportHasNoSecret(format: String) {
        // Evidence recorded, so that the evidence formats list every evaluation.
        let report = FixtureScan.report([TestPaths.secretsPlan], recordsEvidence: true)
        let output = Self.reporter(named: format).render(report)
        #expect(Self.leaked(Self.planSecrets, in: output) == [], "the \(format) report prints secrets")
    }

    @Test("No Dockerfile secret in the report", arguments: renderingNames)
    func dockerfileReportHasNoSecret(format: String) {
        let report = FixtureScan.report([TestPaths.goldenDockerfile], recordsEvidence: true)
        let output = Self.reporter(named: format).render(report)
        #expect(Self.leaked(Self.dockerfileSecrets, in: output) == [], "the \(format) report prints secrets")
    }

    @Test("AWS-SEC-001 reports the provider with literal keys, without the keys")
    func providerCredentialsAreReported() throws {
        let report = FixtureScan.report([TestPaths.secretsPlan])
        let finding = try #require(report.findings.first { $0.ruleID == "AWS-SEC-001" })
        #expect(finding.outcome == .fail)
        #expect(finding.severity == .critical)
        #expect(finding.location.resource == "provider.aws")
        #expect(finding.location.file == TestPaths.secretsPlan)
    }

    @Test("A message that would print the sensitive variable shows it masked")
    func interpolatedSecretIsMasked() throws {
        // AWS-ECS-008 prints the image, whose tag is the sensitive variable's value.
        let report = FixtureScan.report([TestPaths.secretsPlan])
        let finding = try #require(report.findings.first { $0.ruleID == "AWS-ECS-008" })
        #expect(finding.message.contains("registry.example.com/worker:" + Redactor.replacement))
    }

    @Test("Quoted Dockerfile lines show secrets masked")
    func quotedLinesAreMasked() throws {
        let report = FixtureScan.report([TestPaths.goldenDockerfile])
        let env = try #require(report.findings.first { $0.ruleID == "DF011" && $0.severity == .critical })
        #expect(env.snippet == ["ENV GITHUB_TOKEN=" + Redactor.replacement])
        let run = try #require(report.findings.first { $0.ruleID == "DF013" })
        #expect(
            run.snippet.joined(separator: "\n").contains(
                "https://builder:" + Redactor.replacement + "@registry"))
    }

    /// A DF013 fixture, the literal credentials written in it, and how many findings it has at
    /// least.
    struct CredentialFixture: Sendable, CustomTestStringConvertible {
        let path: String
        let literals: [String]
        let findings: Int
        var testDescription: String { path }
    }

    static let credentialFixtures = [
        // URL passwords, an Authorization header's token, `-u user:password`, `-p…`, `--password`.
        CredentialFixture(
            path: "policies/DF013/fixtures/fail/Dockerfile",
            literals: ["s3cr3tpassw0rd", "abcdef0123456789", "hunter2", "pa55word", "t0ken"], findings: 10),
        CredentialFixture(
            path: "policies/DF013/fixtures/chpasswd/Dockerfile",
            literals: ["Sup3rS3cret", "d3pl0yPw", "pr1ntfPw"],
            findings: 3),
        CredentialFixture(
            path: "policies/DF013/fixtures/login-tools/Dockerfile",
            literals: ["s3cretPass", "GluedPass9", "dockerPass1", "podmanPass2"], findings: 4),
        CredentialFixture(
            path: "policies/DF013/fixtures/shell-variables/Dockerfile",
            literals: ["PgS3cretVal", "T0kenVal1", "EnvPw4242", "BarePw777"], findings: 4),
        CredentialFixture(
            path: "policies/DF013/fixtures/batch-passwords/Dockerfile",
            literals: ["HtPass123", "NetrcPw77", "PrintfNetrc9"], findings: 3),
        // A URL in a RUN script; a .netrc, a chpasswd input and an .env file as here-documents of RUN
        // and COPY.
        CredentialFixture(
            path: "policies/DF013/fixtures/heredoc/Dockerfile",
            literals: ["plaintextpass", "HeredocNetrc5", "HeredocChpw6", "CopiedNetrc7", "EnvFilePw42"],
            findings: 5),
    ]

    @Test(
        "Every literal credential DF013 finds is masked in every report, quoted lines included",
        arguments: credentialFixtures)
    func credentialsAreMasked(_ fixture: CredentialFixture) {
        let contents = Self.contents(of: fixture.path)
        for literal in fixture.literals {
            #expect(contents.contains(literal), "the fixture lacks \(literal)")
        }
        let report = FixtureScan.report([fixture.path])
        #expect(report.findings.filter { $0.ruleID == "DF013" }.count >= fixture.findings)
        for (format, reporter) in Self.renderings {
            #expect(
                Self.leaked(fixture.literals, in: reporter.render(report)) == [],
                "the \(format) report prints secrets")
        }
    }

    @Test("palisade parse of the plan prints no secret")
    func parsedPlanHasNoSecret() throws {
        let document = try DocumentLoader.load(path: TestPaths.absolute(TestPaths.secretsPlan), target: nil)
        let text = document.jsonText()
        #expect(text.contains("\"kind\": \"terraform-plan\""), "parse output is not the plan document")
        #expect(Self.leaked(Self.planSecrets, in: text) == [], "parse prints secrets")
    }

    @Test("palisade parse of the Dockerfile prints no secret")
    func parsedDockerfileHasNoSecret() throws {
        let document = try DocumentLoader.load(
            path: TestPaths.absolute(TestPaths.goldenDockerfile), target: nil)
        let text = document.jsonText()
        #expect(text.contains("GITHUB_TOKEN"), "parse output lacks the ENV instruction")
        #expect(Self.leaked(Self.dockerfileSecrets, in: text) == [], "parse prints secrets")
    }
}
