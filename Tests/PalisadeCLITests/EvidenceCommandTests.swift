import Foundation
import TestMaterial
import Testing

/// `palisade scan --report evidence=… --report evidence-html=…` on `examples/`, and
/// `palisade controls`: what an auditor receives, checked against the files and the JSON report.
@Suite("Evidence reports from the command line")
struct EvidenceCommandTests {
    /// A fixed time and no CI variables, so that the test's own CI does not leak into the files.
    static let environment: [String: String] = [
        "SOURCE_DATE_EPOCH": "1767225600", "GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": "",
        "GITHUB_RUN_ID": "", "GITHUB_SHA": "", "CI_PIPELINE_URL": "", "CI_JOB_URL": "", "CI_PROJECT_URL": "",
        "CI_COMMIT_SHA": "", "BUILD_URL": "",
    ]

    /// One scan of `examples/` from the repository root, writing both evidence files into
    /// `folder` and the JSON report to standard output.
    static func scanExamples(
        into folder: String, environment: [String: String] = environment
    ) throws -> CLIResult {
        try CLI.run(
            [
                "scan", "examples/", "--format", "json", "--report", "evidence=\(folder)/evidence.json",
                "--report", "evidence-html=\(folder)/evidence.html",
            ], in: RepositoryPaths.root, environment: environment)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    /// SHA-256 of a file by Python's hashlib, independent of Palisade's own implementation.
    static func sha256(ofFile path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())",
            path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("One scan of examples/ writes both files; inputs, digests and control counts check out")
    func scanOfExamples() throws {
        let folder = try TemporaryDirectory()
        let result = try Self.scanExamples(into: folder.path)
        #expect(result.status == 1, "\(result.standardError)")
        let evidencePath = folder.path + "/evidence.json"
        let htmlPath = folder.path + "/evidence.html"
        let evidence = try Self.object(try Self.read(evidencePath))
        // The files' SHA-256 is on standard error, for the CI log.
        for (format, path) in [("evidence", evidencePath), ("evidence-html", htmlPath)] {
            let digest = try Self.sha256(ofFile: path)
            #expect(
                result.errorLines.contains("palisade: \(format) report \(path) sha256:\(digest)"),
                "\(result.errorLines)")
        }
        // Every input is named relative to the scan root, with its real size and digest.
        let inputs = try #require(evidence["inputs"] as? [[String: Any]])
        #expect(Set(inputs.compactMap { $0["kind"] as? String }) == ["plan", "state", "dockerfile"])
        for input in inputs {
            let path = try #require(input["path"] as? String)
            #expect(path.hasPrefix("examples/"), "\(path)")
            let file = RepositoryPaths.root + "/" + path
            let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
            #expect(input["bytes"] as? Int == size, "\(path)")
            #expect(input["sha256"] as? String == (try Self.sha256(ofFile: file)), "\(path)")
        }
        // The run facts: the fixed time, the version, the command line; no CI.
        let run = try #require(evidence["run"] as? [String: Any])
        #expect(run["time"] as? String == "2026-01-01T00:00:00Z")
        #expect(run["time_source"] as? String == "SOURCE_DATE_EPOCH")
        #expect(run["ci"] is NSNull)
        #expect((run["command_line"] as? [String])?.first == "palisade")
        let git = try #require(run["git"] as? [String: Any])
        if git["state"] as? String == "work_tree", let commit = git["commit"] as? String {
            #expect(commit.count == 40 && commit.allSatisfy(\.isHexDigit))
        }
        // Each control's failures are the JSON report's failing findings citing it.
        let report = try Self.object(result.standardOutput)
        let findings = try #require(report["findings"] as? [[String: Any]])
        let rules = try #require(evidence["rules"] as? [[String: Any]])
        var failedControls = 0
        for framework in try #require(evidence["frameworks"] as? [[String: Any]]) {
            for control in (framework["controls"] as? [[String: Any]]) ?? [] {
                let reference = try #require(control["reference"] as? String)
                let ruleIDs = Set(
                    ((control["rules"] as? [[String: Any]]) ?? []).compactMap { $0["rule_id"] as? String })
                let fromEvidence = Set(
                    rules.filter { ruleIDs.contains($0["rule_id"] as? String ?? "") }
                        .flatMap { ($0["evaluations"] as? [[String: Any]]) ?? [] }
                        .filter { $0["outcome"] as? String == "fail" }.compactMap {
                            $0["fingerprint"] as? String
                        })
                let fromReport = Set(
                    findings.filter {
                        $0["outcome"] as? String == "fail"
                            && (($0["controls"] as? [String]) ?? []).contains(reference)
                    }.compactMap { $0["fingerprint"] as? String })
                #expect(fromEvidence == fromReport, "\(reference)")
                #expect((control["counts"] as? [String: Int])?["fail"] == fromReport.count, "\(reference)")
                if control["verdict"] as? String == "fail" { failedControls += 1 }
            }
        }
        #expect(failedControls >= 5)
        let totals = try #require((evidence["summary"] as? [String: Any])?["evaluations"] as? [String: Int])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(totals["fail"] == summary["fail"] as? Int)
        #expect(totals["unknown"] == summary["unknown"] as? Int)
        #expect(totals["pass"] == summary["pass"] as? Int)
        #expect(totals["not_applicable"] == summary["not_applicable"] as? Int)
        // The page references nothing outside itself.
        let html = try Self.read(htmlPath)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for external in ["http://", "https://", "src=", "@import", "url(", "<link", "<script"] {
            #expect(!html.contains(external), "the page contains \(external)")
        }
    }

    @Test("The evidence of examples/ is valid against its schema", .requiresJSONSchema)
    func schemaValid() throws {
        let folder = try TemporaryDirectory()
        _ = try Self.scanExamples(into: folder.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            for error in errors: print(list(error.absolute_path), error.message)
            sys.exit(1 if errors else 0)
            """,
            RepositoryPaths.root + "/docs/schemas/evidence.schema.json", folder.path + "/evidence.json",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }

    @Test("Two runs with the same SOURCE_DATE_EPOCH write byte-identical files")
    func deterministic() throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        _ = try Self.scanExamples(into: first.path)
        _ = try Self.scanExamples(into: second.path)
        for name in ["evidence.json", "evidence.html"] {
            let one = try Self.read(first.path + "/" + name)
            let two = try Self.read(second.path + "/" + name)
            // The command lines differ only in the output folder; compare with it named alike.
            #expect(
                one.replacingOccurrences(of: first.path, with: "OUT")
                    == two.replacingOccurrences(of: second.path, with: "OUT"), "\(name)")
            #expect(!one.isEmpty)
        }
        let sameFolder = try TemporaryDirectory()
        _ = try Self.scanExamples(into: sameFolder.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: sameFolder.path + "/evidence.json"))
        _ = try Self.scanExamples(into: sameFolder.path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: sameFolder.path + "/evidence.json")) == before)
    }

    @Test("The CI run comes from GitHub, GitLab or Jenkins variables")
    func ciRun() throws {
        let cases: [([String: String], String, String)] = [
            (
                [
                    "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/infra",
                    "GITHUB_RUN_ID": "42",
                ],
                "github", "https://github.com/acme/infra/actions/runs/42"
            ),
            (
                ["CI_PIPELINE_URL": "https://gitlab.example.com/acme/infra/-/pipelines/7"], "gitlab",
                "https://gitlab.example.com/acme/infra/-/pipelines/7"
            ),
            (
                ["BUILD_URL": "https://jenkins.example.com/job/infra/9/"], "jenkins",
                "https://jenkins.example.com/job/infra/9/"
            ),
        ]
        for (variables, provider, url) in cases {
            let folder = try TemporaryDirectory()
            _ = try Self.scanExamples(
                into: folder.path, environment: Self.environment.merging(variables) { $1 })
            let run = try #require(
                try Self.object(try Self.read(folder.path + "/evidence.json"))["run"] as? [String: Any])
            let ci = run["ci"] as? [String: Any]
            #expect(ci?["provider"] as? String == provider)
            #expect(ci?["run_url"] as? String == url)
            #expect(try Self.read(folder.path + "/evidence.html").contains(url))
        }
    }

    @Test("Inside a git work tree the commit, branch and remote are recorded, without credentials")
    func gitFacts() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.copyItem(
            atPath: RepositoryPaths.examples + "/docker/Dockerfile", toPath: folder.path + "/Dockerfile")
        func git(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", folder.path] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try git(["init", "-q", "-b", "audit-branch"])
        _ = try git(["add", "Dockerfile"])
        _ = try git(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "c"])
        _ = try git([
            "remote", "add", "origin", "https://bot:ghp_SecretTokenInRemote@git.example.com/acme/infra.git",
        ])
        let commit = try git(["rev-parse", "HEAD"])
        try #require(commit.count == 40, "git is needed for this test")
        let result = try CLI.run(
            [
                "scan", "Dockerfile", "--fail-on", "never", "--report", "evidence=e.json", "--report",
                "evidence-html=e.html",
            ],
            in: folder.path, environment: Self.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let evidence = try Self.read(folder.path + "/e.json")
        let run = try #require(try Self.object(evidence)["run"] as? [String: Any])
        let facts = try #require(run["git"] as? [String: Any])
        #expect(facts["state"] as? String == "work_tree")
        #expect(facts["commit"] as? String == commit)
        #expect(facts["branch"] as? String == "audit-branch")
        #expect(facts["remote"] as? String == "https://git.example.com/acme/infra.git")
        #expect(!evidence.contains("ghp_SecretTokenInRemote"))
        #expect(!(try Self.read(folder.path + "/e.html")).contains("ghp_SecretTokenInRemote"))
    }

    @Test("A SOURCE_DATE_EPOCH that is not a number of seconds is an error, not a guess")
    func badSourceDateEpoch() throws {
        let folder = try TemporaryDirectory()
        var environment = Self.environment
        environment["SOURCE_DATE_EPOCH"] = "yesterday"
        let result = try Self.scanExamples(into: folder.path, environment: environment)
        #expect(result.status == 2)
        #expect(
            result.errorLines.contains {
                $0.hasPrefix("palisade: SOURCE_DATE_EPOCH: must be a whole number of seconds")
            }, "\(result.errorLines)")
    }

    @Test("Custom policy folders are listed with a digest anyone can recompute")
    func policyFolderDigest() throws {
        let folder = try TemporaryDirectory()
        let result = try CLI.run(
            [
                "scan", "examples/docker/Dockerfile", "--policies", "examples/policies", "--fail-on", "never",
                "--report", "evidence=\(folder.path)/e.json",
            ], in: RepositoryPaths.root, environment: Self.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let run = try #require(
            try Self.object(try Self.read(folder.path + "/e.json"))["run"] as? [String: Any])
        let folders = try #require(run["policy_folders"] as? [[String: Any]])
        #expect(folders.first?["path"] as? String == "examples/policies")
        // The documented recipe (docs/evidence.md), in Python.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import hashlib, os, sys
            root = sys.argv[1]; files = []
            for folder, dirs, names in os.walk(root):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                files += [os.path.relpath(os.path.join(folder, n), root) for n in names if not n.startswith(".")]
            h = hashlib.sha256()
            for name in sorted(files, key=lambda n: n.encode()):
                h.update(name.encode() + b"\\0" + open(os.path.join(root, name), "rb").read() + b"\\0")
            print(len(files), h.hexdigest())
            """,
            RepositoryPaths.examples + "/policies",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let expected = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(
            "\(folders.first?["files"] as? Int ?? -1) \(folders.first?["sha256"] as? String ?? "")" + "\n"
                == expected)
    }

    @Test("Findings already in the baseline are accepted: no control fails, each says why")
    func baselineIsAccepted() throws {
        let folder = try TemporaryDirectory()
        let create = try CLI.run(
            ["baseline", "create", "-o", folder.path + "/base.json", "examples/"], in: RepositoryPaths.root,
            environment: Self.environment)
        #expect(create.status == 0, "\(create.standardError)")
        let result = try CLI.run(
            [
                "scan", "examples/", "--baseline", folder.path + "/base.json", "--report",
                "evidence=\(folder.path)/e.json",
            ],
            in: RepositoryPaths.root, environment: Self.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let evidence = try Self.object(try Self.read(folder.path + "/e.json"))
        let totals = try #require((evidence["summary"] as? [String: Any])?["evaluations"] as? [String: Int])
        #expect(totals["fail"] == 0 && totals["unknown"] == 0 && (totals["baseline"] ?? 0) > 5)
        let verdicts = try #require(evidence["frameworks"] as? [[String: Any]])
            .flatMap { ($0["controls"] as? [[String: Any]]) ?? [] }.compactMap { $0["verdict"] as? String }
        #expect(!verdicts.contains("fail") && !verdicts.contains("unknown") && verdicts.contains("pass"))
        let accepted = try #require(evidence["rules"] as? [[String: Any]])
            .flatMap { ($0["evaluations"] as? [[String: Any]]) ?? [] }
            .filter { $0["outcome"] as? String == "baseline" }
        #expect(accepted.count == totals["baseline"])
        #expect(accepted.allSatisfy { ($0["accepted"] as? [String: Any])?["by"] as? String == "baseline" })
    }

    @Test("palisade controls lists every framework with coverage, as a table and as JSON")
    func controlsCommand() throws {
        let table = try CLI.run(["controls"], in: RepositoryPaths.root)
        #expect(table.status == 0)
        for heading in ["NIST-800-190:", "CIS-DOCKER:", "CIS-AWS:"] {
            #expect(table.standardOutput.contains("\n" + heading) || table.standardOutput.hasPrefix(heading))
        }
        #expect(table.standardOutput.contains("CIS-AWS:1.4"))
        #expect(table.standardOutput.contains("manual"))
        let json = try CLI.run(["controls", "--format", "json"], in: RepositoryPaths.root)
        let frameworks = try #require(try Self.object(json.standardOutput)["frameworks"] as? [[String: Any]])
        let controls = frameworks.flatMap { ($0["controls"] as? [[String: Any]]) ?? [] }
        let docker41 = try #require(controls.first { $0["reference"] as? String == "CIS-DOCKER:4.1" })
        #expect(((docker41["rules"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == "DF007" })
        let manual = controls.filter { $0["coverage"] as? String == "manual" }
        #expect(!manual.isEmpty && manual.allSatisfy { ($0["manual"] as? String)?.isEmpty == false })
        #expect(try CLI.run(["controls", "--format", "xml"]).status == 64)
    }
}
