import Foundation
import PalisadeCore
import Policy
import Reporters
import Testing

/// No output ever contains policy source text (issue 10): an unknown says why in words, never
/// by quoting the rule's `unknown_if`.
@Suite("No policy source in any output")
struct NoPolicySourceTests {
    /// Every fixture input under `policies/` and `examples/`, as repository-relative paths.
    ///
    /// Listed file by file: explicit files are always scanned, whatever discovery skips.
    static func inputs() throws -> [String] {
        var found: [String] = []
        for root in ["policies", "examples"] {
            let base = TestPaths.absolute(root)
            let enumerator = try #require(FileManager.default.enumerator(atPath: base))
            for case let path as String in enumerator {
                let name = (path as NSString).lastPathComponent
                if name == "plan.json" || name == "Dockerfile" { found.append(root + "/" + path) }
            }
        }
        return found.sorted()
    }

    /// Expression text of every built-in rule: whole (white space folded) and line by line.
    static func expressionTexts() throws -> [String] {
        var texts = Set<String>()
        for definition in try RulePack.builtInDefinitions() {
            var sources =
                [definition.assertion] + [definition.appliesIf, definition.unknownIf].compactMap { $0 }
            sources += definition.severityCases.map(\.condition)
            if case .tfplan(let selection) = definition.selection, let each = selection.each {
                sources.append(each)
            }
            for source in sources {
                let folded = source.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if folded.count >= 12 { texts.insert(folded) }
                for line in source.text.split(separator: "\n") {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.count >= 24 { texts.insert(trimmed) }
                }
            }
        }
        return texts.sorted()
    }

    @Test("Scanning the examples and every rule fixture prints no rule expression in any format")
    func noExpressionTextInOutput() throws {
        let inputs = try Self.inputs()
        #expect(inputs.count > 200, "expected every fixture of the pack, found \(inputs.count)")
        let report = FixtureScan.report(inputs)
        #expect(report.findings.contains { $0.outcome == .unknown }, "the scan must include unknowns")
        #expect(report.findings.contains { $0.outcome == .unknown && $0.location.line != nil })
        let texts = try Self.expressionTexts()
        #expect(texts.count > 100)
        let outputs = [
            ("json", JSONReporter().render(report)), ("text", TextReporter(color: false).render(report)),
        ]
        for (format, output) in outputs {
            #expect(!output.contains("{{"), "\(format) output contains a template placeholder")
            #expect(!output.contains("undecidable before apply:"), "\(format) output quotes unknown_if")
            let folded = output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for text in texts where folded.contains(text) {
                Issue.record("\(format) output contains rule expression text: \(text)")
            }
        }
    }
}
