/// Where the members of a root JSON object lie in the text, as recorded by ``JSONValidator``.
///
/// Offsets are byte offsets into the validated UTF-8 text. The layout is what lets the parallel
/// parse hand each member value, or each run of a big array's elements, to a builder of its own.
struct JSONLayout: Equatable {
    /// One `key: value` member of the root object, in document order (duplicates included).
    struct Member: Equatable {
        /// The key token, quotes included (json-c accepts `'` as well as `"` around keys).
        var key: Range<Int>
        /// The value token or container, from its first to its last byte.
        var value: Range<Int>
        /// When the value is an array: each element's bytes, in order; empty otherwise.
        var elements: [Range<Int>]
    }

    /// True when the root value is an object.
    var rootIsObject: Bool
    /// The members of the root object, in document order; empty for any other root.
    var members: [Member]
}
