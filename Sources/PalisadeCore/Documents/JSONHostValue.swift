import JSON
import Policy

/// Plain JSON (a decoded `container_definitions` string, a policy document) seen by expressions
/// through the parsed JSON tree, without copying.
public final class JSONHostValue: HostValue {
    let json: JSONValue

    init(json: JSONValue) {
        self.json = json
    }

    /// Wraps a JSON value; scalars are converted, arrays and objects stay lazy.
    public static func value(_ json: JSONValue) -> Value {
        scalar(json.node) ?? .host(JSONHostValue(json: json))
    }

    /// The value of a null, bool, number or string node; nil for arrays and objects.
    public static func scalar(_ node: JSONNode) -> Value? {
        switch node.kind {
        case .null: .null
        case .bool: .bool(node.bool ?? false)
        case .int: .int(node.int ?? 0)
        case .double: .double(node.double ?? 0)
        case .string: .string(node.string ?? "")
        case .array, .object: nil
        }
    }

    /// A map for JSON objects, a list for arrays.
    public var kind: HostValueKind { json.kind == .array ? .list : .map }
    /// Members or elements.
    public var count: Int { json.count }
    /// Object keys in document order.
    public var keys: [String] { json.keys }
    /// The member, or null when absent.
    public func member(_ name: String) -> Value { json[name].map(Self.value) ?? .null }
    /// True when the member is present and not null.
    public func hasMember(_ name: String) -> Value { .bool(json[name].map { !$0.isNull } ?? false) }
    /// The element at `index`.
    public func element(at index: Int) -> Value { json[index].map(Self.value) ?? .null }
}
