import JSON

/// A node of a rule file stored as JSON converted from its YAML, with a table of positions.
///
/// The built-in pack is stored this way. The table holds four numbers per node in document order
/// (a mapping's key before its value): the node's line and column, then its content's. A node
/// knows its index in that order; a child's index is found by counting the nodes before it.
public struct JSONRuleNode: RuleFileNode {
    private enum Storage {
        case value(JSONValue)
        /// A mapping key, which JSON stores as a member name rather than a value.
        case key(String)
    }

    private let storage: Storage
    private let index: Int
    private let marks: [Int32]

    /// The root of a rule file: its converted content and its position table, written as
    /// decimal numbers separated by spaces.
    public init(root: JSONValue, marks: String) {
        var numbers: [Int32] = []
        var current: Int32 = 0
        var inNumber = false
        for byte in marks.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                current = current &* 10 &+ Int32(byte - UInt8(ascii: "0"))
                inNumber = true
            } else if inNumber {
                numbers.append(current)
                current = 0
                inNumber = false
            }
        }
        if inNumber { numbers.append(current) }
        self.init(storage: .value(root), index: 0, marks: numbers)
    }

    private init(storage: Storage, index: Int, marks: [Int32]) {
        self.storage = storage
        self.index = index
        self.marks = marks
    }

    /// The node's kind, from its JSON type (a mapping key is text).
    public var kind: RuleNodeKind {
        guard case .value(let value) = storage else { return .string }
        switch value.kind {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .double: return .float
        case .string: return .string
        case .array: return .sequence
        case .object: return .mapping
        }
    }

    /// The scalar's text: a string's content, or the spelling of a number, boolean or null.
    public var scalarText: String? {
        switch storage {
        case .key(let name): return name
        case .value(let value):
            switch value.kind {
            case .string: return value.string
            case .int: return value.int.map { String($0) }
            case .double: return value.double.map { "\($0)" }
            case .bool: return value.bool.map { $0 ? "true" : "false" }
            case .null: return "null"
            case .array, .object: return nil
            }
        }
    }

    /// The value of a boolean.
    public var boolValue: Bool? { json?.bool }

    /// The value of an integer.
    public var intValue: Int? { json?.int.map { Int($0) } }

    /// The value of a number.
    public var doubleValue: Double? { json?.double }

    /// The object's members in document order, each key a node of its own.
    public var entries: [(key: JSONRuleNode, value: JSONRuleNode)] {
        guard let json, json.kind == .object else { return [] }
        var result: [(key: JSONRuleNode, value: JSONRuleNode)] = []
        var next = index + 1
        json.forEachMember { name, value in
            result.append(
                (
                    Self(storage: .key(name), index: next, marks: marks),
                    Self(storage: .value(value), index: next + 1, marks: marks)
                ))
            next += 1 + Self.nodeCount(value)
        }
        return result
    }

    /// The array's elements.
    public var elements: [JSONRuleNode] {
        guard let json, json.kind == .array else { return [] }
        var result: [JSONRuleNode] = []
        var next = index + 1
        for element in json.elements {
            result.append(Self(storage: .value(element), index: next, marks: marks))
            next += Self.nodeCount(element)
        }
        return result
    }

    /// Where the node starts in the rule file, from the table.
    public var position: RuleFilePosition { mark(at: 0) }

    /// Where the scalar's content starts in the rule file, from the table.
    public var contentPosition: RuleFilePosition { mark(at: 2) }

    private var json: JSONValue? {
        guard case .value(let value) = storage else { return nil }
        return value
    }

    /// The position stored at `offset` (0 for the node, 2 for its content); 1:1 when the table is
    /// shorter than the document, which only a hand-edited pack can be.
    private func mark(at offset: Int) -> RuleFilePosition {
        let slot = index * 4 + offset
        guard slot + 1 < marks.count else { return RuleFilePosition(line: 1, column: 1) }
        return RuleFilePosition(line: Int(marks[slot]), column: Int(marks[slot + 1]))
    }

    /// The nodes a value stands for in document order: itself, and for an object each member's
    /// key and value.
    private static func nodeCount(_ value: JSONValue) -> Int {
        switch value.kind {
        case .object:
            var count = 1
            value.forEachMember { _, member in count += 1 + nodeCount(member) }
            return count
        case .array:
            return value.elements.reduce(1) { $0 + nodeCount($1) }
        default:
            return 1
        }
    }
}
