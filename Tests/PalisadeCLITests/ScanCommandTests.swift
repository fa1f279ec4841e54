import Foundation
import Testing

@Suite("palisade scan")
struct ScanCommandTests {
    static let cleanDockerfile = RepositoryPaths.examples + "/docker/Dockerfile"
    static let failingPlan = RepositoryPaths.examples + "/terraform/plan.json"
    static let unknownPlan = RepositoryPaths.root + "/policies/AWS-S3-001/fixtures/unknown/plan.json"

    @Test("Findings only below the threshold exit 0 with nothing on standard error")
    func belowThresholdExitsZero() throws {
        let result = try CLI.run(["scan", Self.cleanDockerfile])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        #expect(result.standardOutput.contains("critical 0, high 0,"), "\(result.standardOutput)")
        #expect(try CLI.run(["scan", "--fail-on", "low", Self.cleanDockerfile]).status == 1)
    }

    @Test("Findings at or above the threshold exit 1; --fail-on never and a higher threshold exit 0")
    func thresholds() throws {
        #expect(try CLI.run(["scan", Self.failingPlan]).status == 1)
        #expect(try CLI.run(["scan", "--fail-on", "low", Self.failingPlan]).status == 1)
        #expect(try CLI.run(["scan", "--fail-on", "never", Self.failingPlan]).status == 0)
        let report = try Self.jsonReport(["scan", "--format", "json", "--fail-on", "never", Self.failingPlan])
        let severities = Set(
            (report["findings"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String })
        #expect(!severities.isEmpty, "the example plan is expected to have findings")
        if !severities.contains("critical") {
            #expect(try CLI.run(["scan", "--fail-on", "critical", Self.failingPlan]).status == 0)
        }
    }

    @Test("Unknown outcomes warn by default and fail with --unknown fail")
    func unknownPolicy() throws {
        let base = ["scan", "--only", "AWS-S3-001", Self.unknownPlan]
        let warned = try CLI.run(base)
        #expect(warned.status == 0)
        #expect(
            warned.standardOutput.contains("AWS-S3-001"),
            "the unknown should be shown: \(warned.standardOutput)")
        #expect(try CLI.run(base + ["--unknown", "fail"]).status == 1)
        let hidden = try CLI.run(base + ["--unknown", "pass"])
        #expect(hidden.status == 0)
        #expect(!hidden.standardOutput.contains("aws_s3_bucket_acl.from_apply"), "\(hidden.standardOutput)")
    }

    @Test("- reads the plan from standard input with the same findings as the file, fingerprinted apart")
    func standardInput() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.failingPlan)))
        let fromFile = try Self.jsonReport(["scan", "--format", "json", Self.failingPlan])
        let piped = try CLI.run(["scan", "--format", "json", "-"], input: bytes)
        #expect(piped.status == 1)
        let fromStdin = try #require(
            try JSONSerialization.jsonObject(with: Data(piped.standardOutput.utf8)) as? [String: Any])
        let fileIDs = (fromFile["findings"] as? [[String: Any]] ?? []).compactMap {
            $0["fingerprint"] as? String
        }
        let stdinIDs = (fromStdin["findings"] as? [[String: Any]] ?? []).compactMap {
            $0["fingerprint"] as? String
        }
        #expect(!fileIDs.isEmpty)
        // The same findings; the fingerprints hash the input's path relative to the scan root
        // (`-` for standard input), so two plans with the same addresses never share one.
        let findings = { (report: [String: Any]) in
            (report["findings"] as? [[String: Any]] ?? []).map {
                "\($0["rule_id"] ?? "") \($0["resource"] ?? "") \($0["attribute"] ?? "")"
            }
        }
        #expect(findings(fromFile) == findings(fromStdin))
        #expect(Set(fileIDs).isDisjoint(with: stdinIDs))
    }

    @Test("Two plans with the same addresses in one scan never share a fingerprint")
    func plansAreFingerprintedByPath() throws {
        let folder = try TemporaryDirectory()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.failingPlan))
        for environment in ["staging", "production"] {
            try FileManager.default.createDirectory(
                atPath: folder.path + "/" + environment, withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: folder.path + "/" + environment + "/plan.json"))
        }
        let report = try Self.jsonReport(["scan", "--format", "json", folder.path])
        let fingerprints = (report["findings"] as? [[String: Any]] ?? []).compactMap {
            $0["fingerprint"] as? String
        }
        #expect(fingerprints.count >= 2)
        #expect(Set(fingerprints).count == fingerprints.count)
    }

    @Test("Output to a file or pipe, or with NO_COLOR, has no ANSI escapes")
    func noColorWhenNotATerminal() throws {
        for environment in [[:], ["NO_COLOR": "1"]] {
            let result = try CLI.run(["scan", Self.failingPlan], environment: environment)
            #expect(result.status == 1)
            #expect(!result.standardOutput.isEmpty)
            #expect(
                !result.standardOutput.contains("\u{1B}["), "ANSI escape in non-TTY output (\(environment))")
        }
    }

    @Test("The JSON report is valid JSON with findings, summary and errors")
    func jsonReportShape() throws {
        let report = try Self.jsonReport(["scan", "--format", "json", Self.failingPlan])
        #expect(report["findings"] is [Any])
        #expect(report["summary"] is [String: Any])
        #expect((report["errors"] as? [Any])?.isEmpty == true)
    }

    @Test("A broken config file exits 2 naming the file")
    func brokenConfig() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("palisade.yaml", "fail_on: hgih\n")
        let result = try CLI.run(
            ["scan", "--config", "palisade.yaml", Self.cleanDockerfile], in: scratch.path)
        #expect(result.status == 2)
        #expect(
            result.errorLines.count == 1
                && result.errorLines.first?.hasPrefix("palisade: palisade.yaml:1") == true,
            "\(result.errorLines)")
    }

    static func jsonReport(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        return try #require(object as? [String: Any])
    }
}

