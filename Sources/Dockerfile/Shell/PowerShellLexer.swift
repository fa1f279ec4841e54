/// The tokens of a PowerShell script, as far as telling commands from their arguments needs.
///
/// Not a full PowerShell grammar: enough to split statements, pipelines and commands, to know
/// what is quoted text, and to follow parenthesized, `$(...)`, `@(...)` and `{...}` groups,
/// whose commands run too. Operators and type literals are read as words.
enum PowerShellToken: Equatable {
    /// A bare word: a command name, a parameter (`-Uri`), a variable, a number, a path.
    case word(String)
    /// A quoted string's text, and the `$(...)` subexpressions of a double-quoted one.
    case string(String, subexpressions: [String])
    /// `.Name(` or `::Name(`: a .NET method called on what comes before.
    case method(String)
    /// `(`, `$(`, `@(`, `{` or `@{`.
    case open
    /// `)` or `}`.
    case close
    /// `|`.
    case pipe
    /// `;`, a new line, `&&` or `||`: the end of a pipeline.
    case separator
}

/// Splits PowerShell text into ``PowerShellToken``s.
struct PowerShellLexer {
    private let bytes: [UInt8]
    private var index = 0
    private(set) var tokens: [PowerShellToken] = []

    /// The tokens of `text`.
    static func tokens(_ text: String) -> [PowerShellToken] {
        var lexer = PowerShellLexer(bytes: Array(text.utf8))
        lexer.run()
        return lexer.tokens
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// How deeply strings and subexpressions nest before the rest is read as text.
    static let maximumDepth = 64

    private func byte(at offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func run() {
        while let current = byte() {
            switch current {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ","):
                index += 1
            case ByteClass.backtick
            where byte(at: 1) == UInt8(ascii: "\n") || byte(at: 1) == UInt8(ascii: "\r"):
                // A line continuation.
                index += 2
                if byte(at: -1) == UInt8(ascii: "\r"), byte() == UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\n"), UInt8(ascii: ";"):
                tokens.append(.separator)
                index += 1
            case UInt8(ascii: "#"):
                while let next = byte(), next != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "<") where byte(at: 1) == UInt8(ascii: "#"):
                skipBlockComment()
            case UInt8(ascii: "|"):
                if byte(at: 1) == UInt8(ascii: "|") {
                    tokens.append(.separator)
                    index += 2
                } else {
                    tokens.append(.pipe)
                    index += 1
                }
            case UInt8(ascii: "&") where byte(at: 1) == UInt8(ascii: "&"):
                tokens.append(.separator)
                index += 2
            case UInt8(ascii: "("), UInt8(ascii: "{"):
                tokens.append(.open)
                index += 1
            case UInt8(ascii: "$") where byte(at: 1) == UInt8(ascii: "("):
                tokens.append(.open)
                index += 2
            case UInt8(ascii: "@") where byte(at: 1) == UInt8(ascii: "(") || byte(at: 1) == UInt8(ascii: "{"):
                tokens.append(.open)
                index += 2
            case UInt8(ascii: "@")
            where byte(at: 1) == UInt8(ascii: "'") || byte(at: 1) == UInt8(ascii: "\""):
                readHereString(quote: byte(at: 1)!)
            case UInt8(ascii: ")"), UInt8(ascii: "}"):
                tokens.append(.close)
                index += 1
                readMember()
            case UInt8(ascii: "'"):
                index += 1
                tokens.append(.string(readSingleQuoted(), subexpressions: []))
                readMember()
            case UInt8(ascii: "\""):
                index += 1
                let (text, subexpressions) = readDoubleQuoted(closing: UInt8(ascii: "\""))
                tokens.append(.string(text, subexpressions: subexpressions))
                readMember()
            default:
                readWord()
            }
        }
    }

