import CJSONC

/// One member name looked up in several objects, hashed once.
///
/// `json_object_object_get_ex` hashes the name again for every object it searches. A view that
/// reads the same member of a value and of its unknown and sensitive marks asks three objects
/// for one name; this hashes it once and reuses the hash for every table built with the same
/// hash function (json-c gives every object table the same one, chosen once per process).
public struct JSONMemberLookup: ~Copyable {
    private let name: UnsafePointer<CChar>
    private var hash: UInt = 0
    /// The hash function `hash` was computed with; nil before the first table.
    private var hashFunction: UnsafeRawPointer?

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
        guard let object = node?.object, json_object_get_type(object) == json_type_object,
            let table = json_object_get_object(object)
        else { return nil }
        let function = unsafeBitCast(table.pointee.hash_fn, to: UnsafeRawPointer?.self)
        if function != hashFunction || function == nil {
            hash = lh_get_hash(table, name)
            hashFunction = function
        }
        guard let entry = lh_table_lookup_entry_w_hash(table, name, hash) else { return nil }
        return JSONNode(OpaquePointer(lh_entry_v(entry)))
    }
}
