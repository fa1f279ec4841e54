/// Splits HCL native syntax into tokens and comments.
///
/// Strings are scanned as templates: `${...}` and `%{...}` sequences may hold nested braces and
/// further strings, and `$${` / `%%{` are literal. Heredocs run to the line holding only their
/// marker. Comments in all three forms (`#`, `//`, `/* */`) are set aside with their lines.
struct HCLLexer {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private(set) var tokens: [HCLToken] = []
    private(set) var comments: [HCLComment] = []

    /// Tokenizes `bytes`; `file` names the file in errors.
    static func tokenize(
        _ bytes: [UInt8], file: String
    ) throws(HCLSyntaxError) -> (
        tokens: [HCLToken], comments: [HCLComment]
    ) {
        var lexer = HCLLexer(bytes: bytes, file: file)
        try lexer.run()
        return (lexer.tokens, lexer.comments)
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        // A UTF-8 byte order mark is not part of the text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            lineStart = 3
        }
    }

    private var column: Int { position - lineStart + 1 }

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private func error(_ message: String, line: Int? = nil, column: Int? = nil) -> HCLSyntaxError {
        HCLSyntaxError(file: file, line: line ?? self.line, column: column ?? self.column, message: message)
    }

    /// Consumes a line break (`\n` or `\r\n`) at the current position, if there is one.
    private mutating func consumeLineBreak() -> Bool {
        if peek() == newline {
            position += 1
        } else if peek() == carriageReturn, peek(1) == newline {
            position += 2
        } else {
            return false
        }
        line += 1
        lineStart = position
        return true
    }

    private mutating func run() throws(HCLSyntaxError) {
        while let byte = peek() {
            let (startLine, startColumn, start) = (line, column, position)
            func emit(_ kind: HCLToken.Kind) {
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                tokens.append(
                    HCLToken(kind: kind, text: text, line: startLine, column: startColumn, endLine: line))
            }
            if consumeLineBreak() {
                tokens.append(
                    HCLToken(
                        kind: .newline, text: "\n", line: startLine, column: startColumn, endLine: startLine))
                continue
            }
            switch byte {
            case space, tab, carriageReturn:
                position += 1
            case hash:
                skipLineComment(openerLength: 1)
            case slash where peek(1) == slash:
                skipLineComment(openerLength: 2)
            case slash where peek(1) == star:
                try skipBlockComment()
            case quote:
                try scanQuotedString()
                emit(.quotedString)
            case less where peek(1) == less:
                try scanHeredoc()
                emit(.heredoc)
            case openBrace, openBracket, openParenthesis:
                position += 1
                emit(.open)
            case closeBrace, closeBracket, closeParenthesis:
                position += 1
                emit(.close)
            case equalsSign:
                position += 1
                if peek() == equalsSign || peek() == greater {
                    position += 1
                    emit(.symbol)
                } else {
                    emit(.equals)
                }
            case exclamation, less, greater:
                position += 1
                if peek() == equalsSign { position += 1 }
                emit(.symbol)
            default:
                if Self.isIdentifierStart(byte) {
                    while let next = peek(), Self.isIdentifierContinue(next) { position += 1 }
                    emit(.identifier)
                } else if Self.isDigit(byte) {
                    scanNumber()
                    emit(.number)
                } else if byte < 0x20 || byte == 0x7F {
                    throw error("unexpected control character 0x\(String(byte, radix: 16, uppercase: true))")
                } else {
                    position += 1
                    emit(.symbol)
                }
            }
        }
    }

    private mutating func skipLineComment(openerLength: Int) {
        let start = position + openerLength
        while let byte = peek(), byte != newline {
            if byte == carriageReturn, peek(1) == newline { break }
            position += 1
        }
        comments.append(
            HCLComment(line: line, text: String(decoding: bytes[start..<position], as: UTF8.self)))
    }

    private mutating func skipBlockComment() throws(HCLSyntaxError) {
        let (startLine, startColumn) = (line, column)
        position += 2
        let start = position
        while position < bytes.count {
            if peek() == star, peek(1) == slash {
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                comments.append(HCLComment(line: startLine, text: text))
                position += 2
                return
            }
            if !consumeLineBreak() { position += 1 }
        }
        throw error("unterminated /* comment", line: startLine, column: startColumn)
    }

    private mutating func scanNumber() {
        while let byte = peek(), Self.isDigit(byte) || byte == dot { position += 1 }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            position += 1
            if let sign = peek(), sign == plus || sign == minus { position += 1 }
            while let byte = peek(), Self.isDigit(byte) { position += 1 }
        }
    }

    /// Scans `"..."` from its opening quote, templates included.
    private mutating func scanQuotedString() throws(HCLSyntaxError) {
        let (startLine, startColumn) = (line, column)
        position += 1
        while let byte = peek() {
            let isLineBreak = byte == newline || (byte == carriageReturn && peek(1) == newline)
            let startsSequence = byte == dollar || byte == percent
            if byte == quote {
                position += 1
                return
            } else if isLineBreak {
                throw error(
                    "unterminated string: a quoted string cannot span lines", line: startLine,
                    column: startColumn)
            } else if byte == backslash {
                position += peek(1) == newline || peek(1) == carriageReturn ? 1 : 2
            } else if startsSequence, peek(1) == openBrace {
                try scanTemplateSequence()
            } else if startsSequence, peek(1) == byte, peek(2) == openBrace {
                // `$${` and `%%{` are literal text.
                position += 3
            } else {
                position += 1
            }
        }
        throw error("unterminated string", line: startLine, column: startColumn)
    }

    /// Scans `${...}` or `%{...}` from its `$` or `%` to the matching `}`.
    ///
    /// Inside, braces nest (object constructors) and strings are scanned as strings, so a `}` in
    /// them does not close the sequence. Expressions may span lines here.
    private mutating func scanTemplateSequence() throws(HCLSyntaxError) {
        let (startLine, startColumn) = (line, column)
        position += 2
        var depth = 1
        while let byte = peek() {
            if consumeLineBreak() { continue }
            switch byte {
            case openBrace:
                depth += 1
                position += 1
            case closeBrace:
                depth -= 1
                position += 1
                if depth == 0 { return }
            case quote:
                try scanQuotedString()
            case less where peek(1) == less:
                try scanHeredoc()
            default:
                position += 1
            }
        }
        throw error("unterminated template sequence", line: startLine, column: startColumn)
    }

    /// Scans a heredoc from `<<` through its closing marker line (and that line's break).
    private mutating func scanHeredoc() throws(HCLSyntaxError) {
        let (startLine, startColumn) = (line, column)
        position += 2
        if peek() == minus { position += 1 }
        let markerStart = position
        while let byte = peek(), Self.isIdentifierContinue(byte) { position += 1 }
        let marker = Array(bytes[markerStart..<position])
        guard !marker.isEmpty, Self.isIdentifierStart(marker[0]) else {
            throw error("a heredoc needs a marker name after <<", line: startLine, column: startColumn)
        }
        guard consumeLineBreak() else {
            throw error("a heredoc marker must end its line", line: startLine, column: startColumn)
        }
        while position < bytes.count {
            // The closing marker may be indented in both forms.
            var scan = position
            while scan < bytes.count, bytes[scan] == space || bytes[scan] == tab { scan += 1 }
            let end = scan + marker.count
            if end <= bytes.count, Array(bytes[scan..<end]) == marker {
                let atLineEnd =
                    end == bytes.count || bytes[end] == newline
                    || (bytes[end] == carriageReturn && end + 1 < bytes.count && bytes[end + 1] == newline)
                if atLineEnd {
                    position = end
                    return
                }
            }
            while position < bytes.count, !consumeLineBreak() { position += 1 }
        }
        throw error(
            "unterminated heredoc: no line holds only \(String(decoding: marker, as: UTF8.self))",
            line: startLine, column: startColumn)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == underscore || byte >= 0x80
    }

    private static func isIdentifierContinue(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte) || byte == minus
    }
}

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let hash = UInt8(ascii: "#")
private let slash = UInt8(ascii: "/")
private let star = UInt8(ascii: "*")
private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")
private let dollar = UInt8(ascii: "$")
private let percent = UInt8(ascii: "%")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let openParenthesis = UInt8(ascii: "(")
private let closeParenthesis = UInt8(ascii: ")")
private let equalsSign = UInt8(ascii: "=")
private let exclamation = UInt8(ascii: "!")
private let less = UInt8(ascii: "<")
private let greater = UInt8(ascii: ">")
private let underscore = UInt8(ascii: "_")
private let minus = UInt8(ascii: "-")
private let plus = UInt8(ascii: "+")
private let dot = UInt8(ascii: ".")
