import Foundation
import PalisadeCore
import Reporters
import Testing

/// The `junit` format: valid against Jenkins' JUnit XSD and read back by `junitparser` with the
/// counts the scan has.
@Suite(
    "JUnit reporter",
    .enabled(
        if: PythonOracle.enabled(["xmlschema", "junitparser"]),
        "python3 with xmlschema and junitparser is not installed"
    ))
struct JUnitReporterTests {
    /// Validates every argument after the schema, then prints per suite: name, tests, failures,
    /// errors, skipped, and per case: suite, classname, name, result kind.
    static let script = """
        import sys, xmlschema
        from junitparser import JUnitXml, Failure, Skipped, Error
        schema = xmlschema.XMLSchema(sys.argv[1])
        for path in sys.argv[2:]:
            schema.validate(path)
            for suite in JUnitXml.fromfile(path):
                print("suite", repr(suite.name), suite.tests, suite.failures, suite.errors, suite.skipped)
                for case in suite:
                    kinds = [type(r).__name__ for r in case.result]
                    print("case", repr(case.classname), repr(case.name), ",".join(kinds) or "passed")
        """

    func read(_ report: ScanReport) -> [String] {
        PythonOracle.check(
            Self.script, files: [JUnitReporter().render(report)],
            arguments: [TestPaths.absolute(TestPaths.junitSchema)]
        ).split(separator: "\n").map(String.init)
    }

    @Test("One suite per file with the scan's counts; one case per rule and subject evaluated")
    func countsMatchTheScan() {
        let report = FixtureScan.goldenReport(recordsPasses: true)
        let lines = read(report)
        let suites = lines.filter { $0.hasPrefix("suite ") }
        let files = Set(report.findings.map(\.location.file) + report.passedChecks.map(\.location.file))
        #expect(suites.count == files.count)
        for file in files {
            let failures = report.findings.filter { $0.location.file == file && $0.outcome == .fail }.count
            let unknowns = report.findings.filter { $0.location.file == file && $0.outcome == .unknown }.count
            let passes = report.passedChecks.filter { $0.location.file == file }.count
            let expected = "suite '\(file)' \(failures + unknowns + passes) \(failures) 0 \(unknowns)"
            #expect(suites.contains(expected), "no \(expected) in \(suites)")
        }
        let cases = lines.filter { $0.hasPrefix("case ") }
        #expect(cases.count == report.findings.count + report.passedChecks.count)
        #expect(cases.filter { $0.hasSuffix(" Failure") }.count == report.summary.fail)
        #expect(
            cases.filter { $0.hasSuffix(" Skipped") }.count
                == report.findings.filter { $0.outcome == .unknown }.count)
        #expect(
            cases.contains {
                $0.hasPrefix("case 'DF007' 'Tests/ReportersTests/Fixtures/golden/Dockerfile:12' ")
            })
        // A plan case names the resource and the attribute the finding is about.
        #expect(
            cases.contains { $0.hasPrefix("case 'AWS-RDS-001' 'aws_db_instance.orders storage_encrypted' ") })
    }

    @Test("Input errors are error cases; the hostile fixture stays valid XML with its text intact")
    func errorsAndHostileText() throws {
        var report = FixtureScan.hostileReport()
        report.errors = [
            InputError(file: "broken <x>.json", line: 1, column: 2, message: "bad & \"odd\"\u{1}")
        ]
        let lines = read(report)
        #expect(lines.contains("suite 'broken <x>.json' 1 0 1 0"))
        #expect(lines.contains { $0.contains("'aws_s3_bucket_acl.public[\"a|b||c\"] acl'") })
        #expect(lines.contains { $0.contains("<script>alert(1)</script>") }, "the text must survive escaping")
    }

    @Test("--unknown fail turns unknowns into failures")
    func unknownFail() {
        let report = FixtureScan.report([TestPaths.secretsPlan])
        let unknowns = report.findings.filter { $0.outcome == .unknown }.count
        #expect(unknowns > 0)
        let xml = JUnitReporter(settings: ReportSettings(unknown: .fail)).render(report)
        #expect(!xml.contains("<skipped"))
        #expect(xml.components(separatedBy: "<failure ").count - 1 == report.findings.count)
    }
}
