import Policy

/// Checks a rule against the pinned AWS provider's schema.
///
/// The `aws_*` types it selects must exist, and the attribute paths it reads below
/// `resource.values` must exist in at least one of them (nested blocks included). Types of
/// other providers are not checked.
public enum AWSSchemaCheck {
    /// One problem per unknown type or attribute, at its place in the rule file.
    ///
    /// Each names the closest known name as a suggestion. `yaml` is the rule file's text, to
    /// locate type names.
    public static func problems(
        _ definition: RuleDefinition, yaml: String?, schema: AWSSchema = .pinned
    ) -> [InputError] {
        guard case .tfplan(let selection) = definition.selection else { return [] }
        var problems: [InputError] = []
        let awsTypes = selection.resourceTypes.filter { $0.hasPrefix("aws_") }
        for type in awsTypes where schema.resources[type] == nil {
            let suggestion = NameSuggestion.closest(to: type, among: schema.resources.keys)
            let data = schema.dataSources[type] != nil ? " (it is a data source, not a resource)" : ""
            let (line, column) = position(of: type, in: yaml)
            problems.append(
                InputError(
                    file: definition.file, line: line, column: column,
                    message:
                        "select.resources names '\(type)', which hashicorp/aws \(AWSSchema.providerVersion) does not have\(data)"
                        + (suggestion.map { "; did you mean '\($0)'?" } ?? "")))
        }
        // Attribute paths are judged only when every selected type is a known aws type.
        let nodes = selection.resourceTypes.compactMap { schema.resources[$0] }
        guard !nodes.isEmpty, nodes.count == selection.resourceTypes.count else { return problems }
        var expressions = [definition.appliesIf, definition.unknownIf, definition.assertion, selection.each]
            .compactMap { $0 }
        expressions += definition.severityCases.map(\.condition)
        expressions += definition.definitions.map(\.source)
        // The message's `{{ ... }}` parts read attributes too; folded text has no exact column,
        // so their problems point at the message's start.
        let messageParts = templateExpressions(definition.message.text).map {
            ExpressionSource(
                text: $0, file: definition.message.file, line: definition.message.line,
                column: definition.message.column)
        }
        var reported = Set<String>()
        for source in expressions + messageParts {
            let isMessage = messageParts.contains(source)
            for read in AttributePathReader.reads(in: source.text, below: ["resource", "values"]) {
                guard let problem = missing(read.path, in: nodes), reported.insert(problem.path).inserted
                else {
                    continue
                }
                let types = selection.resourceTypes.joined(separator: ", ")
                problems.append(
                    InputError(
                        file: source.file, line: isMessage ? source.line : source.line + read.line - 1,
                        column: isMessage ? source.column : source.column + read.column - 1,
                        message:
                            "resource.values.\(problem.path): \(types) has no attribute or block '\(problem.name)'"
                            + (problem.suggestion.map { "; did you mean '\($0)'?" } ?? "")))
            }
        }
        return problems
    }

    struct Missing {
        let path: String
        let name: String
        let suggestion: String?
    }

    /// The first name of `path` that none of `nodes` has at its depth, or nil when every name
    /// exists (or the path reaches a leaf, whose map keys and JSON contents are data).
    static func missing(_ path: [String], in nodes: [AWSSchema.Node]) -> Missing? {
        var level = nodes
        for (depth, name) in path.enumerated() {
            let next = level.compactMap { $0.children[name] }
            guard !next.isEmpty else {
                let candidates = Set(level.flatMap(\.children.keys))
                return Missing(
                    path: path[...depth].joined(separator: "."), name: name,
                    suggestion: NameSuggestion.closest(to: name, among: candidates))
            }
            if next.contains(where: \.isLeaf) { return nil }
            level = next
        }
        return nil
    }

    /// The expression texts between `{{` and `}}` of a message template.
    static func templateExpressions(_ template: String) -> [String] {
        var parts: [String] = []
        var rest = template[...]
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}")
        {
            parts.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return parts
    }

    /// Where `word` first stands in the rule file, or line 1 column 1.
    private static func position(of word: String, in yaml: String?) -> (Int, Int) {
        guard let yaml else { return (1, 1) }
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.firstRange(of: word) {
                return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return (1, 1)
    }
}
