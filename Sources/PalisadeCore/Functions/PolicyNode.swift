import JSON
import Policy

/// A node of an IAM policy document, as ``PolicyStatements`` reads one: parsed JSON text, or a
/// value decoded from the configuration's `jsonencode(...)` (``SourceDerivedValues``), whose
/// strings may be unknown until apply.
protocol PolicyNode: Sendable {
    /// Member `key` of an object; nil when absent or not an object.
    func member(_ key: String) -> Self?
    /// The text of a string.
    var text: String? { get }
    /// True for an array.
    var isArray: Bool { get }
    /// True for an object.
    var isObject: Bool { get }
    /// True for null.
    var isNullNode: Bool { get }
    /// The value when this node is unknown until apply; nil for a known node.
    var unknownValue: Value? { get }
    /// The elements of an array.
    var elementNodes: [Self] { get }
    /// The members of an object, in order.
    var memberNodes: [(key: String, value: Self)] { get }
    /// The node as an expression value.
    var value: Value { get }
}

extension JSONValue: PolicyNode {
    func member(_ key: String) -> JSONValue? { self[key] }
    var text: String? { string }
    var isArray: Bool { kind == .array }
    var isObject: Bool { kind == .object }
    var isNullNode: Bool { isNull }
    /// JSON text is known throughout.
    var unknownValue: Value? { nil }
    var elementNodes: [JSONValue] { Array(elements) }
    var memberNodes: [(key: String, value: JSONValue)] { members }
    var value: Value { JSONHostValue.value(self) }
}

/// A literal expression value as a policy node: maps, lists, strings and unknowns.
struct ValueNode: PolicyNode {
    let value: Value

    func member(_ key: String) -> ValueNode? {
        guard case .map(let map) = value, let member = map[key] else { return nil }
        return ValueNode(value: member)
    }

    var text: String? { value.stringValue }

    var isArray: Bool {
        if case .list = value { return true }
        return false
    }

    var isObject: Bool {
        if case .map = value { return true }
        return false
    }

    var isNullNode: Bool {
        if case .null = value { return true }
        return false
    }

    var unknownValue: Value? { value.isUnknown ? value : nil }

    var elementNodes: [ValueNode] {
        guard case .list(let elements) = value else { return [] }
        return elements.map(ValueNode.init)
    }

    var memberNodes: [(key: String, value: ValueNode)] {
        guard case .map(let map) = value else { return [] }
        return zip(map.keys, map.values).map { ($0, ValueNode(value: $1)) }
    }
}
