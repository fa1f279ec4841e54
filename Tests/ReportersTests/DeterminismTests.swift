import PalisadeCore
import Reporters
import Testing

/// Two runs over the same inputs give byte-identical reports (diffable, cacheable).
@Suite("Determinism")
struct DeterminismTests {
    @Test("Two scans render identically", arguments: [false, true])
    func twoRunsAreIdentical(color: Bool) {
        let first = FixtureScan.goldenReport()
        let second = FixtureScan.goldenReport()
        for format in ReportFormat.allCases {
            let reporter = format.reporter(color: color)
            #expect(
                reporter.render(first) == reporter.render(second), "\(format.rawValue) differs between runs")
        }
    }
}
