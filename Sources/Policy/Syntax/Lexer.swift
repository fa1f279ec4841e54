/// Splits CEL source text into tokens, reporting the exact position of any unreadable input.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// All tokens of the source, ending with `.end`.
    static func tokenize(_ source: String) throws(PolicyError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column, offset: index) }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let target = index + ahead
        return target < scalars.count ? scalars[target] : nil
    }

    private mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespaceAndComments() {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                advance()
            } else if scalar == "/", peek(1) == "/" {
                while let next = peek(), next != "\n" { advance() }
            } else {
                return
            }
        }
    }

    private mutating func next() throws(PolicyError) -> Token {
        skipWhitespaceAndComments()
        let start = position
        guard let scalar = peek() else { return Token(kind: .end, position: start) }
        if scalar.isDigit || (scalar == "." && (peek(1)?.isDigit ?? false)) {
            return Token(kind: try number(), position: start)
        }
        if scalar.isIdentifierStart {
            let prefix = peek(1)
            if scalar == "r" || scalar == "R", prefix == "\"" || prefix == "'" {
                advance()
                return Token(kind: .string(try string(raw: true)), position: start)
            }
            if scalar == "b" || scalar == "B", prefix == "\"" || prefix == "'" {
                throw PolicyError(.lexical, "bytes literals are not supported", at: start)
            }
            let first = index
            while let next = peek(), next.isIdentifierStart || next.isDigit { advance() }
            // Identifier scalars are ASCII: one UTF-8 string from the slice, rather than appending
            // scalar by scalar, which was a tenth of compiling a rule.
            let name = String(unsafeUninitializedCapacity: index - first) { buffer in
                for (offset, scalar) in scalars[first..<index].enumerated() {
                    buffer[offset] = UInt8(truncatingIfNeeded: scalar.value)
                }
                return index - first
            }
            return Token(kind: .identifier(name), position: start)
        }
        if scalar == "\"" || scalar == "'" {
            return Token(kind: .string(try string(raw: false)), position: start)
        }
        return Token(kind: .symbol(try symbol()), position: start)
    }

    private mutating func symbol() throws(PolicyError) -> TokenKind.Symbol {
        let start = position
        if let first = peek(), let second = peek(1), let pair = TokenKind.Symbol(first, second) {
            advance()
            advance()
            return pair
        }
        if let first = peek(), let single = TokenKind.Symbol(first) {
            advance()
            return single
        }
        let found = peek().map {
            $0.isPrintableASCII ? "'\($0)'" : "U+\(String($0.value, radix: 16, uppercase: true))"
        }
        if peek() == "&" || peek() == "|" || peek() == "=" {
            let spelling = String(peek() ?? " ")
            throw PolicyError(
                .lexical, "unexpected '\(spelling)'; did you mean '\(spelling)\(spelling)'?", at: start)
        }
        throw PolicyError(.lexical, "unexpected character \(found ?? "")", at: start)
    }

    private mutating func number() throws(PolicyError) -> TokenKind {
        let start = position
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            advance()
            advance()
            var digits = ""
            while let next = peek(), next.isHexDigit {
                digits.unicodeScalars.append(next)
                advance()
            }
            guard !digits.isEmpty, let value = UInt64(digits, radix: 16) else {
                throw PolicyError(.lexical, "invalid hexadecimal literal", at: start)
            }
            try rejectSuffix(start: start)
            return .integer(value)
        }
        var text = ""
        var isDouble = false
        while let next = peek(), next.isDigit {
            text.unicodeScalars.append(next)
            advance()
        }
        if peek() == ".", peek(1)?.isDigit ?? false {
            isDouble = true
            text += "."
            advance()
            while let next = peek(), next.isDigit {
                text.unicodeScalars.append(next)
                advance()
            }
        }
        if peek() == "e" || peek() == "E" {
            let signOffset = (peek(1) == "+" || peek(1) == "-") ? 2 : 1
            if peek(signOffset)?.isDigit ?? false {
                isDouble = true
                for _ in 0..<signOffset {
                    if let next = peek() { text.unicodeScalars.append(next) }
                    advance()
                }
                while let next = peek(), next.isDigit {
                    text.unicodeScalars.append(next)
                    advance()
                }
            }
        }
        try rejectSuffix(start: start)
        if isDouble {
            guard let value = Double(text.hasPrefix(".") ? "0" + text : text), value.isFinite else {
                throw PolicyError(.lexical, "floating-point literal out of range", at: start)
            }
            return .double(value)
        }
        guard let value = UInt64(text) else {
            throw PolicyError(.lexical, "integer literal out of range", at: start)
        }
        return .integer(value)
    }

    private func rejectSuffix(start: SourcePosition) throws(PolicyError) {
        guard let next = peek() else { return }
        if next == "u" || next == "U" {
            throw PolicyError(.lexical, "unsigned integers are not supported; drop the 'u' suffix", at: start)
        }
        if next.isIdentifierStart || next.isDigit || next == "." && !(peek(1)?.isIdentifierStart ?? false) {
            throw PolicyError(.lexical, "malformed number literal", at: start)
        }
    }

    /// Reads a quoted string (single, double or triple quotes) starting at the quote.
    private mutating func string(raw: Bool) throws(PolicyError) -> String {
        let start = position
        guard let quote = peek() else { throw PolicyError(.lexical, "unterminated string", at: start) }
        let triple = peek(1) == quote && peek(2) == quote
        for _ in 0..<(triple ? 3 : 1) { advance() }
        var text = ""
        while true {
            guard let scalar = peek() else {
                throw PolicyError(.lexical, "unterminated string literal", at: start)
            }
            if scalar == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                for _ in 0..<(triple ? 3 : 1) { advance() }
                return text
            }
            if !triple, scalar == "\n" || scalar == "\r" {
                throw PolicyError(
                    .lexical, "unterminated string literal; use triple quotes for multi-line text", at: start)
            }
            if scalar == "\\", !raw {
                text.unicodeScalars.append(try escape())
            } else {
                text.unicodeScalars.append(scalar)
                advance()
            }
        }
    }

    /// Decodes one escape sequence starting at the backslash.
    private mutating func escape() throws(PolicyError) -> Unicode.Scalar {
        let start = position
        advance()
        guard let letter = peek() else {
            throw PolicyError(.lexical, "unterminated string literal", at: start)
        }
        advance()
        switch letter {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "\\", "\"", "'", "`", "?": return letter
        case "x", "X": return try codePoint(digits: 2, radix: 16, start: start)
        case "u": return try codePoint(digits: 4, radix: 16, start: start)
        case "U": return try codePoint(digits: 8, radix: 16, start: start)
        case "0"..."3":
            var value = letter.value - 48
            for _ in 0..<2 {
                guard let digit = peek(), ("0"..."7").contains(digit) else {
                    throw PolicyError(.lexical, "octal escape needs three digits", at: start)
                }
                value = value * 8 + digit.value - 48
                advance()
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw PolicyError(.lexical, "invalid octal escape", at: start)
            }
            return scalar
        default:
            throw PolicyError(.lexical, "invalid escape sequence '\\\(letter)'", at: start)
        }
    }

    private mutating func codePoint(
        digits: Int, radix: Int, start: SourcePosition
    ) throws(PolicyError)
        -> Unicode.Scalar
    {
        var text = ""
        for _ in 0..<digits {
            guard let digit = peek(), digit.isHexDigit else {
                throw PolicyError(.lexical, "escape needs \(digits) hexadecimal digits", at: start)
            }
            text.unicodeScalars.append(digit)
            advance()
        }
        guard let value = UInt32(text, radix: radix), let scalar = Unicode.Scalar(value) else {
            throw PolicyError(.lexical, "escape is not a valid Unicode code point", at: start)
        }
        return scalar
    }
}

