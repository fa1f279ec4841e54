import Foundation
import Testing

@testable import PalisadeCore

@Suite("Baselines and fingerprint stability")
struct BaselineTests {
    static let examplePlan = RepositoryPaths.root + "/examples/terraform/plan.json"
    static let variants = RepositoryPaths.root + "/Tests/TerraformSourceTests/Fixtures/baseline"
    static let defaultConfig = RepositoryPaths.root + "/Tests/ReportersTests/Fixtures/palisade.yaml"

    private func findings(_ path: String) -> [Finding] {
        let report = Scan.run(ScanOptions(paths: [path], configPath: Self.defaultConfig)).0
        #expect(report.errors.isEmpty, "\(report.errors)")
        return report.findings
    }

    /// Fingerprints by rule id and resource address (for plans) or line text (for Dockerfiles).
    private func fingerprints(_ findings: [Finding]) -> Set<String> { Set(findings.map(\.fingerprint)) }

    @Test("Reordering resources, adding lines above them and planning again keep every fingerprint")
    func stableAcrossEdits() {
        let original = fingerprints(findings(Self.examplePlan))
        #expect(original.count >= 5)
        #expect(fingerprints(findings(Self.variants + "/reordered/plan.json")) == original)
        #expect(fingerprints(findings(Self.variants + "/rerun/plan.json")) == original)
        // The reordered configuration really moved the blocks: the located lines differ.
        let lines = Set(findings(Self.examplePlan).compactMap { $0.location.source?.line })
        let movedLines = Set(
            findings(Self.variants + "/reordered/plan.json").compactMap { $0.location.source?.line })
        #expect(!lines.isEmpty && lines != movedLines)
    }

    @Test("Renaming a resource changes the fingerprints of its findings, and only those")
    func renameChangesFingerprint() {
        let original = findings(Self.examplePlan)
        let renamed = findings(Self.variants + "/renamed/plan.json")
        let gone = fingerprints(original).subtracting(fingerprints(renamed))
        #expect(
            gone
                == Set(
                    original.filter { $0.location.resource == "aws_security_group.bastion" }.map(
                        \.fingerprint)))
        #expect(gone.count == 1)
    }

    @Test(
        "Adding lines above a Dockerfile instruction keeps its fingerprint; changing the instruction does not"
    )
    func dockerfileFingerprints() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-baseline-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("Dockerfile").path
        func scan(_ text: String) throws -> [Finding] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return findings(path)
        }
        let original = try scan("FROM debian:12.5\nRUN curl -k https://example.com/x | sh\nUSER root\n")
        let moved = try scan(
            "# a comment\n\nFROM debian:12.5\n\nRUN curl -k https://example.com/x | sh\nUSER root\n")
        let changed = try scan("FROM debian:12.5\nRUN curl -k https://example.com/y | sh\nUSER root\n")
        #expect(!original.isEmpty)
        #expect(fingerprints(moved) == fingerprints(original))
        let runRules = Set(original.filter { $0.location.line == 2 }.map(\.ruleID))
        #expect(!runRules.isEmpty)
        for rule in runRules {
            let before = original.first { $0.ruleID == rule && $0.location.line == 2 }?.fingerprint
            let after = changed.first { $0.ruleID == rule && $0.location.line == 2 }?.fingerprint
            #expect(before != nil && after != nil && before != after, "\(rule)")
        }
    }

    @Test("Comparing marks existing and new findings and lists fixed ones")
    func comparison() throws {
        var options = ScanOptions(paths: [Self.examplePlan], configPath: Self.defaultConfig)
        let base = Scan.run(options).0
        // The fields Baseline reads, as the JSON reporter writes them (the CLI tests use the real one).
        let entries = base.findings.map { finding in
            "{\"rule_id\": \"\(finding.ruleID)\", \"file\": \"\(finding.location.file)\", "
                + "\"outcome\": \"\(finding.outcome.rawValue)\", \"resource\": \"\(finding.location.resource ?? "")\", "
                + "\"attribute\": null, \"fingerprint\": \"\(finding.fingerprint)\"}"
        }
        let json = "{\"schema_version\": 1, \"findings\": [" + entries.joined(separator: ", ") + "]}"
        let baseline = try Baseline.parse(Array(json.utf8), path: "base.json")
        #expect(baseline.entries.count == base.findings.count)

        options.paths = [Self.variants + "/renamed/plan.json"]
        var findings = Scan.run(options).0.findings
        let comparison = baseline.compare(&findings)
        #expect(comparison.newCount == 1)
        #expect(comparison.existingCount == base.findings.count - 1)
        #expect(comparison.fixed.map(\.resource) == ["aws_security_group.bastion"])
        #expect(findings.first { $0.baselineState == .new }?.location.resource == "aws_security_group.jump")
    }

    @Test(
        "A baseline that is not a palisade report is an error naming the file",
        arguments: [
            ("{\n  \"findings\": [\n", 3),
            ("{\"schema_version\": 1}", nil),
            ("[1, 2]", nil),
            ("{\"schema_version\": 1, \"findings\": [{\"rule_id\": \"X\"}]}", nil),
        ])
    func malformedBaseline(_ text: String, line: Int?) {
        #expect(throws: InputError.self) { try Baseline.parse(Array(text.utf8), path: "old.json") }
        do {
            _ = try Baseline.parse(Array(text.utf8), path: "old.json")
        } catch {
            #expect(error.file == "old.json")
            if let line { #expect(error.line == line, "\(error)") }
        }
    }
}
