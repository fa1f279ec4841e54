import Foundation
import Testing

@testable import PalisadeCore

@Suite("Waivers")
struct WaiverTests {
    static let examplePlan = RepositoryPaths.root + "/examples/terraform/plan.json"
    static let today = CalendarDay("2026-06-01")!

    /// Scans the example plan with `config` (YAML text) on ``today``.
    private func scan(_ config: String, today: CalendarDay = today) throws -> ScanReport {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-waivers-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("palisade.yaml").path
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        var options = ScanOptions(paths: [Self.examplePlan], configPath: path)
        options.today = today
        return Scan.run(options).0
    }

    private func waiver(rule: String = "AWS-S3-001", resource: String, expires: String) -> String {
        """
          - rule: \(rule)
            resource: \(resource)
            reason: public website bucket, reviewed in SEC-123
            owner: web-team@example.com
            expires: \(expires)

        """
    }

    @Test("Dates parse, print and count days; impossible dates are rejected")
    func calendarDays() throws {
        #expect(CalendarDay("1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDay("2000-03-01")?.daysSinceEpoch == 11_017)
        let leap = try #require(CalendarDay("2024-02-29"))
        #expect(leap.description == "2024-02-29")
        #expect(CalendarDay(daysSinceEpoch: leap.daysSinceEpoch + 1).description == "2024-03-01")
        #expect(CalendarDay(unixTime: 1_780_272_000).description == "2026-06-01")
        for bad in ["2026-02-29", "2026-13-01", "2026-6-1", "tomorrow", "2026-06-01T00:00"] {
            #expect(CalendarDay(bad) == nil, "\(bad)")
        }
    }

    @Test(
        "Address globs: * spans dots and brackets, ? one character",
        arguments: [
            ("module.site.aws_s3_bucket_acl.*", "module.site.aws_s3_bucket_acl.assets[\"a\"]", true),
            ("aws_s3_bucket_acl.*", "module.site.aws_s3_bucket_acl.assets", false),
            ("*.aws_s3_bucket_acl.assets", "module.a.module.b.aws_s3_bucket_acl.assets", true),
            ("aws_s3_bucket_acl.asset?", "aws_s3_bucket_acl.assets", true),
            ("aws_s3_bucket_acl.asset?", "aws_s3_bucket_acl.asset", false),
        ])
    func globs(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(Glob.matches(pattern, text) == expected)
    }

    @Test("A live waiver turns the finding to waived, keeps it in the report and passes the gate")
    func waivedFinding() throws {
        let baseline = try scan("waivers: []\n")
        #expect(baseline.exitCode(failOn: .atOrAbove(.critical), unknown: .warn) == 1)
        let report = try scan(
            "waivers:\n" + waiver(resource: "aws_s3_bucket_acl.*", expires: "2026-09-30")
                + waiver(rule: "AWS-EC2-001", resource: "aws_security_group.bastion", expires: "2026-06-01"))
        #expect(report.errors.isEmpty, "\(report.errors)")
        let acl = try #require(report.findings.first { $0.ruleID == "AWS-S3-001" })
        #expect(acl.outcome == .waived)
        #expect(acl.waiver?.waiver.owner == "web-team@example.com")
        #expect(acl.waiver?.daysLeft == 121)
        #expect(acl.waiver?.expiresSoon == false)
        // The expiry day itself still counts, and is flagged as soon.
        let ssh = try #require(report.findings.first { $0.ruleID == "AWS-EC2-001" })
        #expect(ssh.outcome == .waived && ssh.waiver?.daysLeft == 0 && ssh.waiver?.expiresSoon == true)
        #expect(report.summary.suppressed == baseline.summary.suppressed + 2)
        #expect(report.summary.fail == baseline.summary.fail - 2)
        #expect(report.exitCode(failOn: .atOrAbove(.high), unknown: .warn) == 1)  // AWS-RDS-001 remains
        #expect(report.exitCode(failOn: .atOrAbove(.critical), unknown: .warn) == 0)
        #expect(report.unusedWaivers.isEmpty)
    }

    @Test("A waiver within 14 days of expiry is flagged; one further away is not")
    func soonExpiring() throws {
        let soon = try scan(
            "waivers:\n" + waiver(resource: "aws_s3_bucket_acl.assets", expires: "2026-06-15"))
        #expect(soon.findings.first { $0.ruleID == "AWS-S3-001" }?.waiver?.expiresSoon == true)
        let later = try scan(
            "waivers:\n" + waiver(resource: "aws_s3_bucket_acl.assets", expires: "2026-06-16"))
        #expect(later.findings.first { $0.ruleID == "AWS-S3-001" }?.waiver?.expiresSoon == false)
    }

