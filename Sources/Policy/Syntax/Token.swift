/// What a token is, with its decoded payload.
enum TokenKind: Equatable, Sendable {
    case identifier(String)
    /// An integer literal's magnitude; `9223372036854775808` is only valid after a minus.
    case integer(UInt64)
    case double(Double)
    case string(String)
    case symbol(Symbol)
    case end

    /// Punctuation and operators, spelled as in the source.
    enum Symbol: String, Sendable, CaseIterable {
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
        case leftBrace = "{", rightBrace = "}", dot = ".", comma = ",", colon = ":", question = "?"
        case not = "!", minus = "-", plus = "+", star = "*", slash = "/", percent = "%"
        case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case equal = "==", notEqual = "!=", and = "&&", or = "||"
    }

    /// How the token reads in an error message.
    var spelling: String {
        switch self {
        case .identifier(let name): "'\(name)'"
        case .integer(let value): "'\(value)'"
        case .double(let value): "'\(value)'"
        case .string: "string literal"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .end: "end of expression"
        }
    }
}

/// One lexical token and where it starts.
struct Token: Sendable {
    let kind: TokenKind
    let position: SourcePosition
}