extension Unicode.Scalar {
    fileprivate var isDigit: Bool { ("0"..."9").contains(self) }
    fileprivate var isHexDigit: Bool { isDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
    fileprivate var isIdentifierStart: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_"
    }
    fileprivate var isPrintableASCII: Bool { value > 0x20 && value < 0x7F }
}

extension TokenKind.Symbol {
    /// The two-scalar symbol spelt `first` `second`, if any: a switch rather than a raw-value
    /// lookup, which builds a string and compares it with every case, for every symbol read.
    fileprivate init?(_ first: Unicode.Scalar, _ second: Unicode.Scalar) {
        switch (first, second) {
        case ("<", "="): self = .lessEqual
        case (">", "="): self = .greaterEqual
        case ("=", "="): self = .equal
        case ("!", "="): self = .notEqual
        case ("&", "&"): self = .and
        case ("|", "|"): self = .or
        default: return nil
        }
    }

    /// The one-scalar symbol spelt `scalar`, if any.
    fileprivate init?(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "(": self = .leftParen
        case ")": self = .rightParen
        case "[": self = .leftBracket
        case "]": self = .rightBracket
        case "{": self = .leftBrace
        case "}": self = .rightBrace
        case ".": self = .dot
        case ",": self = .comma
        case ":": self = .colon
        case "?": self = .question
        case "!": self = .not
        case "-": self = .minus
        case "+": self = .plus
        case "*": self = .star
        case "/": self = .slash
        case "%": self = .percent
        case "<": self = .less
        case ">": self = .greater
        default: return nil
        }
    }
}
