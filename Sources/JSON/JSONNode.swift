import CJSONTree

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only view of one value inside a ``JSONDocument`` that does not keep the document alive.
///
/// A node is one word, a pointer into the document's tree, and copying it counts no references.
/// It is for readers that already hold the document (or a ``JSONValue`` of it) for as long as
/// they read, such as a plan's attribute views, which read a few members of every resource for
/// every rule: there the atomic reference counting of a ``JSONValue`` per member read was a
/// measurable share of a scan. A node read after its document is gone reads freed memory;
/// ``JSONDocument/value(of:)`` turns a node back into a value that keeps the document alive.
///
/// `@unchecked` for the reasons ``JSONValue`` gives.
public struct JSONNode: @unchecked Sendable {
    /// The tree's node; nil reads as JSON `null`.
    let pointer: UnsafePointer<pal_json_node>?

    init(_ pointer: UnsafePointer<pal_json_node>?) {
        self.pointer = pointer
    }

    /// The JSON type of this node.
    public var kind: JSONValue.Kind {
        guard let pointer else { return .null }
        switch Int(pointer.pointee.kind) {
        case PAL_JSON_BOOL: return .bool
        case PAL_JSON_INT: return .int
        case PAL_JSON_DOUBLE: return .double
        case PAL_JSON_STRING: return .string
        case PAL_JSON_ARRAY: return .array
        case PAL_JSON_OBJECT: return .object
        default: return .null
        }
    }

    /// The node's tree kind, when it is `kind`.
    @inline(__always)
    private func node(ofKind kind: Int) -> UnsafePointer<pal_json_node>? {
        guard let pointer, Int(pointer.pointee.kind) == kind else { return nil }
        return pointer
    }

    /// True for JSON `null`.
    public var isNull: Bool { kind == .null }

    /// The member named `key` of an object; nil when this is not an object or has no such key.
    public subscript(key: String) -> JSONNode? {
        var key = key
        return key.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { member(bytes: $0) }
        }
    }

    /// The member named by a NUL-terminated UTF-8 key, as the string subscript finds it.
    public func member(cString key: UnsafePointer<CChar>) -> JSONNode? {
        let length = strlen(key)
        return member(bytes: key, length: length, hash: pal_json_hash(key, length))
    }

    /// The member with the key's bytes up to its first NUL: keys are kept so, as json-c keeps
    /// them.
    func member(bytes key: UnsafeBufferPointer<CChar>) -> JSONNode? {
        let length = key.firstIndex(of: 0) ?? key.count
        return member(bytes: key.baseAddress, length: length, hash: pal_json_hash(key.baseAddress, length))
    }

    /// The member with a key whose length and ``pal_json_hash`` are known.
    @inline(__always)
    func member(bytes key: UnsafePointer<CChar>?, length: Int, hash: UInt32) -> JSONNode? {
        guard let object = node(ofKind: PAL_JSON_OBJECT) else { return nil }
        return pal_json_lookup(object, key, length, hash).map(JSONNode.init)
    }

    /// The element at `index` of an array; nil when this is not an array or out of range.
    public subscript(index: Int) -> JSONNode? {
        guard let array = node(ofKind: PAL_JSON_ARRAY), index >= 0, index < Int(array.pointee.count) else {
            return nil
        }
        return JSONNode(array.pointee.as.elements + index)
    }

    /// The number of elements of an array or members of an object; 0 for scalars.
    public var count: Int {
        guard let pointer else { return 0 }
        switch Int(pointer.pointee.kind) {
        case PAL_JSON_ARRAY, PAL_JSON_OBJECT: return Int(pointer.pointee.count)
        default: return 0
        }
    }

    /// The string, when this is a string.
    public var string: String? {
        withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the raw UTF-8 bytes of a string value, without copying; nil otherwise.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        guard let string = node(ofKind: PAL_JSON_STRING) else { return nil }
        let length = Int(string.pointee.count)
        return try string.pointee.as.string.withMemoryRebound(to: UInt8.self, capacity: length) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// The boolean, when this is `true` or `false`.
    public var bool: Bool? {
        node(ofKind: PAL_JSON_BOOL).map { $0.pointee.flag != 0 }
    }

    /// The integer, when this is an integral number that fits in 64 bits.
    public var int: Int64? {
        node(ofKind: PAL_JSON_INT).map { $0.pointee.as.integer }
    }

    /// The number as a double, for integral and fractional numbers alike.
    public var double: Double? {
        guard let pointer else { return nil }
        switch Int(pointer.pointee.kind) {
        case PAL_JSON_DOUBLE: return pointer.pointee.as.number
        case PAL_JSON_INT: return Double(pointer.pointee.as.integer)
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
    /// NUL-terminated UTF-8 the tree holds (valid while the document lives): for callers that
    /// compare names, or make a string of one only for the few members they keep.
    public func forEachNamedMember(_ body: (UnsafePointer<CChar>, JSONNode) throws -> Void) rethrows {
        guard let object = node(ofKind: PAL_JSON_OBJECT), let members = object.pointee.as.members else {
            return
        }
        for index in 0..<Int(object.pointee.count) {
            let member = members + index
            try body(
                member.pointee.key,
                JSONNode(
                    UnsafeRawPointer(member).advanced(by: valueOffset)
                        .assumingMemoryBound(to: pal_json_node.self)))
        }
    }

    /// Identity of the underlying node, usable to tell two views of the same node apart cheaply;
    /// nil for `null`, which has none worth telling apart.
    public var nodeIdentity: UnsafeRawPointer? {
        guard let pointer, Int(pointer.pointee.kind) != PAL_JSON_NULL else { return nil }
        return UnsafeRawPointer(pointer)
    }
}

/// Where a member's value lies inside the member.
private let valueOffset = MemoryLayout<pal_json_member>.offset(of: \pal_json_member.value)!

extension JSONDocument {
    /// The value of a node of this document's tree, which keeps the document alive.
    ///
    /// `node` must have been read from this document (or from a document sharing its tree).
    public func value(of node: JSONNode) -> JSONValue {
        JSONValue(node: node, document: self)
    }
}
