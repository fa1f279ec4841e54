import JSON
import Policy

/// A node of a built-in rule file, read from the embedded pack's JSON and its position table.
///
/// ``RuleNodeEncoder`` wrote the table: four numbers per node in document order. A node knows
/// its index in that order; a child's index is found by counting the nodes before it.
struct EmbeddedRuleNode: RuleFileNode {
    private enum Storage {
        case value(JSONValue)
        /// A mapping key, which JSON stores as a member name rather than a value.
        case key(String)
    }

    private let storage: Storage
    private let index: Int
    private let marks: [Int]

    /// The root of a rule: its converted content and its position table.
    init(root: JSONValue, marks: [Int]) {
        self.init(storage: .value(root), index: 0, marks: marks)
    }

    private init(storage: Storage, index: Int, marks: [Int]) {
        self.storage = storage
        self.index = index
        self.marks = marks
    }

    var kind: RuleNodeKind {
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

    var scalarText: String? {
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

    var boolValue: Bool? { json?.bool }

    var intValue: Int? { json?.int.map { Int($0) } }

    var doubleValue: Double? { json?.double }

    var entries: [(key: EmbeddedRuleNode, value: EmbeddedRuleNode)] {
        guard let json, json.kind == .object else { return [] }
        var result: [(key: EmbeddedRuleNode, value: EmbeddedRuleNode)] = []
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

    var elements: [EmbeddedRuleNode] {
        guard let json, json.kind == .array else { return [] }
        var result: [EmbeddedRuleNode] = []
        var next = index + 1
        for element in json.elements {
            result.append(Self(storage: .value(element), index: next, marks: marks))
            next += Self.nodeCount(element)
        }
        return result
    }

    var position: RuleFilePosition { mark(at: 0) }

    var contentPosition: RuleFilePosition { mark(at: 2) }

    private var json: JSONValue? {
        guard case .value(let value) = storage else { return nil }
        return value
    }

    /// The position stored at `offset` (0 for the node, 2 for its content); 1:1 when the table is
    /// shorter than the document, which only a hand-edited pack can be.
    private func mark(at offset: Int) -> RuleFilePosition {
        let slot = index * 4 + offset
        guard slot + 1 < marks.count else { return RuleFilePosition(line: 1, column: 1) }
        return RuleFilePosition(line: marks[slot], column: marks[slot + 1])
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
