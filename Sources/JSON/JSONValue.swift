/// A read-only view of one value inside a ``JSONDocument``.
///
/// A view is two words: the tree node and the document that keeps it alive. Reading a member
/// or an element never copies the tree.
///
/// `@unchecked` because the node is a C pointer the compiler cannot check: the tree is never
/// written after it is built, only read (see ``JSONDocument``).
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

    /// The node this value reads.
    public let node: JSONNode
    /// The document that owns the node.
    public let document: JSONDocument

    init(node: JSONNode, document: JSONDocument) {
        self.node = node
        self.document = document
    }

    /// The same value, kept alive by a new document handle on the same tree.
    ///
    /// Every view read from a value retains the value's document, atomically. When two threads
    /// read views of one document at the same time, that shared count moves between their cores
    /// on every read; a reader that works on one part of a document (a plan's resource) takes a
    /// handle of its own for it first, so that its views retain an object no other thread
    /// touches. The views compare and read exactly as before.
    public func withHandleOfItsOwn() -> JSONValue {
        JSONValue(node: node, document: JSONDocument(sharing: document.tree))
    }

    /// The JSON type of this value.
    public var kind: Kind { node.kind }

    /// True for JSON `null`.
    public var isNull: Bool { node.isNull }

    /// The member named `key` of an object; nil when this is not an object or has no such key.
    ///
    /// A member whose value is `null` is returned as a value of kind ``Kind/null``.
    public subscript(key: String) -> JSONValue? {
        key.withCString { member(cString: $0) }
    }

    /// The member named by a NUL-terminated UTF-8 key, as the string subscript finds it;
    /// for callers that look the same key up in several objects.
    public func member(cString key: UnsafePointer<CChar>) -> JSONValue? {
        node.member(cString: key).map { JSONValue(node: $0, document: document) }
    }

    /// The element at `index` of an array; nil when this is not an array or out of range.
    public subscript(index: Int) -> JSONValue? {
        node[index].map { JSONValue(node: $0, document: document) }
    }

    /// The number of elements of an array or members of an object; 0 for scalars.
    public var count: Int { node.count }

    /// The string, when this is a string.
    public var string: String? { node.string }

    /// Calls `body` with the raw UTF-8 bytes of a string value, without copying; nil otherwise.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try node.withUTF8(body)
    }

    /// The boolean, when this is `true` or `false`.
    public var bool: Bool? { node.bool }

    /// The integer, when this is an integral number that fits in 64 bits.
    public var int: Int64? { node.int }

    /// The number as a double, for integral and fractional numbers alike.
    public var double: Double? { node.double }

    /// The elements of an array (empty for other kinds).
    public var elements: JSONElements { JSONElements(array: self) }

    /// The members of an object in document order (empty for other kinds).
    public var members: [(key: String, value: JSONValue)] {
        var result: [(key: String, value: JSONValue)] = []
        forEachMember { key, value in result.append((key, value)) }
        return result
    }

    /// The keys of an object in document order (empty for other kinds).
    public var keys: [String] { node.keys }

    /// Calls `body` for each member of an object in document order, without building an array.
    public func forEachMember(_ body: (String, JSONValue) throws -> Void) rethrows {
        try node.forEachMember { key, member in try body(key, JSONValue(node: member, document: document)) }
    }

    /// Identity of the underlying node, usable to tell two views of the same node apart cheaply.
    public var nodeIdentity: UnsafeRawPointer? { node.nodeIdentity }
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
        array[position] ?? JSONValue(node: JSONNode(nil), document: array.document)
    }
}
