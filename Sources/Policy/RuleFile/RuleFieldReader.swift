/// Reads typed fields out of rule-file nodes, recording a diagnostic at the node for each
/// problem instead of stopping, so one load reports everything wrong with a file.
struct RuleFieldReader<Node: RuleFileNode> {
    /// A mapping's entries by key, with the mapping node for "missing key" positions.
    struct Fields {
        let node: Node
        let values: [String: Node]

        subscript(key: String) -> Node? { values[key] }
    }

    /// The most nodes one parameter default may expand to.
    static var maximumValueNodes: Int { 10_000 }
    /// The deepest nesting of a parameter default.
    static var maximumValueDepth: Int { 32 }

    let file: String
    private(set) var diagnostics: [RuleDiagnostic] = []
    private var valueNodeBudget = maximumValueNodes

    init(file: String) {
        self.file = file
    }

    mutating func report(_ message: String, at position: RuleFilePosition) {
        diagnostics.append(
            RuleDiagnostic(file: file, line: position.line, column: position.column, message: message))
    }

    mutating func report(_ message: String, at node: Node) {
        report(message, at: node.position)
    }

    /// A human description of what a node is, for "expected X, found Y".
    func describe(_ node: Node) -> String {
        switch node.kind {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .int, .float: "a number"
        case .bool: "a boolean"
        case .null: "an empty value"
        case .string, .otherScalar: "text"
        }
    }

    // MARK: - Mappings

    /// The entries of a mapping, checking key names; nil (and a diagnostic) if not a mapping.
    mutating func fields(
        of node: Node, what: String, allowed: [String], required: [String]
    ) -> Fields? {
        guard node.kind == .mapping else {
            report("\(what) must be a mapping, found \(describe(node))", at: node)
            return nil
        }
        let entries = node.entries
        var values: [String: Node] = [:]
        for (keyNode, value) in entries {
            guard keyNode.kind == .string, let key = keyNode.scalarText else {
                report("keys in \(what) must be text, found \(describe(keyNode))", at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                report(
                    "unknown key '\(key)' in \(what)" + NameSuggestion.hint(for: key, among: allowed),
                    at: keyNode)
                continue
            }
            values[key] = value
        }
        for key in required where values[key] == nil {
            // An unknown key that is a typo of this one already says so; do not repeat it.
            let misspelt = entries.contains { entry in
                entry.key.scalarText.map {
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
        guard node.kind == .mapping else {
            report("\(what) must be a mapping, found \(describe(node))", at: node)
            return nil
        }
        var result: [(name: String, key: Node, value: Node)] = []
        for (keyNode, value) in node.entries {
            guard keyNode.kind == .string, let key = keyNode.scalarText else {
                report("keys in \(what) must be text, found \(describe(keyNode))", at: keyNode)
                continue
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    // MARK: - Scalars

    /// Text from a scalar YAML types as a string; reports other kinds.
    mutating func string(_ node: Node, field: String) -> String? {
        guard node.kind == .string, let text = node.scalarText else {
            var message = "'\(field)' must be text, found \(describe(node))"
            if node.kind.isScalar { message += "; put it in quotes if it is meant as text" }
            report(message, at: node)
            return nil
        }
        return text
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
        guard node.kind == .sequence else {
            report("'\(field)' must be a list, found \(describe(node))", at: node)
            return nil
        }
        var result: [(text: String, node: Node)] = []
        for element in node.elements {
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
        guard node.kind.isScalar, node.kind != .null, var text = node.scalarText else {
            let found = describe(node)
            report("'\(field)' must be an expression written as text, found \(found)", at: node)
            return nil
        }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        guard !text.isEmpty else {
            report("'\(field)' must not be empty", at: node)
            return nil
        }
        let start = node.contentPosition
        return ExpressionSource(
            text: text, file: file, line: start.line, column: start.column, lineStarts: node.foldedLineStarts)
    }

    // MARK: - Data values

    /// Any value as plain data, bounded in depth and size.
    mutating func value(_ node: Node, depth: Int = 0) -> RuleValue? {
        valueNodeBudget -= 1
        guard depth < Self.maximumValueDepth, valueNodeBudget >= 0 else {
            report(
                "value is too large or too deeply nested (at most \(Self.maximumValueDepth) levels "
                    + "and \(Self.maximumValueNodes) elements)", at: node)
            return nil
        }
        let text = node.scalarText ?? ""
        switch node.kind {
        case .null: return .null
        case .bool: return node.boolValue.map(RuleValue.bool) ?? .string(text)
        case .int: return node.intValue.map(RuleValue.int) ?? .string(text)
        case .float: return node.doubleValue.map(RuleValue.double) ?? .string(text)
        case .string, .otherScalar: return .string(text)
        case .sequence:
            var elements: [RuleValue] = []
            for element in node.elements {
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
