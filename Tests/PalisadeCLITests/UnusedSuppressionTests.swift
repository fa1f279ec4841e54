import Foundation
import Testing

/// Suppression comments that silence nothing are reported as warnings, like unused waivers.
@Suite("Unused suppressions")
struct UnusedSuppressionTests {
    static let dockerfile = """
        # palisade ignore-file=DF013 batch jobs need no healthcheck
        # palisade ignore=DF008 runs as root on purpose
        FROM alpine:3.19
        # palisade ignore=DF0008 typo
        RUN echo hi
        # palisade ignore=DF019 stale: the install is in the same RUN now
        RUN apt-get update && apt-get install -y curl
        # palisade ignore=DF008 wrong place: a stage's findings belong to its FROM
        USER root
        # palisade ignore=DF020 opt-in rule that did not run
        RUN pip install flask

        """

    @Test("The JSON report lists the unused comments, with their lines and ids")
    func jsonReport() throws {
        let scratch = try TemporaryDirectory()
        let path = try scratch.write("Dockerfile", Array(Self.dockerfile.utf8))
        let result = try CLI.run(["scan", "--format", "json", "--fail-on", "never", path])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let unused = try #require(report["unused_suppressions"] as? [[String: Any]])
        #expect(unused.compactMap { $0["line"] as? Int }.sorted() == [1, 4, 6, 8])
        let typo = unused.first { $0["line"] as? Int == 4 }
        #expect(typo?["unknown_rule_ids"] as? [String] == ["DF0008"])
        #expect(unused.first { $0["line"] as? Int == 1 }?["whole_file"] as? Bool == true)
    }

    @Test("Each unused comment is one warning line naming why; used and idle ones are not")
    func warnings() throws {
        let scratch = try TemporaryDirectory()
        let path = try scratch.write("Dockerfile", Array(Self.dockerfile.utf8))
        let result = try CLI.run(["scan", "--fail-on", "never", path])
        #expect(result.status == 0, "warnings do not fail the gate: \(result.standardError)")
        let lines = result.errorLines
        #expect(lines.count == 4, "\(lines)")
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "palisade: \(path):1:1: warning: `# palisade ignore-file=DF013` suppresses nothing")
            })
        #expect(
            lines.contains {
                $0.hasPrefix("palisade: \(path):4:1: warning:") && $0.hasSuffix("no rule has the id DF0008")
            })
        #expect(
            lines.contains {
                $0.hasPrefix("palisade: \(path):6:1: warning: `# palisade ignore=DF019` suppresses nothing")
            })
        #expect(
            lines.contains {
                $0.hasPrefix("palisade: \(path):8:1: warning:") && $0.contains("the stage's FROM")
            })
        #expect(
            !lines.contains { $0.contains(":2:1:") }, "the DF008 comment above FROM silences the root user")
        #expect(!lines.contains { $0.contains(":10:1:") }, "DF020 did not run, so its comment is not judged")
        // The text report lists suppressed findings apart, after the failures.
        let parts = result.standardOutput.components(separatedBy: "Suppressed in the source")
        #expect(parts.count == 2, "\(result.standardOutput)")
        #expect(!parts[0].contains("DF008"), "DF008 stays suppressed")
        #expect(parts.last?.contains("DF008 line 9 (\(path):2)") == true, "\(result.standardOutput)")
    }
}
