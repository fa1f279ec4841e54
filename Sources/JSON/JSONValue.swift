import CJSONC

/// A read-only view of one value inside a ``JSONDocument``.
///
/// A view is two words: the json-c node and the document that keeps it alive. Reading a member
/// or an element never copies the tree.
///
/// `@unchecked` because the node is a C pointer the compiler cannot check: the tree is never
/// written after parsing and only read-only json-c calls are made on it (see ``JSONDocument``).
public struct JSONValue: @unchecked Sendable {
    /// The JSON type of a value.
    public enum Kind: String, Sendable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool
        /// A number without a fraction or exponent that fits in 64 bits.
        case int
        /// Any other number.
        case double
        /// A string.
        case string
        /// An array.
        case array
        /// An object.
        case object
    }

    let object: OpaquePointer?
    /// The document that owns the node.
    public let document: JSONDocument

    init(object: OpaquePointer?, document: JSONDocument) {
        self.object = object
        self.document = document
    }

    /// The JSON type of this value.
    public var kind: Kind {
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
    ///
    /// A member whose value is `null` is returned as a value of kind ``Kind/null``.
    public subscript(key: String) -> JSONValue? {
        key.withCString { member(cString: $0) }
    }

    /// The member named by a NUL-terminated UTF-8 key, as the string subscript finds it;
    /// for callers that look the same key up in several objects.
    public func member(cString key: UnsafePointer<CChar>) -> JSONValue? {
        guard let object, json_object_get_type(object) == json_type_object else { return nil }
        var found: OpaquePointer?
        return json_object_object_get_ex(object, key, &found) != 0
            ? JSONValue(object: found, document: document) : nil
    }

    /// The element at `index` of an array; nil when this is not an array or out of range.
    public subscript(index: Int) -> JSONValue? {
        guard let object, json_object_get_type(object) == json_type_array, index >= 0,
            index < json_object_array_length(object)
        else { return nil }
        return JSONValue(object: json_object_array_get_idx(object, index), document: document)
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
        guard let object, json_object_get_type(object) == json_type_string,
            let pointer = json_object_get_string(object)
        else { return nil }
        let length = Int(json_object_get_string_len(object))
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
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

    /// The elements of an array (empty for other kinds).
    public var elements: JSONElements { JSONElements(array: self) }

    /// The members of an object in document order (empty for other kinds).
    public var members: [(key: String, value: JSONValue)] {
        var result: [(key: String, value: JSONValue)] = []
        forEachMember { key, value in result.append((key, value)) }
        return result
    }

    /// The keys of an object in document order (empty for other kinds).
    public var keys: [String] {
        var result: [String] = []
        forEachMember { key, _ in result.append(key) }
        return result
    }

    /// Calls `body` for each member of an object in document order, without building an array.
    public func forEachMember(_ body: (String, JSONValue) throws -> Void) rethrows {
        guard let object, json_object_get_type(object) == json_type_object else { return }
        var iterator = json_object_iter_begin(object)
        var end = json_object_iter_end(object)
        while json_object_iter_equal(&iterator, &end) == 0 {
            let key = String(cString: json_object_iter_peek_name(&iterator))
            let value = JSONValue(object: json_object_iter_peek_value(&iterator), document: document)
            try body(key, value)
            json_object_iter_next(&iterator)
        }
    }

    /// Identity of the underlying node, usable to tell two views of the same node apart cheaply.
    public var nodeIdentity: UnsafeRawPointer? { object.map { UnsafeRawPointer($0) } }
}

/// The elements of a JSON array as a random-access collection of views.
public struct JSONElements: RandomAccessCollection, Sendable {
    let array: JSONValue

    /// The first index (always 0).
    public var startIndex: Int { 0 }
    /// One past the last index.
    public var endIndex: Int { array.kind == .array ? array.count : 0 }
    /// The element at `position`.
    public subscript(position: Int) -> JSONValue {
        array[position] ?? JSONValue(object: nil, document: array.document)
    }
}
