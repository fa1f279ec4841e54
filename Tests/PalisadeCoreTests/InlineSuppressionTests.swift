import Foundation
import Policy
import Testing

@testable import PalisadeCore

@Suite("Inline suppressions")
struct InlineSuppressionTests {
    /// Every evaluation of the built-in rules `ruleIDs` on `bytes`, read as a Dockerfile.
    private func evaluate(_ ruleIDs: [String], _ bytes: [UInt8]) throws -> [Evaluation] {
        var evaluations: [Evaluation] = []
        for ruleID in ruleIDs {
            let (found, errors) = try FixtureRunner.evaluate(
                try FixtureRunner.rule(ruleID), path: "Dockerfile", bytes: bytes)
            #expect(errors.isEmpty, "\(errors.map(\.description))")
            evaluations += found
        }
        return evaluations
    }

    @Test(
        "A comment is read as a suppression only in the documented forms",
        arguments: [
            ("# palisade ignore=DF008 runs as root on purpose", ["DF008"], "runs as root on purpose", false),
            ("#palisade ignore=df008,DF011   two rules", ["DF008", "DF011"], "two rules", false),
            ("# palisade ignore-file=DF021", ["DF021"], "", true),
            ("# palisade ignore=DF010 \t ", ["DF010"], "", false),
        ])
    func parsesDocumentedForms(_ comment: String, ids: [String], reason: String, wholeFile: Bool) throws {
        let entry = try #require(InlineSuppressions.parse(comment, line: 7))
        #expect(
            entry == InlineSuppressions.Entry(line: 7, ruleIDs: ids, reason: reason, wholeFile: wholeFile))
    }

    @Test(
        "Comments that only mention palisade are not suppressions",
        arguments: ["# palisade is our gate", "# ignore=DF008 x"])
    func ignoresOtherComments(_ comment: String) {
        #expect(InlineSuppressions.parse(comment, line: 1) == nil)
    }

    @Test("file.suppressions lists every suppression with its line, ids, reason and scope")
    func documentListsSuppressions() throws {
        let text =
            "FROM debian:12.5\n# palisade ignore=DF008\nUSER root\n# palisade ignore-file=DF021 probes\n"
        let document = try #require(
            try DocumentLoader.load(
                DiscoveredInput(path: "Dockerfile", bytes: Array(text.utf8), foundInDirectory: false),
                options: LoadOptions()))
        let dockerfile = try #require(document as? DockerfileDocument)
        let expected: Value = .list([
            .map([
                "line": .int(2), "rule_ids": .list([.string("DF008")]), "reason": .string(""),
                "whole_file": .bool(false),
            ]),
            .map([
                "line": .int(4), "rule_ids": .list([.string("DF021")]), "reason": .string("probes"),
                "whole_file": .bool(true),
            ]),
        ])
        #expect(dockerfile.document["suppressions"] == expected)
    }

    @Test("A suppression without a reason still silences its rule, and DF025 reports it")
    func reasonlessSuppressionIsReported() throws {
        let text = "FROM debian:12.5\n# palisade ignore=DF010\nRUN sudo true\nUSER 1000\n"
        let evaluations = try evaluate(["DF010", "DF025"], Array(text.utf8))
        let sudo = try #require(evaluations.first { $0.ruleID == "DF010" })
        #expect(sudo.outcome == .fail && sudo.suppressed)
        let reason = try #require(evaluations.first { $0.ruleID == "DF025" })
        #expect(reason.outcome == .fail && !reason.suppressed && reason.severity == .low)
        #expect(reason.message.hasSuffix("on line(s) 2"), "values print as text: \(reason.message)")
        #expect(reason.snippet.isEmpty, "a file finding should not quote the whole file")
    }

    @Test("Suppressions work in a UTF-16 file, and CRLF files are quoted line by line")
    func encodingsAndLineEndings() throws {
        let text =
            "FROM debian:12.5\r\n# palisade ignore=DF010 build user needs it\r\nRUN sudo true\r\nUSER 1000\r\n"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let wide = try #require(try evaluate(["DF010"], utf16).first)
        #expect(wide.outcome == .fail && wide.suppressed && wide.location.line == 3)
        let crlf = try #require(try evaluate(["DF010"], Array(text.utf8)).first)
        #expect(crlf.snippet == ["RUN sudo true"])
        let file = try #require(try evaluate(["DF025"], Array(text.utf8)).first)
        #expect(file.location.endLine == 4)
    }
}

@Suite("Suppressed findings in the report")
struct SuppressedFindingReportTests {
    @Test("A silenced Dockerfile finding stays in the report with its comment's line and reason")
    func dockerfileSuppressionIsVisible() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-suppressed-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("Dockerfile").path
        try "FROM debian:12.5\n# palisade ignore=DF010 the build user needs it\nRUN sudo true\nUSER 1000\n"
            .write(
                toFile: path, atomically: true, encoding: .utf8)
        let config = RepositoryPaths.root + "/Tests/ReportersTests/Fixtures/palisade.yaml"
        let report = Scan.run(ScanOptions(paths: [path], configPath: config)).0
        let silenced = try #require(report.findings.first { $0.ruleID == "DF010" })
        #expect(silenced.outcome == .suppressed)
        #expect(
            silenced.suppression == SuppressionNote(file: path, line: 2, reason: "the build user needs it")
        )
        #expect(!report.findings.contains { $0.ruleID == "DF010" && $0.outcome == .fail })
        #expect(report.summary.suppressed >= 1)
    }
}
