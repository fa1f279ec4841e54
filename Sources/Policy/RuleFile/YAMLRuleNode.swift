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

    /// Where each file line's part of a folded scalar's text starts, matched against the file;
    /// empty for a literal block (`|`, whose text keeps its lines), a one-line text, or a text that
    /// does not match the file's lines (escapes, blank lines), where positions fall back to the
    /// first line's.
    public var foldedLineStarts: [ExpressionSource.LineStart] {
        guard case .scalar(let scalar) = node, scalar.style != .literal else { return [] }
        let scalars = Array(scalar.string.unicodeScalars)
        let start = contentPosition
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
}
