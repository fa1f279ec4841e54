import Policy

/// Renders `palisade explain ID`: a rule's metadata, prose, parameters and worked examples.
public enum RuleExplanation {
    /// The width prose paragraphs are wrapped to.
    static let width = 96

    /// The explanation as plain text: one failing and one passing excerpt of the fixtures, or
    /// every fixture case in full with `full`.
    public static func text(
        _ definition: RuleDefinition, examples: [RuleExample], full: Bool = false
    ) -> String {
        var out = "\(definition.id): \(definition.title)\n\n"
        var facts: [(String, String)] = [
            ("severity", definition.severity.rawValue), ("category", definition.category.rawValue),
            ("status", definition.status.rawValue), ("input", definition.input.rawValue),
        ]
        if let family = definition.family { facts.append(("family", family)) }
        facts.append(
            (
                "controls",
                definition.controls.isEmpty
                    ? "none" : definition.controls.map(\.description).joined(separator: ", ")
            ))
        let equivalents = [
            ("checkov", definition.equivalents.checkov), ("trivy", definition.equivalents.trivy),
            ("kics", definition.equivalents.kics), ("hadolint", definition.equivalents.hadolint),
        ].filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1.joined(separator: ", "))" }
        facts.append(("equivalents", equivalents.isEmpty ? "none" : equivalents.joined(separator: "; ")))
        let labelWidth = facts.map(\.0.count).max() ?? 0
        for (label, value) in facts {
            out += label + ":" + String(repeating: " ", count: labelWidth - label.count + 1) + value + "\n"
        }
        out += section("Description", definition.description)
        if let rationale = definition.rationale { out += section("Rationale", rationale) }
        out += section("Remediation", definition.remediation)
        if !definition.parameters.isEmpty {
            out += "\nParameters (override under params.\(definition.id) in .palisade.yaml)\n"
            for parameter in definition.parameters {
                out += "  \(parameter.name) = \(flow(parameter.defaultValue))\n"
                out += wrap(parameter.documentation, indent: "      ")
            }
        }
        if !full {
            return out + excerpts(definition, examples: examples)
        }
        if !examples.isEmpty { out += "\nExamples (the rule's test fixtures)\n" }
        for example in examples {
            out += "\n  Case \(example.name)\n"
            for file in example.files {
                out += "    \(file.path):\n"
                for line in file.contents.split(separator: "\n", omittingEmptySubsequences: false).dropLast(
                    file.contents.hasSuffix("\n") ? 1 : 0)
                {
                    out += line.isEmpty ? "      |\n" : "      | \(line)\n"
                }
            }
            out += "    expected:\n"
            if example.expected.isEmpty { out += "      (no subject; the rule does not apply)\n" }
            for outcome in example.expected { out += "      \(outcome)\n" }
        }
        return out
    }

    /// The failing and passing excerpts, and how to see every case.
    private static func excerpts(_ definition: RuleDefinition, examples: [RuleExample]) -> String {
        let (failing, passing) = RuleExampleExcerpt.representative(examples)
        var out = ""
        for (title, excerpt) in [("Failing example", failing), ("Passing example", passing)] {
            guard let excerpt else { continue }
            out += "\n\(title) (fixture \(excerpt.caseName), \(excerpt.file))\n"
            for item in excerpt.items {
                for line in item.source { out += "  | \(line)\n" }
                out += "    -> \(item.subject): \(item.verdict)\n"
            }
        }
        if !examples.isEmpty {
            out += "\n\(examples.count) fixture case(s): \(examples.map(\.name).joined(separator: ", ")); "
            out += "`palisade explain \(definition.id) --full` shows them all.\n"
        }
        return out
    }

    /// A parameter default in YAML flow style.
    package static func flow(_ value: RuleValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): YAMLText.scalar(text)
        case .list(let values): "[" + values.map(flow).joined(separator: ", ") + "]"
        case .map(let entries):
            "{"
                + entries.keys.sorted().map { YAMLText.scalar($0) + ": " + flow(entries[$0] ?? .null) }
                .joined(separator: ", ") + "}"
        }
    }

    private static func section(_ title: String, _ body: String) -> String {
        "\n\(title)\n" + wrap(body, indent: "  ")
    }

    /// Word-wraps each paragraph of `text` (blank-line separated) with `indent`.
    static func wrap(_ text: String, indent: String) -> String {
        var out = ""
        let paragraphs = text.split(separator: "\n\n", omittingEmptySubsequences: true)
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { out += "\n" }
            var line = ""
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                if !line.isEmpty && indent.count + line.count + 1 + word.count > width {
                    out += indent + line + "\n"
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            if !line.isEmpty { out += indent + line + "\n" }
        }
        return out
    }
}
