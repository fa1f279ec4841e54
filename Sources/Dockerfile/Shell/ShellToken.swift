/// A word as the lexer read it, before it becomes a ``ShellWord``.
struct LexedWord {
    /// Buffer offset of the first byte.
    let start: Int
    /// Buffer offset past the last byte.
    var end: Int
    /// The word after quote removal, expansions kept as written.
    var value: [UInt8] = []
    /// For each byte of `value`, the buffer offset it came from (used to parse `sh -c` strings).
    var valueOffsets: [Int] = []
    /// The word as written, line continuations removed.
    var text: [UInt8] = []
    var hasExpansion = false
    var hasSubstitution = false
    var isQuoted = false

    init(start: Int) {
        self.start = start
        self.end = start
    }

    /// The written text when the word is plain literal text (no quotes, no expansions).
    var literalText: String? {
        isQuoted || hasExpansion ? nil : String(decoding: text, as: UTF8.self)
    }

    /// The reserved word this word spells, when it can be one.
    var reservedWord: String? {
        guard let text = literalText, Self.reservedWords.contains(text) else { return nil }
        return text
    }

    /// Whether the word is a leading `NAME=value` assignment.
    var isAssignment: Bool {
        ShellSyntax.isAssignment(bytes: text)
    }

    private static let reservedWords: Set<String> = [
        "if", "then", "elif", "else", "fi", "while", "until", "do", "done", "for", "select", "case",
        "esac", "{", "}", "!", "function",
    ]
}

/// Control operators of the shell grammar.
enum ShellControlOperator: String {
    case and = "&&"
    case or = "||"
    case semicolon = ";"
    case background = "&"
    case pipe = "|"
    case pipeWithStandardError = "|&"
    case caseBreak = ";;"
    case caseFallThrough = ";&"
    case caseContinue = ";;&"
    case openParen = "("
    case doubleOpenParen = "(("
    case closeParen = ")"
}

/// One token of a shell script.
enum ShellToken {
    case word(LexedWord)
    case control(ShellControlOperator, at: Int)
    /// A redirection operator with its optional file descriptor (`2>`), covering `range`.
    case redirection(symbol: String, fileDescriptor: Int?, range: Range<Int>)
    case newline(at: Int)
    case end
}

/// A here-document whose body starts after the next newline.
struct PendingHereDocument {
    let delimiter: [UInt8]
    let stripsLeadingTabs: Bool
    let operatorOffset: Int
    /// The descriptor written before `<<` (`3<<EOF`); nil for standard input.
    let fileDescriptor: Int?
    /// Numbers the here-documents of one parser in the order they are opened.
    let serial: Int
}

/// A here-document body read before the command it belongs to was recorded: `cat <<EOF` ends at
/// the newline, and the lexer reads the body when it meets that newline, before the parser has
/// the whole command.
struct ReadHereDocument {
    let document: PendingHereDocument
    let body: [UInt8]
    /// The buffer offset of each byte of ``body``.
    let offsets: [Int]
}
