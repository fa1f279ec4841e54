import Yams

/// Reads typed fields out of composed YAML nodes, recording a diagnostic at the node for each
/// problem instead of stopping, so one load reports everything wrong with a file.
struct YAMLFieldReader {
    /// A 1-based line and column.
    struct Position: Equatable {
        let line: Int
        let column: Int
    }

    /// A mapping's entries by key, with the mapping node for "missing key" positions.
    struct Fields {
        let node: Node
        let values: [String: Node]

        subscript(key: String) -> Node? { values[key] }
    }

    /// The most YAML nodes one parameter default may expand to (aliases can multiply nodes).
    static let maximumValueNodes = 10_000
    /// The deepest nesting of a parameter default.
    static let maximumValueDepth = 32

    let file: String
    private let lines: [Substring]
    private(set) var diagnostics: [RuleDiagnostic] = []
    private var valueNodeBudget = maximumValueNodes

    init(file: String, text: String) {
        self.file = file
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    mutating func report(_ message: String, at position: Position) {
        diagnostics.append(
            RuleDiagnostic(file: file, line: position.line, column: position.column, message: message))
    }

    mutating func report(_ message: String, at node: Node) {
        report(message, at: position(of: node))
    }

    /// Where the node starts in the file: its first key for a block mapping, its quote or block
    /// indicator for a scalar.
    func position(of node: Node) -> Position {
        let mark: Mark? =
            switch node {
            case .scalar(let scalar): scalar.mark
            case .mapping(let mapping): mapping.mark
            case .sequence(let sequence): sequence.mark
            case .alias(let alias): alias.mark
            }
        return Position(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Where a scalar's content starts: after the opening quote, or on the first content line of
    /// a block scalar (`|` or `>`).
    func contentPosition(of node: Node) -> Position {
        let start = position(of: node)
        guard case .scalar(let scalar) = node else { return start }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            return Position(line: start.line, column: start.column + 1)
        case .literal, .folded:
            // Lines are 1-based, so index `start.line` is the line after the indicator.
            var index = start.line
            while index < lines.count {
                let line = lines[index]
                if let first = line.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) {
                    // Only spaces and tabs precede `first`, so characters and scalars agree.
                    return Position(
                        line: index + 1, column: line.distance(from: line.startIndex, to: first) + 1)
                }
                index += 1
            }
            return start
        case .any, .plain:
            return start
        }
    }

    /// The resolved YAML tag (`str`, `int`, `bool`, `null`, ...) of a node.
    static func tagName(_ node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.rawValue)
    }

