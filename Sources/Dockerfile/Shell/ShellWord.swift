/// One shell word, both as written and after quote removal.
///
/// Quote removal follows POSIX: single quotes, double quotes and backslash escapes are removed;
/// parameter expansions (`$X`, `${X}`), command substitutions (`$(...)`, backticks), arithmetic
/// (`$((...))`) and process substitutions (`<(...)`) are *kept as written*, because their value
/// is only known when the build runs.
public struct ShellWord: Sendable, Equatable, Encodable {
    /// The word exactly as written in the source, with line continuations (`\` + newline) removed.
    public let text: String
    /// The word after quote removal, expansions kept as written (`"$HOME/a b"` gives `$HOME/a b`).
    public let value: String
    /// Whether the word contains an unquoted-or-double-quoted expansion or substitution.
    public let hasExpansion: Bool
    /// Whether the word contains a command substitution, backticks or a process substitution.
    public let hasSubstitution: Bool
    /// Whether any part of the word was quoted or backslash-escaped.
    public let isQuoted: Bool
    /// UTF-8 offsets of the word in the parsed source.
    public let range: Range<Int>

    /// Creates a word from its parts; the parser is the usual producer.
    public init(
        text: String, value: String, hasExpansion: Bool, hasSubstitution: Bool, isQuoted: Bool,
        range: Range<Int>
    ) {
        self.text = text
        self.value = value
        self.hasExpansion = hasExpansion
        self.hasSubstitution = hasSubstitution
        self.isQuoted = isQuoted
        self.range = range
    }

    /// Whether the word is plain literal text: no quotes, no escapes, no expansions.
    ///
    /// Only literal words can be reserved words (`if`, `then`, `{`, ...) or assignment prefixes.
    public var isLiteral: Bool { !isQuoted && !hasExpansion }
}