@Suite("palisade usage")
struct UsageTests {
    @Test("--version prints the semantic version")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        let version = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            version.split(separator: ".").count == 3
                && version.split(separator: ".").allSatisfy { Int($0) != nil }, "\(version)")
    }

    @Test(
        "Usage errors exit 64",
        arguments: [
            ["scan"], ["scan", "--format", "xml", "x"], ["scan", "--fail-on", "urgent", "x"],
            ["scan", "--unknown", "maybe", "x"], ["frobnicate"], ["rules", "--format", "yaml"], ["explain"],
            ["test"], ["config", "--fail-on", "sometimes"], ["scan", "--no-such-flag", "x"],
        ])
    func usageErrors(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64, "\(arguments): exit \(result.status)")
        #expect(!result.standardError.isEmpty)
    }

    @Test("--help lists every command")
    func helpListsCommands() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        for command in ["scan", "parse", "rules", "explain", "test", "config"] {
            #expect(result.standardOutput.contains("  \(command)"), "--help does not list \(command)")
        }
    }
}

@Suite("Scan: source locations and waivers on the command line")
struct SourceAndWaiverCommandTests {
    static let plan = RepositoryPaths.examples + "/terraform/plan.json"

    @Test("scan - locates findings only with --source")
    func standardInputNeedsSource() throws {
        let input = Array(try Data(contentsOf: URL(fileURLWithPath: Self.plan)))
        let plain = try CLI.run(["scan", "--format", "json", "-"], input: input)
        #expect(!plain.standardOutput.contains("\"source\": {"))
        let located = try CLI.run(
            ["scan", "--format", "json", "--source", RepositoryPaths.examples + "/terraform", "-"],
            input: input)
        #expect(located.status == 1)
        #expect(
            located.standardOutput.contains("\"file\": \"\(RepositoryPaths.examples)/terraform/main.tf\""))
    }

    @Test("A malformed waiver exits 2 with the config file's line; SOURCE_DATE_EPOCH sets the day")
    func waiversFromTheCommandLine() throws {
        let scratch = try TemporaryDirectory()
        let config = scratch.path + "/palisade.yaml"
        try """
        waivers:
          - rule: AWS-S3-001
            resource: aws_s3_bucket_acl.assets
            reason: reviewed
            owner: web@example.com
            expires: 2026-06-30
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let arguments = ["scan", "--only", "AWS-S3-001", "--config", config, Self.plan]
        // 2026-06-01: the waiver holds; 2026-07-01: it has expired and the finding fails again.
        let live = try CLI.run(
            arguments, environment: ["SOURCE_DATE_EPOCH": "1780272000"])
        #expect(live.status == 0, "\(live.standardOutput)")
        #expect(live.standardOutput.contains("Waived (1):"))
        let expired = try CLI.run(
            arguments, environment: ["SOURCE_DATE_EPOCH": "1782864000"])
        #expect(expired.status == 1)
        #expect(expired.standardOutput.contains("expired on 2026-06-30"))

        try "waivers:\n  - rule: AWS-S3-001\n    resource: x\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let broken = try CLI.run(["scan", "--config", config, Self.plan])
        #expect(broken.status == 2)
        #expect(
            broken.errorLines.contains { $0.hasPrefix("palisade: \(config):2:") }, "\(broken.standardError)")
    }
}

@Suite("Scan with a baseline")
struct BaselineCommandTests {
    static let plan = RepositoryPaths.examples + "/terraform/plan.json"
    static let added = RepositoryPaths.root + "/Tests/TerraformSourceTests/Fixtures/baseline/added/plan.json"

    @Test(
        "An unchanged plan exits 0 against its baseline; one more public security group exits 1 with it as new"
    )
    func baselineGate() throws {
        let scratch = try TemporaryDirectory()
        let baseline = scratch.path + "/baseline.json"
        let created = try CLI.run(["baseline", "create", "--output", baseline, Self.plan])
        #expect(created.status == 0, "\(created.standardError)")
        #expect(try CLI.run(["scan", Self.plan]).status == 1)

        let unchanged = try CLI.run(["scan", "--baseline", baseline, Self.plan])
        #expect(unchanged.status == 0, "\(unchanged.standardOutput)")
        #expect(unchanged.standardOutput.contains("0 new"))

        let grown = try CLI.run(["scan", "--format", "json", "--baseline", baseline, Self.added])
        #expect(grown.status == 1)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(grown.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let new = findings.filter { $0["baseline_state"] as? String == "new" }
        #expect(new.count == 1)
        #expect(new.first?["rule_id"] as? String == "AWS-EC2-001")
        #expect(new.first?["resource"] as? String == "aws_security_group.admin")
        let summary = try #require(report["baseline"] as? [String: Any])
        #expect(summary["new"] as? Int == 1)
        #expect((summary["fixed"] as? [Any])?.isEmpty == true)
    }

    @Test("A baseline that cannot be read exits 2 with its file and line")
    func brokenBaseline() throws {
        let scratch = try TemporaryDirectory()
        let baseline = scratch.path + "/baseline.json"
        try "{\n  \"findings\": [\n".write(toFile: baseline, atomically: true, encoding: .utf8)
        let result = try CLI.run(["scan", "--baseline", baseline, Self.plan])
        #expect(result.status == 2)
        #expect(
            result.errorLines.contains { $0.hasPrefix("palisade: \(baseline):3:") }, "\(result.standardError)"
        )
    }
}
