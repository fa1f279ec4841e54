import CJSONTree

/// One member name looked up in several objects, hashed once.
///
/// A view that reads the same member of a value and of its unknown and sensitive marks asks
/// three objects for one name; this measures and hashes it once for all of them.
public struct JSONMemberLookup: ~Copyable {
    private let name: UnsafePointer<CChar>
    private var length = 0
    private var hash: UInt32 = 0
    private var hashed = false

    /// A lookup of the NUL-terminated UTF-8 `name`, which must outlive it.
    public init(_ name: UnsafePointer<CChar>) {
        self.name = name
    }

    /// The member of `value` with this name, as ``JSONValue/member(cString:)`` finds it: nil when
    /// `value` is nil, not an object, or has no such member.
    public mutating func member(of value: JSONValue?) -> JSONValue? {
        guard let value, let found = member(of: value.node) else { return nil }
        return JSONValue(node: found, document: value.document)
    }

    /// The member of `node` with this name, as ``JSONNode/member(cString:)`` finds it.
    public mutating func member(of node: JSONNode?) -> JSONNode? {
        guard let node, node.kind == .object else { return nil }
        if !hashed {
            while name[length] != 0 { length += 1 }
            hash = pal_json_hash(name, length)
            hashed = true
        }
        return node.member(bytes: name, length: length, hash: hash)
    }
}