    /// A human description of what a node is, for "expected X, found Y".
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar:
            switch Self.tagName(node) {
            case .int, .float: return "a number"
            case .bool: return "a boolean"
            case .null: return "an empty value"
            default: return "text"
            }
        }
    }

    // MARK: - Mappings

    /// The entries of a mapping, checking key names; nil (and a diagnostic) if not a mapping.
    mutating func fields(
        of node: Node, what: String, allowed: [String], required: [String]
    ) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report("\(what) must be a mapping, found \(describe(node))", at: node)
            return nil
        }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode, Self.tagName(keyNode) == .str else {
                report("keys in \(what) must be text, found \(describe(keyNode))", at: keyNode)
                continue
            }
            guard allowed.contains(key.string) else {
                report(
                    "unknown key '\(key.string)' in \(what)"
                        + NameSuggestion.hint(for: key.string, among: allowed),
                    at: keyNode)
                continue
            }
            values[key.string] = value
        }
        for key in required where values[key] == nil {
            // An unknown key that is a typo of this one already says so; do not repeat it.
            let misspelt = mapping.keys.contains { keyNode in
                keyNode.string.map {
                    !allowed.contains($0) && NameSuggestion.closest(to: $0, among: allowed) == key
                }
                    ?? false
            }
            if !misspelt { report("missing required key '\(key)' in \(what)", at: node) }
        }
        return Fields(node: node, values: values)
    }

    /// The entries of a mapping whose keys are names chosen by the author (such as `params`).
    mutating func namedEntries(of node: Node, what: String) -> [(name: String, key: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            report("\(what) must be a mapping, found \(describe(node))", at: node)
            return nil
        }
        var result: [(name: String, key: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode, Self.tagName(keyNode) == .str else {
                report("keys in \(what) must be text, found \(describe(keyNode))", at: keyNode)
                continue
            }
            result.append((key.string, keyNode, value))
        }
        return result
    }

    // MARK: - Scalars

    /// Text from a scalar YAML types as a string; reports other kinds.
    mutating func string(_ node: Node, field: String) -> String? {
        guard case .scalar(let scalar) = node, Self.tagName(node) == .str else {
            var message = "'\(field)' must be text, found \(describe(node))"
            if case .scalar = node { message += "; put it in quotes if it is meant as text" }
            report(message, at: node)
            return nil
        }
        return scalar.string
    }

    /// Text that must not be empty or blank.
    mutating func nonEmptyString(_ node: Node, field: String) -> String? {
        guard let text = string(node, field: field) else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            report("'\(field)' must not be empty", at: node)
            return nil
        }
        return text
    }

    /// A list of non-empty strings, each paired with its node for later checks.
    mutating func stringList(_ node: Node, field: String) -> [(text: String, node: Node)]? {
        guard case .sequence(let sequence) = node else {
            report("'\(field)' must be a list, found \(describe(node))", at: node)
            return nil
        }
        var result: [(text: String, node: Node)] = []
        for element in sequence {
            if let text = nonEmptyString(element, field: "\(field)[]") { result.append((text, element)) }
        }
        return result
    }

    /// One of a fixed set of values, with a suggestion when it is a likely typo.
    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ node: Node, field: String, as type: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let text = string(node, field: field) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        report(
            "invalid \(field) '\(text)'; expected one of \(allowed.joined(separator: ", "))"
                + NameSuggestion.hint(for: text, among: allowed),
            at: node)
        return nil
    }

    /// An expression or template: any non-empty scalar, kept as text with its content position.
    mutating func expression(_ node: Node, field: String) -> ExpressionSource? {
        guard case .scalar(let scalar) = node, Self.tagName(node) != .null else {
            let found = describe(node)
            report("'\(field)' must be an expression written as text, found \(found)", at: node)
            return nil
        }
        var text = scalar.string
        while let last = text.last, last.isWhitespace { text.removeLast() }
        guard !text.isEmpty else {
            report("'\(field)' must not be empty", at: node)
            return nil
        }
        let start = contentPosition(of: node)
        let starts = scalar.style == .literal ? [] : foldedLineStarts(text, from: start)
        return ExpressionSource(
            text: text, file: file, line: start.line, column: start.column, lineStarts: starts)
    }

    /// Where each file line's part of a folded scalar's text starts, matched against the file;
    /// empty when the text is one file line or does not match (escapes, blank lines), in which
    /// case positions fall back to the first line's.
    private func foldedLineStarts(_ text: String, from start: Position) -> [ExpressionSource.LineStart] {
        let scalars = Array(text.unicodeScalars)
        var starts: [ExpressionSource.LineStart] = []
        var offset = 0
        var lineIndex = start.line - 1
        var column = start.column
        while offset < scalars.count, lineIndex < lines.count {
            let line = Array(lines[lineIndex].unicodeScalars)
            let content = line.dropFirst(column - 1).prefix { $0 != "\r" }
            var trimmed = content[...]
            while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
            let matched = zip(trimmed, scalars[offset...]).prefix { $0.0 == $0.1 }.count
            // A line that matches only in part (an escape, a kept line break) means the text is
            // not a plain fold of the file's lines: give up rather than point somewhere wrong.
            let reachedEnd = offset + matched >= scalars.count
            guard matched > 0, matched == trimmed.count || reachedEnd else { return [] }
            starts.append(ExpressionSource.LineStart(offset: offset, line: lineIndex + 1, column: column))
            offset += matched + 1
            lineIndex += 1
            guard lineIndex < lines.count else { break }
            let next = Array(lines[lineIndex].unicodeScalars)
            column = (next.firstIndex { $0 != " " && $0 != "\t" } ?? next.count) + 1
        }
        return starts.count > 1 ? starts : []
    }

    // MARK: - Data values

    /// Any YAML value as plain data, bounded in depth and size.
    mutating func value(_ node: Node, depth: Int = 0) -> RuleValue? {
        valueNodeBudget -= 1
        guard depth < Self.maximumValueDepth, valueNodeBudget >= 0 else {
            report(
                "value is too large or too deeply nested (at most \(Self.maximumValueDepth) levels "
                    + "and \(Self.maximumValueNodes) elements)", at: node)
            return nil
        }
        switch node {
        case .scalar(let scalar):
            switch Self.tagName(node) {
            case .null: return .null
            case .bool: return node.bool.map(RuleValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(RuleValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(RuleValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            var elements: [RuleValue] = []
            for element in sequence {
                guard let converted = value(element, depth: depth + 1) else { return nil }
                elements.append(converted)
            }
            return .list(elements)
        case .mapping:
            guard let entries = namedEntries(of: node, what: "a value") else { return nil }
            var result: [String: RuleValue] = [:]
            for entry in entries {
                guard let converted = value(entry.value, depth: depth + 1) else { return nil }
                result[entry.name] = converted
            }
            return .map(result)
        case .alias:
            report("aliases are not supported here", at: node)
            return nil
        }
    }
}
