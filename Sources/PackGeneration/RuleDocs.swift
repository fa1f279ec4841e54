import PalisadeCore
import Policy

/// Writes `docs/rules/`: a table of every built-in rule and one page per rule, from the same
/// rule text and fixture excerpts that `palisade explain` prints.
///
/// The pages are committed; a test fails when they are stale and names ``command``.
public enum RuleDocs {
    /// The command that regenerates the pages, named by the staleness test.
    public static let command = "swift run palisade generate-docs"
    /// Where the pages live, relative to the repository root.
    public static let outputDirectory = "docs/rules"

    /// A generated page: its path relative to ``outputDirectory`` and its Markdown.
    public struct Page: Sendable, Equatable {
        /// `README.md` or `<ID>.md`.
        public let path: String
        /// The Markdown text.
        public let contents: String
    }

    /// Every page for the rule folders under `policiesDirectory`, the index first.
    public static func pages(policiesDirectory: String) throws(RulePackError) -> [Page] {
        let files: [(path: String, contents: String)]
        do {
            files = try RuleFolderFiles.collect(policiesDirectory: policiesDirectory)
        } catch {
            throw RulePackError(errors: [error])
        }
        var definitions: [RuleDefinition] = []
        var errors: [InputError] = []
        for file in files where RuleFolderFiles.isRuleFile(file.path) {
            do throws(RuleLoadError) {
                definitions.append(
                    try RuleFileParser.parse(
                        yaml: file.contents, file: "policies/" + file.path, origin: .builtIn))
            } catch {
                errors += error.diagnostics.map(RulePack.inputError)
            }
        }
        guard errors.isEmpty else { throw RulePackError(errors: errors) }
        definitions.sort { $0.id < $1.id }
        var pages = [Page(path: "README.md", contents: index(definitions))]
        for definition in definitions {
            let prefix = definition.id + "/"
            let ruleFiles = files.filter { $0.path.hasPrefix(prefix) }.map {
                (path: String($0.path.dropFirst(prefix.count)), contents: $0.contents)
            }
            let examples: [RuleExample]
            do {
                examples = try RuleCatalog.examples(
                    files: ruleFiles, expectationsPath: "policies/" + prefix + FixtureExpectations.fileName)
            } catch {
                throw RulePackError(errors: [error])
            }
            pages.append(Page(path: definition.id + ".md", contents: page(definition, examples: examples)))
        }
        return pages
    }

    /// The index: one table row per rule.
    static func index(_ definitions: [RuleDefinition]) -> String {
        var out = """
            # Rules

            Every built-in rule of Palisade. `palisade explain ID` prints the same text in the \
            terminal; `palisade rules` lists the rules a scan loads, custom ones included. Generated \
            by `\(command)` from `policies/`; do not edit.

            | ID | Title | Severity | Category | Input | Status | Controls | Equivalents |
            | --- | --- | --- | --- | --- | --- | --- | --- |

            """
        for definition in definitions {
            let cells = [
                "[\(definition.id)](\(definition.id).md)", definition.title, definition.severity.rawValue,
                definition.category.rawValue, definition.input.rawValue, definition.status.rawValue,
                controls(definition), equivalents(definition),
            ]
            out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        out += "\n\(definitions.count) rules.\n"
        return out
    }

    /// One rule's page.
    static func page(_ definition: RuleDefinition, examples: [RuleExample]) -> String {
        var out = "# \(definition.id): \(definition.title)\n\n"
        out += "| Field | Value |\n| --- | --- |\n"
        var facts = [
            ("Severity", definition.severity.rawValue), ("Category", definition.category.rawValue),
            ("Input", definition.input.rawValue), ("Status", definition.status.rawValue),
        ]
        if let family = definition.family { facts.append(("Family", family)) }
        facts += [("Controls", controls(definition)), ("Equivalents", equivalents(definition))]
        for (label, value) in facts { out += "| \(label) | \(cell(value)) |\n" }
        out += "\n## Description\n\n" + definition.description + "\n"
        if let rationale = definition.rationale { out += "\n## Rationale\n\n" + rationale + "\n" }
        let (failing, passing) = RuleExampleExcerpt.representative(examples)
        if failing != nil || passing != nil { out += "\n## Examples\n" }
        for (title, excerpt) in [("Fails", failing), ("Passes", passing)] {
            guard let excerpt else { continue }
            out += "\n### \(title) (fixture `\(excerpt.caseName)`, `\(excerpt.file)`)\n\n"
            out += "```\(excerpt.language)\n"
            for item in excerpt.items { out += item.source.joined(separator: "\n") + "\n" }
            out += "```\n\n"
            for item in excerpt.items { out += "- `\(item.subject)`: \(item.verdict)\n" }
        }
        if !examples.isEmpty {
            out += "\nAll fixture cases (`policies/\(definition.id)/fixtures/`): "
            out += examples.map { "`\($0.name)`" }.joined(separator: ", ") + ".\n"
        }
        out += "\n## Remediation\n\n" + definition.remediation + "\n"
        if !definition.parameters.isEmpty {
            out += "\n## Parameters\n\nOverride under `params.\(definition.id)` in `.palisade.yaml`.\n\n"
            out += "| Name | Default | Meaning |\n| --- | --- | --- |\n"
            for parameter in definition.parameters {
                let cells = [
                    "`\(parameter.name)`", "`\(RuleExplanation.flow(parameter.defaultValue))`",
                    parameter.documentation,
                ]
                out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
            }
        }
        out += "\n---\n\nGenerated by `\(command)` from `policies/\(definition.id)/`; "
        out += "`palisade explain \(definition.id)` prints the same.\n"
        return out
    }

    static func controls(_ definition: RuleDefinition) -> String {
        definition.controls.isEmpty ? "none" : definition.controls.map(\.description).joined(separator: ", ")
    }

    static func equivalents(_ definition: RuleDefinition) -> String {
        let named = [
            ("Checkov", definition.equivalents.checkov), ("Trivy", definition.equivalents.trivy),
            ("KICS", definition.equivalents.kics), ("hadolint", definition.equivalents.hadolint),
        ].filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1.joined(separator: ", "))" }
        return named.isEmpty ? "none" : named.joined(separator: "; ")
    }

    /// A table cell: one line, with `|` escaped.
    static func cell(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" }).joined(separator: " ").replacingPipes()
    }
}

extension String {
    fileprivate func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
