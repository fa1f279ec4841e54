import Foundation
import TestMaterial
import Testing

/// A gate whose reports change between identical runs cannot be diffed, cached or audited.
@Suite("Determinism")
struct DeterminismTests {
    /// Work is spread over every core in a different order on each run; the reports must not
    /// show it.
    @Test("Twenty scans of a large plan give byte-identical JSON, SARIF and markdown", .requiresPlanGenerator)
    func repeatedScansAreIdentical() throws {
        let directory = try TemporaryDirectory()
        let plan = try directory.write("plan.json", try TestMaterial.generatedPlan(resources: 1000))
        var first: [String]?
        for run in 0..<20 {
            let reports = ["json", "sarif", "markdown"].map { directory.path + "/run\(run).\($0)" }
            let result = try CLI.run(
                [
                    "scan", "--format", "json", "--fail-on", "never", "--report", "sarif=" + reports[1],
                    "--report", "markdown=" + reports[2], plan,
                ], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            #expect(result.status == 0, "run \(run): exit \(result.status) \(result.errorLines.prefix(2))")
            let texts =
                [result.standardOutput]
                + (try reports.dropFirst().map { try String(contentsOfFile: $0, encoding: .utf8) })
            #expect(texts.allSatisfy { !$0.isEmpty })
            if let first {
                for (format, (expected, actual)) in zip(["json", "sarif", "markdown"], zip(first, texts)) {
                    #expect(expected == actual, "run \(run): the \(format) report differs from run 0")
                }
            } else {
                first = texts
            }
        }
    }
}
