/// Reads the block and attribute structure of HCL native syntax (`.tf` files).
///
/// Expressions are skipped by bracket matching over tokens: strings, heredocs and templates
/// are single tokens, so braces inside them never count. A body ends at its `}`; an attribute
/// ends at a line break outside brackets, or at the `}` of a one-line block.
public enum HCLParser {
    /// Parses a `.tf` file's bytes; `path` names it in the result and in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(HCLSyntaxError) -> HCLFile {
        let (tokens, comments) = try HCLLexer.tokenize(bytes, file: path)
        var reader = TokenReader(tokens: tokens, file: path)
        let body = try reader.body(opener: nil)
        let linesWithCode = Set(tokens.lazy.filter { $0.kind != .newline }.map(\.line))
        return HCLFile(path: path, body: body, comments: comments, linesWithCode: linesWithCode)
    }
}

private struct TokenReader {
    let tokens: [HCLToken]
    let file: String
    var index = 0

    init(tokens: [HCLToken], file: String) {
        self.tokens = tokens
        self.file = file
    }

    var current: HCLToken? { index < tokens.count ? tokens[index] : nil }

    func error(_ message: String, at token: HCLToken?) -> HCLSyntaxError {
        let last = tokens.last
        return HCLSyntaxError(
            file: file, line: token?.line ?? last?.endLine ?? 1, column: token?.column ?? 1, message: message)
    }

    func describe(_ token: HCLToken) -> String {
        switch token.kind {
        case .newline: "a line break"
        case .quotedString: "a string"
        case .heredoc: "a heredoc"
        default: "'\(token.text)'"
        }
    }

    /// Reads a body up to its closing `}` (consumed), or to the end of the file when `opener`
    /// is nil; with `readingReferences` (a top-level `locals` block), its attributes' references
    /// too and their values as expressions (``HCLBuiltValue/readLocal(_:)``), and with
    /// `readingArguments` (a module call) an argument that is one attribute traversal as such.
    mutating func body(
        opener: HCLToken?, readingReferences: Bool = false, readingArguments: Bool = false
    ) throws(HCLSyntaxError) -> HCLBody {
        var body = HCLBody()
        while true {
            while current?.kind == .newline { index += 1 }
            guard let token = current else {
                if let opener {
                    throw error("unclosed block: the { on line \(opener.line) has no closing }", at: opener)
                }
                return body
            }
            if token.kind == .close, token.text == "}" {
                guard opener != nil else { throw error("unexpected }: no block is open", at: token) }
                index += 1
                return body
            }
            guard token.kind == .identifier else {
                throw error("expected an attribute name or a block type, found \(describe(token))", at: token)
            }
            index += 1
            if current?.kind == .equals {
                index += 1
                let start = index
                let end = try skipExpression(after: token)
                let valueTokens = tokens[start..<index].filter { $0.kind != .newline }
                var literal: String?
                if valueTokens.count == 1, let value = valueTokens.first {
                    if value.kind == .quotedString, !value.text.contains("${"), !value.text.contains("%{") {
                        literal = unquote(value.text)
                    } else if value.kind == .number || value.text == "true" || value.text == "false" {
                        literal = value.text
                    }
                }
                body.attributes.append(
                    HCLAttribute(
                        name: token.text, line: token.line, endLine: end, literal: literal,
                        references: readingReferences
                            ? HCLReferences.references(in: tokens[start..<index]) : [],
                        builtValue: readingArguments
                            ? HCLBuiltValue.readArgument(Array(tokens[start..<index]))
                            : readingReferences
                                ? HCLBuiltValue.readLocal(Array(tokens[start..<index]))
                                : HCLBuiltValue.read(Array(tokens[start..<index]))))
                continue
            }
            var labels: [String] = []
            while let label = current, label.kind == .quotedString || label.kind == .identifier {
                labels.append(label.kind == .quotedString ? unquote(label.text) : label.text)
                index += 1
            }
            guard let brace = current, brace.kind == .open, brace.text == "{" else {
                let found = current.map(describe) ?? "the end of the file"
                throw error("expected = or { after '\(token.text)', found \(found)", at: current ?? token)
            }
            index += 1
            // Only locals: a plan records every other expression's references itself.
            let inner = try self.body(
                opener: brace, readingReferences: opener == nil && token.text == "locals",
                readingArguments: opener == nil && token.text == "module")
            let endLine = tokens[index - 1].line
            body.blocks.append(
                HCLBlock(type: token.text, labels: labels, line: token.line, endLine: endLine, body: inner))
        }
    }

    /// Skips an attribute's expression; returns the line it ends on.
    mutating func skipExpression(after name: HCLToken) throws(HCLSyntaxError) -> Int {
        var open: [HCLToken] = []
        var endLine = name.line
        var sawValue = false
        while let token = current {
            switch token.kind {
            case .newline where open.isEmpty:
                guard sawValue else {
                    throw error("expected an expression after '\(name.text) ='", at: token)
                }
                return endLine
            case .open:
                open.append(token)
            case .close:
                guard let opener = open.popLast() else {
                    // The `}` of a one-line block ends the attribute; the body reads it.
                    guard token.text == "}", sawValue else {
                        throw error("unexpected \(token.text) in the value of '\(name.text)'", at: token)
                    }
                    return endLine
                }
                guard Self.closer(of: opener.text) == token.text else {
                    throw error(
                        "\(token.text) does not close the \(opener.text) on line \(opener.line)", at: token)
                }
            default:
                break
            }
            if token.kind != .newline {
                sawValue = true
                endLine = token.endLine
            }
            index += 1
        }
        if let opener = open.last {
            throw error("unclosed \(opener.text) in the value of '\(name.text)'", at: opener)
        }
        guard sawValue else { throw error("expected an expression after '\(name.text) ='", at: name) }
        return endLine
    }

    static func closer(of opener: String) -> String {
        switch opener {
        case "{": "}"
        case "[": "]"
        default: ")"
        }
    }

    /// A label's text without its quotes; escapes other than `\"` and `\\` are kept as written.
    func unquote(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
