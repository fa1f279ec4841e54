import JSON
import Policy

/// Plain JSON (a decoded `container_definitions` string, a policy document) seen by expressions
/// through json-c's tree, without copying.
public struct JSONHostValue: HostValue {
    let json: JSONValue

    /// Wraps a JSON value; scalars are converted, arrays and objects stay lazy.
    public static func value(_ json: JSONValue) -> Value {
        switch json.kind {
        case .null: .null
        case .bool: .bool(json.bool ?? false)
        case .int: .int(json.int ?? 0)
        case .double: .double(json.double ?? 0)
        case .string: .string(json.string ?? "")
        case .array, .object: .host(JSONHostValue(json: json))
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
