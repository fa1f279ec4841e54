/// A member of a document's root object as a caller sees it before the member is parsed.
///
/// ``JSONDocument/parse(_:maximumDepth:omittingTopLevelMembers:)-(UnsafeRawBufferPointer,_,_)``
/// hands the root's members to the caller, who names the ones to leave out of the tree.
public struct JSONTopLevelMember: Sendable, Equatable {
    /// The JSON type of a member's value, known from its first byte.
    public enum ValueKind: String, Sendable {
        /// An object.
        case object
        /// An array.
        case array
        /// A string.
        case string
        /// A number (including json-c's `NaN`, `Infinity` and `-Infinity`).
        case number
        /// `true` or `false`.
        case boolean
        /// `null`.
        case null
    }

    /// The member's key, as ``JSONValue/keys`` would spell it.
    public let key: String
    /// The type of the member's value; for a key given twice, of the value json-c keeps (the last).
    public let valueKind: ValueKind

    /// Creates a member description.
    public init(key: String, valueKind: ValueKind) {
        self.key = key
        self.valueKind = valueKind
    }
}