    @Test("An expired waiver stops working: the finding fails again and says when the waiver expired")
    func expired() throws {
        let report = try scan(
            "waivers:\n" + waiver(resource: "aws_s3_bucket_acl.assets", expires: "2026-05-31"))
        let acl = try #require(report.findings.first { $0.ruleID == "AWS-S3-001" })
        #expect(acl.outcome == .fail)
        #expect(acl.waiver == nil)
        #expect(acl.message.contains("expired on 2026-05-31"))
        #expect(report.exitCode(failOn: .atOrAbove(.high), unknown: .warn) == 1)
        #expect(report.unusedWaivers.isEmpty, "an expired waiver that matched is not stale, it is expired")
    }

    @Test("A waiver that matches nothing is reported as unused, with its config line")
    func unused() throws {
        let report = try scan(
            "fail_on: never\nwaivers:\n" + waiver(resource: "aws_s3_bucket_acl.assets", expires: "2026-09-30")
                + waiver(rule: "AWS-RDS-003", resource: "module.gone.*", expires: "2026-09-30"))
        #expect(report.unusedWaivers.map(\.rule) == ["AWS-RDS-003"])
        #expect(report.unusedWaivers.first?.configLine == 8)
    }

    @Test("A file glob waives the findings of that input")
    func fileGlob() throws {
        let config = """
            waivers:
              - rule: AWS-RDS-001
                file: "*/examples/terraform/*"
                reason: test database
                owner: db@example.com
                expires: 2026-07-01
            """
        let report = try scan(config)
        #expect(report.findings.first { $0.ruleID == "AWS-RDS-001" }?.outcome == .waived)
    }

    @Test("A file glob matches a downloaded module's file as well as the module call's")
    func downloadedModuleFile() {
        let waiver = Waiver(
            rule: "AWS-ECR-001", resource: nil, file: "*/.terraform/modules/vendored/*",
            reason: "vendor's default",
            owner: "platform@example.com", expires: CalendarDay("2026-12-31")!, configFile: ".palisade.yaml",
            configLine: 1)
        var location = Location(file: "plan.json", resource: "module.vendored.aws_ecr_repository.images")
        location.source = SourceReference(
            file: "/repo/main.tf", line: 45, endLine: 47,
            inModule: SourceLines(file: "/repo/.terraform/modules/vendored/main.tf", line: 5, endLine: 5))
        #expect(waiver.covers(ruleID: "AWS-ECR-001", location: location))
        location.source?.inModule = nil
        #expect(!waiver.covers(ruleID: "AWS-ECR-001", location: location))
    }

    @Test(
        "Malformed waivers are config errors with the line of the problem",
        arguments: [
            (
                "waivers:\n  - rule: AWS-S3-001\n    resource: x\n    owner: a\n    expires: 2026-07-01\n", 2,
                "needs reason"
            ),
            (
                "waivers:\n  - rule: AWS-S3-001\n    resource: x\n    reason: r\n    owner: a\n    expires: 30/06/2026\n",
                2,
                "YYYY-MM-DD"
            ),
            (
                "waivers:\n  - rule: AWS-S3-001\n    reason: r\n    owner: a\n    expires: 2026-07-01\n", 2,
                "resource"
            ),
            (
                "waivers:\n  - rule: AWS-S3-001\n    resource: x\n    reason: r\n    owner: a\n    expires: 2026-07-01\n    expiry: x\n",
                7, "unknown waiver field 'expiry'"
            ),
            ("waivers:\n  rule: AWS-S3-001\n", 2, "must be a list"),
            (
                "waivers:\n  - rule: AWS-S3-001\n    resource: x\n    reason: \"\"\n    owner: a\n    expires: 2026-07-01\n",
                4,
                "non-empty"
            ),
            ("max_waiver_days: 0\n", 1, "at least 1"),
        ])
    func malformed(_ config: String, line: Int, fragment: String) throws {
        #expect(throws: InputError.self) { try ConfigurationLoader.parse(config, path: "p.yaml") }
        do {
            _ = try ConfigurationLoader.parse(config, path: "p.yaml")
        } catch {
            #expect(error.file == "p.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test("max_waiver_days rejects a waiver that runs longer, naming its line")
    func maximumLifetime() throws {
        let config =
            "max_waiver_days: 90\nwaivers:\n"
            + waiver(resource: "aws_s3_bucket_acl.assets", expires: "2026-08-30")
            + waiver(resource: "aws_s3_bucket_acl.assets", expires: "2026-08-31")
        let report = try scan(config)
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.line == 8)
        #expect(report.errors.first?.message.contains("more than max_waiver_days (90)") == true)
        #expect(report.exitCode(failOn: .never, unknown: .warn) == 2)
    }
}
