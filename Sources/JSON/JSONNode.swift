import CJSONC

/// A read-only view of one value inside a ``JSONDocument`` that does not keep the document alive.
///
/// A node is one word, the json-c pointer, and copying it counts no references. It is for readers
/// that already hold the document (or a ``JSONValue`` of it) for as long as they read, such as a
/// plan's attribute views, which read a few members of every resource for every rule: there the
/// atomic reference counting of a ``JSONValue`` per member read was a measurable share of a scan.
/// A node read after its document is gone reads freed memory; ``JSONDocument/value(of:)`` turns
/// a node back into a value that keeps the document alive.
///
/// `@unchecked` for the reasons ``JSONValue`` gives.
public struct JSONNode: @unchecked Sendable {
    let object: OpaquePointer?

    init(_ object: OpaquePointer?) {
        self.object = object
    }

    /// The JSON type of this node.
    public var kind: JSONValue.Kind {
        guard let object else { return .null }
        switch json_object_get_type(object) {
        case json_type_boolean: return .bool
        case json_type_int: return .int
        case json_type_double: return .double
        case json_type_string: return .string
        case json_type_array: return .array
        case json_type_object: return .object
        default: return .null
        }
    }

    /// True for JSON `null`.
    public var isNull: Bool { kind == .null }

    /// The member named `key` of an object; nil when this is not an object or has no such key.
    public subscript(key: String) -> JSONNode? {
        key.withCString { member(cString: $0) }
    }

    /// The member named by a NUL-terminated UTF-8 key, as the string subscript finds it.
    public func member(cString key: UnsafePointer<CChar>) -> JSONNode? {
        guard let object, json_object_get_type(object) == json_type_object else { return nil }
        var found: OpaquePointer?
        return json_object_object_get_ex(object, key, &found) != 0 ? JSONNode(found) : nil
    }

    /// The element at `index` of an array; nil when this is not an array or out of range.
    public subscript(index: Int) -> JSONNode? {
        guard let object, json_object_get_type(object) == json_type_array, index >= 0,
            index < json_object_array_length(object)
        else { return nil }
        return JSONNode(json_object_array_get_idx(object, index))
    }

    /// The number of elements of an array or members of an object; 0 for scalars.
    public var count: Int {
        guard let object else { return 0 }
        switch json_object_get_type(object) {
        case json_type_array: return json_object_array_length(object)
        case json_type_object: return Int(json_object_object_length(object))
        default: return 0
        }
    }

    /// The string, when this is a string.
    public var string: String? {
        withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the raw UTF-8 bytes of a string value, without copying; nil otherwise.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        guard let object, json_object_get_type(object) == json_type_string,
            let pointer = json_object_get_string(object)
        else { return nil }
        let length = Int(json_object_get_string_len(object))
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// The boolean, when this is `true` or `false`.
    public var bool: Bool? {
        guard let object, json_object_get_type(object) == json_type_boolean else { return nil }
        return json_object_get_boolean(object) != 0
    }

    /// The integer, when this is an integral number that fits in 64 bits.
    public var int: Int64? {
        guard let object, json_object_get_type(object) == json_type_int else { return nil }
        return json_object_get_int64(object)
    }

    /// The number as a double, for integral and fractional numbers alike.
    public var double: Double? {
        guard let object else { return nil }
        switch json_object_get_type(object) {
        case json_type_double: return json_object_get_double(object)
        case json_type_int: return Double(json_object_get_int64(object))
        default: return nil
        }
    }

    /// The keys of an object in document order (empty for other kinds).
    public var keys: [String] {
        var result: [String] = []
        forEachMember { key, _ in result.append(key) }
        return result
    }

    /// Calls `body` for each member of an object in document order, without building an array.
    public func forEachMember(_ body: (String, JSONNode) throws -> Void) rethrows {
        try forEachNamedMember { name, member in try body(String(cString: name), member) }
    }

    /// Calls `body` with each member of an object, in document order, its name as the
    /// NUL-terminated UTF-8 json-c holds (valid while the document lives): for callers that
    /// compare names, or make a string of one only for the few members they keep.
    public func forEachNamedMember(_ body: (UnsafePointer<CChar>, JSONNode) throws -> Void) rethrows {
        guard let object, json_object_get_type(object) == json_type_object else { return }
        var iterator = json_object_iter_begin(object)
        var end = json_object_iter_end(object)
        while json_object_iter_equal(&iterator, &end) == 0 {
            try body(json_object_iter_peek_name(&iterator), JSONNode(json_object_iter_peek_value(&iterator)))
            json_object_iter_next(&iterator)
        }
    }

    /// Identity of the underlying node, usable to tell two views of the same node apart cheaply.
    public var nodeIdentity: UnsafeRawPointer? { object.map { UnsafeRawPointer($0) } }
}

extension JSONDocument {
    /// The value of a node of this document's tree, which keeps the document alive.
    ///
    /// `node` must have been read from this document (or from a document sharing its tree).
    public func value(of node: JSONNode) -> JSONValue {
        JSONValue(node: node, document: self)
    }
}
