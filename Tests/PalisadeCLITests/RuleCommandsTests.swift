import Foundation
import Testing

@Suite("palisade rules")
struct RulesCommandTests {
    @Test("The table lists every built-in rule with its severity, status and input")
    func table() throws {
        let result = try CLI.run(["rules"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID") == true)
        let rows = lines.dropFirst()
        #expect(rows.count >= 44, "\(rows.count) rules")
        let df001 = try #require(rows.first { $0.hasPrefix("DF001 ") })
        #expect(df001.contains("high") && df001.contains("active") && df001.contains("dockerfile"))
        #expect(
            rows.map { String($0.prefix { $0 != " " }) }
                == rows.map { String($0.prefix { $0 != " " }) }.sorted())
    }

    @Test("JSON lists every summary field plus family")
    func json() throws {
        let result = try CLI.run(["rules", "--format", "json"])
        #expect(result.status == 0)
        let rules = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(rules.count >= 44)
        let fields = [
            "id", "title", "severity", "category", "input", "status", "family", "controls", "equivalents",
            "description",
            "remediation",
        ]
        for rule in rules {
            #expect(Set(rule.keys) == Set(fields), "\(rule["id"] ?? "?"): \(rule.keys.sorted())")
        }
        let s3 = try #require(rules.first { $0["id"] as? String == "AWS-S3-001" })
        #expect(s3["family"] as? String == "bucket.public-acl")
        #expect((s3["equivalents"] as? [String: [String]])?["checkov"]?.contains("CKV_AWS_20") == true)
    }

    @Test("Custom policies from --policies are listed with the built-in ones")
    func customPolicies() throws {
        let result = try CLI.run(["rules", "--policies", RepositoryPaths.examples + "/policies"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("ORG-TAG-001") && result.standardOutput.contains("ORG-DF-001"))
    }
}

@Suite("palisade explain")
struct ExplainCommandTests {
    @Test("--full shows metadata, prose, parameters and every fixture with its expected outcomes")
    func explainsBuiltInRule() throws {
        let result = try CLI.run(["explain", "AWS-S3-001", "--full"])
        #expect(result.status == 0, "\(result.standardError)")
        let text = result.standardOutput
        for expected in [
            "AWS-S3-001: S3 bucket public via canned ACL", "severity:", "category:    public-exposure",
            "status:",
            "controls:    CIS-AWS:2.1.4", "checkov CKV_AWS_20", "Description", "Remediation", "Parameters",
            "public_acls = [public-read, public-read-write, authenticated-read]", "Case fail", "main.tf:",
            "aws_s3_bucket_acl.rw fail critical", "aws_s3_bucket_acl.private pass",
        ] {
            #expect(text.contains(expected), "explain output lacks \(expected)")
        }
        #expect(!text.contains("provider.tf:"), "provider boilerplate should not be shown")
    }

    @Test("Ids are case-insensitive and Dockerfile fixtures are shown")
    func dockerfileRule() throws {
        let result = try CLI.run(["explain", "df001", "--full"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("DF001:") && result.standardOutput.contains("Dockerfile:"))
        #expect(result.standardOutput.contains("line 2 fail high"))
    }

    @Test("By default: one failing and one passing excerpt, and how to see every case")
    func excerpts() throws {
        let result = try CLI.run(["explain", "AWS-S3-001"])
        #expect(result.status == 0, "\(result.standardError)")
        let text = result.standardOutput
        let failing = try #require(text.range(of: "Failing example (fixture fail, main.tf)\n"))
        let passing = try #require(text.range(of: "Passing example (fixture pass, main.tf)\n"))
        #expect(failing.upperBound < passing.lowerBound)
        #expect(text[failing.upperBound...].hasPrefix("  | resource \"aws_s3_bucket_acl\" \"rw\" {"))
        #expect(text.contains("    -> aws_s3_bucket_acl.rw: fail critical"))
        #expect(text.contains("    -> aws_s3_bucket_acl.private: pass"))
        #expect(text.contains("`palisade explain AWS-S3-001 --full` shows them all."))
        #expect(!text.contains("Case omitted"), "other cases only with --full")
        let full = try CLI.run(["explain", "AWS-S3-001", "--full"]).standardOutput
        #expect(full.contains("Case omitted") && full.count > text.count)
        let dockerfile = try CLI.run(["explain", "DF019"]).standardOutput
        #expect(dockerfile.contains("  | RUN apt-get update\n    -> line 3: fail medium"), "\(dockerfile)")
    }

    @Test("An unknown id exits 2 with a did-you-mean")
    func unknownID() throws {
        let result = try CLI.run(["explain", "DF01"])
        #expect(result.status == 2)
        #expect(
            result.errorLines == ["palisade: unknown rule 'DF01'; did you mean 'DF001'?"],
            "\(result.errorLines)")
        let far = try CLI.run(["explain", "NOPE-XYZ-999"])
        #expect(
            far.status == 2 && far.errorLines.count == 1
                && far.errorLines.first?.hasPrefix("palisade: unknown rule") == true)
    }

    @Test("A custom rule is explained from its folder on disk")
    func customRule() throws {
        let result = try CLI.run([
            "explain", "ORG-TAG-001", "--full", "--policies", RepositoryPaths.examples + "/policies",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("tag_key = owner"))
        #expect(result.standardOutput.contains("aws_s3_bucket.bare fail medium"))
    }
}

@Suite("palisade config")
struct ConfigCommandTests {
    @Test("With no config file, prints the defaults")
    func defaults() throws {
        let scratch = try TemporaryDirectory()
        let result = try CLI.run(["config"], in: scratch.path)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("fail_on: high\nunknown: warn\n"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("source: built-in defaults"))
    }

    @Test("Flags override the config file, and the output reads back as the same config")
    func flagsOverrideAndRoundTrip() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write(
            ".palisade.yaml",
            """
            fail_on: medium
            unknown: fail
            disable: [DF001]
            exclude: [vendor-legacy, "*.old.json"]
            source: infra
            reports:
              sarif: build/palisade.sarif
            rule_docs_url: https://docs.example.com/rules/{id}
            max_waiver_days: 365
            waivers:
              - rule: AWS-S3-001
                resource: module.site.aws_s3_bucket_acl.*
                reason: "public website bucket: reviewed in SEC-123"
                owner: web-team@example.com
                expires: 2027-06-30
            params:
              AWS-S3-001:
                public_acls: [public-read, "yes"]
            """)
        let fromFile = try CLI.run(["config"], in: scratch.path)
        #expect(fromFile.status == 0, "\(fromFile.standardError)")
        #expect(fromFile.standardOutput.contains("fail_on: medium"))
        #expect(fromFile.standardOutput.contains("disable: [DF001]"))
        for setting in [
            "exclude: [vendor-legacy, ", "rule_docs_url: ", "max_waiver_days: 365",
            "waivers:\n  - {rule: AWS-S3-001",
        ] {
            #expect(fromFile.standardOutput.contains(setting), "\(setting) in \(fromFile.standardOutput)")
        }
        #expect(
            fromFile.standardOutput.contains("public_acls: [public-read, \"yes\"]"),
            "\(fromFile.standardOutput)")
        let flagged = try CLI.run(["config", "--fail-on", "never", "--unknown", "pass"], in: scratch.path)
        #expect(
            flagged.standardOutput.contains("fail_on: never\nunknown: pass\n"), "\(flagged.standardOutput)")
        try scratch.write("printed.yaml", fromFile.standardOutput)
        let reread = try CLI.run(["config", "--config", "printed.yaml"], in: scratch.path)
        #expect(reread.status == 0, "\(reread.standardError)")
        let body = { (text: String) in text.split(separator: "\n").dropFirst().joined(separator: "\n") }
        #expect(body(reread.standardOutput) == body(fromFile.standardOutput))
    }

    @Test("A broken config exits 2 with one line naming the file and position")
    func brokenConfig() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("bad.yaml", "fail_on: high\nunknwn: warn\n")
        let result = try CLI.run(["config", "--config", "bad.yaml"], in: scratch.path)
        #expect(result.status == 2)
        #expect(
            result.errorLines.count == 1
                && result.errorLines.first?.hasPrefix("palisade: bad.yaml:2") == true, "\(result.errorLines)")
        #expect(result.standardError.contains("did you mean 'unknown'"))
    }
}
