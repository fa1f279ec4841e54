import Yams

/// A node of a rule file composed by Yams from YAML text, with positions as libyaml reports them.
public struct YAMLRuleNode: RuleFileNode {
    let node: Node
    /// The lines of the file, to find where a block scalar's content starts.
    let lines: [Substring]

    init(node: Node, lines: [Substring]) {
        self.node = node
        self.lines = lines
    }

    /// The node's kind, from its resolved YAML tag.
    public var kind: RuleNodeKind {
        switch node {
        case .mapping: return .mapping
        case .sequence: return .sequence
        case .alias: return .alias
        case .scalar:
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .str: return .string
            case .int: return .int
            case .float: return .float
            case .bool: return .bool
            case .null: return .null
            default: return .otherScalar
            }
        }
    }

    /// The scalar's text.
    public var scalarText: String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    /// The boolean value of a `bool` scalar.
    public var boolValue: Bool? { kind == .bool ? node.bool : nil }

    /// The value of an `int` scalar.
    public var intValue: Int? { kind == .int ? node.int : nil }

    /// The value of a `float` or `int` scalar.
    public var doubleValue: Double? {
        switch kind {
        case .float: node.float
        case .int: node.int.map(Double.init)
        default: nil
        }
    }

    /// The mapping's entries in file order.
    public var entries: [(key: YAMLRuleNode, value: YAMLRuleNode)] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.map { (Self(node: $0.key, lines: lines), Self(node: $0.value, lines: lines)) }
    }

    /// The list's elements.
    public var elements: [YAMLRuleNode] {
        guard case .sequence(let sequence) = node else { return [] }
        return sequence.map { Self(node: $0, lines: lines) }
    }

    /// Where the node starts.
    public var position: RuleFilePosition {
        let mark: Mark? =
            switch node {
            case .scalar(let scalar): scalar.mark
            case .mapping(let mapping): mapping.mark
            case .sequence(let sequence): sequence.mark
            case .alias(let alias): alias.mark
            }
        return RuleFilePosition(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Where the scalar's content starts.
    public var contentPosition: RuleFilePosition {
        let start = position
        guard case .scalar(let scalar) = node else { return start }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            return RuleFilePosition(line: start.line, column: start.column + 1)
        case .literal, .folded:
            // Lines are 1-based, so index `start.line` is the line after the indicator.
            var index = start.line
            while index < lines.count {
                let line = lines[index]
                if let first = line.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) {
                    // Only spaces and tabs precede `first`, so characters and scalars agree.
                    return RuleFilePosition(
                        line: index + 1, column: line.distance(from: line.startIndex, to: first) + 1)
                }
                index += 1
            }
            return start
        case .any, .plain:
            return start
        }
    }
}
