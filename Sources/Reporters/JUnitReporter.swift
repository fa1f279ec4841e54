import PalisadeCore

/// The `junit` format: JUnit XML as Jenkins' `junit` step and GitLab's `artifacts:reports:junit`
/// read it.
///
/// One `testsuite` per input file, one `testcase` per rule and subject that was evaluated
/// (`classname` the rule id, `name` the resource address or `file:line`): a failing finding is a
/// `failure` with the message and the remediation, an unknown is `skipped` with its reason, a
/// passed check (``ScanReport/passedChecks``) is an empty test case. An input that could not be
/// read is a test case with an `error`, so the report never passes silently.
public struct JUnitReporter: Reporter {
    let settings: ReportSettings

    /// Creates the reporter.
    public init(settings: ReportSettings = ReportSettings()) {
        self.settings = settings
    }

    /// One test case before rendering.
    struct TestCase {
        enum Result {
            case passed
            case failed(Finding)
            case skipped(Finding)
            case error(InputError)
        }

        var file: String
        var classname: String
        var name: String
        var line: Int?
        var result: Result
    }

    /// Renders the report as XML with a trailing newline.
    public func render(_ report: ScanReport) -> String {
        var suites: [String: [TestCase]] = [:]
        var order: [String] = []
        func add(_ testCase: TestCase) {
            if suites[testCase.file] == nil { order.append(testCase.file) }
            suites[testCase.file, default: []].append(testCase)
        }
        for finding in report.findings {
            let file = path(finding.location.file)
            add(
                TestCase(
                    file: file, classname: finding.ruleID, name: subject(finding.location, file: file),
                    line: finding.location.line,
                    result: isSkipped(finding) ? .skipped(finding) : .failed(finding)))
        }
        for check in report.passedChecks {
            let file = path(check.location.file)
            add(
                TestCase(
                    file: file, classname: check.ruleID, name: subject(check.location, file: file),
                    line: check.location.line, result: .passed))
        }
        for error in report.errors {
            let file = path(error.file)
            add(TestCase(file: file, classname: "palisade", name: "read " + file, result: .error(error)))
        }
        var body = ""
        var totals = (tests: 0, failures: 0, errors: 0)
        for file in order.sorted() {
            // By rule, then by line as a number (line 3 before line 12), then by name.
            let cases = (suites[file] ?? []).sorted {
                ($0.classname, $0.line ?? 0, $0.name) < ($1.classname, $1.line ?? 0, $1.name)
            }
            var failures = 0
            var errors = 0
            var skipped = 0
            var lines = ""
            for testCase in cases {
                lines += "    <testcase classname=\"\(XMLText.escaped(testCase.classname))\""
                lines += " name=\"\(XMLText.escaped(testCase.name))\" file=\"\(XMLText.escaped(file))\""
                switch testCase.result {
                case .passed:
                    lines += "/>\n"
                case .failed(let finding):
                    failures += 1
                    lines += ">\n      <failure type=\"\(finding.severity.rawValue)\""
                    lines += " message=\"\(XMLText.escaped(finding.message))\">"
                    var detail = "[\(finding.severity.rawValue)] \(finding.title)\n\(finding.message)"
                    if let attribute = finding.location.attribute { detail += "\nattribute: \(attribute)" }
                    if !finding.remediation.isEmpty { detail += "\nRemediation: \(finding.remediation)" }
                    lines += XMLText.escaped(detail, inAttribute: false) + "</failure>\n    </testcase>\n"
                case .skipped(let finding):
                    skipped += 1
                    lines += ">\n      <skipped message=\""
                    lines += XMLText.escaped(Self.skippedMessage(finding)) + "\"/>\n    </testcase>\n"
                case .error(let error):
                    errors += 1
                    lines +=
                        ">\n      <error type=\"input\" message=\"\(XMLText.escaped(error.description))\"/>\n"
                    lines += "    </testcase>\n"
                }
            }
            totals.tests += cases.count
            totals.failures += failures
            totals.errors += errors
            body += "  <testsuite name=\"\(XMLText.escaped(file))\" tests=\"\(cases.count)\""
            body += " failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
            body += lines
            body += "  </testsuite>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"palisade \(XMLText.escaped(report.toolVersion))\" tests=\"\(totals.tests)\""
        out += " failures=\"\(totals.failures)\" errors=\"\(totals.errors)\">\n"
        return out + body + "</testsuites>\n"
    }

    /// Accepted findings (suppressed, waived, in the baseline) are skipped, and so are unknowns
    /// unless `--unknown fail` makes them fail the gate.
    private func isSkipped(_ finding: Finding) -> Bool {
        finding.isAccepted || (finding.outcome == .unknown && settings.unknown != .fail)
    }

    private func path(_ file: String) -> String {
        PhysicalLocation.relativePath(file, root: settings.scanRoot) ?? "(standard input)"
    }

    /// The resource address (with the attribute), or `file:line` for a Dockerfile.
    private func subject(_ location: Location, file: String) -> String {
        if let resource = location.resource {
            guard let attribute = location.attribute, !attribute.isEmpty else { return resource }
            return resource + " " + attribute
        }
        guard let line = location.line else { return file }
        return "\(file):\(line)"
    }

    /// Why a skipped case was not decided: the unknown's message without the rule title it
    /// starts with, which names what the input lacks (an apply, more than a state, more than the
    /// Dockerfile) and why.
    static func skippedMessage(_ finding: Finding) -> String {
        let title = finding.title + ": "
        guard finding.message.hasPrefix(title) else { return finding.message }
        return String(finding.message.dropFirst(title.count))
    }
}
