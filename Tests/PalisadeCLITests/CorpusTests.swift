import Foundation
import TestMaterial
import Testing

/// Every corpus file scans or is rejected with one error line and exit 2; nothing crashes.
@Suite("Corpus", .serialized)
struct CorpusTests {
    @Test(
        "Scanning the whole corpus: no crash, one error per rejected file",
        .requiresPlanCorpus, .requiresDockerfileCorpus)
    func wholeCorpus() throws {
        let directories = [TestMaterial.planCorpus.path, TestMaterial.dockerfileCorpus.path]
        let result = try CLI.run(["scan", "--format", "json", "--fail-on", "never"] + directories)
        #expect(!result.crashed, "palisade died of signal \(result.status) on the corpus")
        #expect([0, 2].contains(result.status), "exit \(result.status)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let errors = try #require(report["errors"] as? [[String: Any]])
        let summary = try #require(report["summary"] as? [String: Any])
        let errorFiles = errors.compactMap { $0["file"] as? String }
        #expect(errorFiles.count == errors.count, "every error names a file")
        #expect(result.errorLines.count == errors.count, "each error is one line on standard error")
        #expect(
            result.errorLines.allSatisfy {
                $0.hasPrefix("palisade: " + TestMaterial.shared.appendingPathComponent("corpus").path)
            })
        let candidates = try directories.flatMap { directory in
            try FileManager.default.contentsOfDirectory(atPath: directory).map { directory + "/" + $0 }
        }
        var perFile: [String: Int] = [:]
        for file in errorFiles { perFile[file, default: 0] += 1 }
        let repeated = perFile.filter { $0.value > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "files with more than one error (rule evaluation errors?): \(repeated)")
        let scanned = summary["files"] as? Int ?? -1
        #expect(
            scanned + perFile.count >= candidates.count,
            "\(scanned) scanned + \(perFile.count) rejected < \(candidates.count) files")

        // Each rejected file alone: exit 2 and exactly one line naming it.
        for file in perFile.keys.sorted() {
            let alone = try CLI.run(["scan", file])
            #expect(!alone.crashed && alone.status == 2, "\(file): exit \(alone.status)")
            #expect(
                alone.errorLines.count == 1 && alone.errorLines.first?.hasPrefix("palisade: " + file) == true,
                "\(alone.errorLines)")
        }
    }

    /// A rule that reads an attribute some provider versions do not write (the kubernetes pod
    /// spec's `os`, say) must judge the resource, not fail with an evaluation error.
    @Test(
        "Every built-in rule judges a generated plan of every resource kind without an evaluation error",
        .requiresPlanGenerator)
    func generatedPlanHasNoEvaluationErrors() throws {
        let directory = try TemporaryDirectory()
        let plan = try directory.write("plan.json", try TestMaterial.generatedPlan(resources: 3000))
        let result = try CLI.run(["scan", "--format", "json", "--fail-on", "never", plan])
        #expect(result.status == 0, "exit \(result.status): \(result.errorLines.prefix(3))")
        #expect(
            result.errorLines.isEmpty,
            "\(result.errorLines.count) errors, first: \(result.errorLines.prefix(3))")
    }
}
