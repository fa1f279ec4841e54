/// One lexical token of HCL's native syntax, as far as locating blocks and attributes needs.
///
/// A quoted string or heredoc is one token however many templates, braces or lines it holds,
/// so the structure around it cannot be confused by what is inside.
struct HCLToken: Sendable, Equatable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        /// A name: letters, digits, `_` and `-`, not starting with a digit or `-`.
        case identifier
        /// A numeric literal.
        case number
        /// A quoted template, `"..."`, including any `${...}` and `%{...}` in it.
        case quotedString
        /// A heredoc template, `<<EOF ... EOF` or `<<-EOF ... EOF`.
        case heredoc
        /// A lone `=` (not part of `==`, `=>`, `<=`, `>=` or `!=`).
        case equals
        /// `{`, `[` or `(`.
        case open
        /// `}`, `]` or `)`.
        case close
        /// A line break outside brackets matters to the grammar; comments are not tokens.
        case newline
        /// Any other operator or punctuation.
        case symbol
    }

    /// What the token is.
    var kind: Kind
    /// The token's text (a quoted string keeps its quotes; a heredoc is whole, markers included).
    var text: String
    /// The 1-based line the token starts on.
    var line: Int
    /// The 1-based byte column the token starts at.
    var column: Int
    /// The line the token ends on (later than `line` for heredocs and multi-line templates).
    var endLine: Int
}

/// A comment in a configuration file, kept for inline suppressions.
public struct HCLComment: Sendable, Equatable {
    /// The 1-based line the comment starts on.
    public var line: Int
    /// The comment's text with its `#`, `//` or `/*` opener and any `*/` removed.
    public var text: String

    /// Creates a comment.
    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }
}