    private mutating func skipBlockComment() {
        index += 2
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "#"), byte(at: 1) == UInt8(ascii: ">") {
                index += 2
                return
            }
            index += 1
        }
    }

    /// `'...'`, where `''` is one quote; the opening quote is read.
    private mutating func readSingleQuoted() -> String {
        var text: [UInt8] = []
        while let current = byte() {
            index += 1
            if current == UInt8(ascii: "'") {
                guard byte() == UInt8(ascii: "'") else { break }
                index += 1
            }
            text.append(current)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A double-quoted string up to `closing` (the opening quote is read): backtick escapes,
    /// `""` as one quote, and the text of each `$(...)` subexpression, whose commands run.
    private mutating func readDoubleQuoted(closing: UInt8?, depth: Int = 0) -> (String, [String]) {
        var text: [UInt8] = []
        var subexpressions: [String] = []
        while let current = byte() {
            if let closing, current == closing {
                index += 1
                guard byte() == closing else { break }
                index += 1
                text.append(current)
                continue
            }
            if closing == nil, current == UInt8(ascii: "\n"), isHereStringEnd(quote: UInt8(ascii: "\"")) {
                break
            }
            if current == ByteClass.backtick, let escaped = byte(at: 1) {
                text.append(escaped)
                index += 2
                continue
            }
            if current == UInt8(ascii: "$"), byte(at: 1) == UInt8(ascii: "("), depth < Self.maximumDepth {
                let start = index + 2
                skipGroup(from: start, depth: depth + 1)
                let end = max(start, index - 1)
                subexpressions.append(String(decoding: bytes[start..<end], as: UTF8.self))
                text.append(contentsOf: bytes[(start - 2)..<index])
                continue
            }
            text.append(current)
            index += 1
        }
        return (String(decoding: text, as: UTF8.self), subexpressions)
    }

    /// Moves past the `)` that closes a group opened before `start`, over nested groups and
    /// quoted text.
    private mutating func skipGroup(from start: Int, depth: Int) {
        index = start
        var open = 1
        while let current = byte() {
            index += 1
            switch current {
            case UInt8(ascii: "("): open += 1
            case UInt8(ascii: ")"):
                open -= 1
                if open == 0 { return }
            case UInt8(ascii: "'"): _ = readSingleQuoted()
            case UInt8(ascii: "\""): _ = readDoubleQuoted(closing: UInt8(ascii: "\""), depth: depth)
            default: break
            }
        }
    }

    /// `@'` or `@"`, a new line, the text, and `'@` or `"@` at the start of a line.
    private mutating func readHereString(quote: UInt8) {
        index += 2
        while let current = byte(), current != UInt8(ascii: "\n") { index += 1 }
        index += 1
        if quote == UInt8(ascii: "'") {
            let start = index
            while index < bytes.count, !(bytes[index] == UInt8(ascii: "\n") && isHereStringEnd(quote: quote))
            {
                index += 1
            }
            let text = String(
                decoding: bytes[min(start, bytes.count)..<min(index, bytes.count)], as: UTF8.self)
            tokens.append(.string(text, subexpressions: []))
        } else {
            let (text, subexpressions) = readDoubleQuoted(closing: nil)
            tokens.append(.string(text, subexpressions: subexpressions))
        }
        // The new line and the closing quote and @.
        index = min(bytes.count, index + 3)
    }

    /// True at a new line that is followed by the closing quote and `@` of a here-string.
    private func isHereStringEnd(quote: UInt8) -> Bool {
        byte(at: 1) == quote && byte(at: 2) == UInt8(ascii: "@")
    }

    /// Reads the members after a closing bracket, a string or a word.
    ///
    /// `.Name(` or `::Name(` is a method call; `.Name` a property, read as a word. Read in a
    /// loop: a chain of members is as long as the text.
    private mutating func readMember() {
        while true {
            var start = index
            if byte() == UInt8(ascii: "."), byte(at: 1).map(ByteClass.isNameByte) == true {
                start += 1
            } else if byte() == UInt8(ascii: ":"), byte(at: 1) == UInt8(ascii: ":") {
                start += 2
            } else {
                return
            }
            var end = start
            while end < bytes.count, ByteClass.isNameByte(bytes[end]) { end += 1 }
            guard end > start else { return }
            let name = String(decoding: bytes[start..<end], as: UTF8.self)
            index = end
            guard byte() != UInt8(ascii: "(") else {
                tokens.append(.method(name))
                return
            }
            tokens.append(.word("." + name))
        }
    }

    /// A bare word, up to white space or a character that ends one; a type literal `[...]` is
    /// read whole, with a `::Member` after it.
    private mutating func readWord() {
        var text: [UInt8] = []
        if byte() == UInt8(ascii: "[") {
            while let current = byte() {
                text.append(current)
                index += 1
                if current == UInt8(ascii: "]") { break }
            }
        }
        wordLoop: while let current = byte() {
            switch current {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"),
                UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "'"),
                UInt8(ascii: "\""):
                break wordLoop
            case UInt8(ascii: "&") where byte(at: 1) == UInt8(ascii: "&"):
                break wordLoop
            case UInt8(ascii: "."), UInt8(ascii: ":"):
                // `.Method(` and `::Method(` after a name are calls, not part of the word.
                if !text.isEmpty, isMethodCall() { break wordLoop }
                text.append(current)
                index += 1
            case ByteClass.backtick:
                guard let escaped = byte(at: 1) else {
                    index += 1
                    break wordLoop
                }
                if escaped == UInt8(ascii: "\n") || escaped == UInt8(ascii: "\r") { break wordLoop }
                text.append(escaped)
                index += 2
            default:
                text.append(current)
                index += 1
            }
        }
        if text.isEmpty {
            // A character no case reads: move on.
            index += 1
            return
        }
        tokens.append(.word(String(decoding: text, as: UTF8.self)))
        readMember()
    }

    /// True at `.Name(` or `::Name(`.
    private func isMethodCall() -> Bool {
        var offset = byte() == UInt8(ascii: ":") ? (byte(at: 1) == UInt8(ascii: ":") ? 2 : 0) : 1
        guard offset > 0, byte(at: offset).map(ByteClass.isNameByte) == true else { return false }
        while let next = byte(at: offset), ByteClass.isNameByte(next) { offset += 1 }
        return byte(at: offset) == UInt8(ascii: "(")
    }
}
