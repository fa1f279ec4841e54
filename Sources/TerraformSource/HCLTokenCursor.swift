/// A reader that walks an expression's tokens one position at a time: what the readers of
/// `jsonencode(...)` arguments and `compact([...])` lists share.
protocol HCLTokenCursor {
    /// The expression's tokens.
    var tokens: [HCLToken] { get }
    /// The position of the next token to read.
    var index: Int { get set }
}

extension HCLTokenCursor {
    /// True when every token was read.
    var isAtEnd: Bool { index >= tokens.count }

    /// The next token, if any.
    var current: HCLToken? { index < tokens.count ? tokens[index] : nil }

    /// Consumes line breaks.
    mutating func skipNewlines() {
        while current?.kind == .newline { index += 1 }
    }

    /// Consumes the current token when it is of `kind` with `text`.
    mutating func take(_ kind: HCLToken.Kind, _ text: String) -> Bool {
        guard let token = current, token.kind == kind, token.text == text else { return false }
        index += 1
        return true
    }

    /// Consumes a traversal of a resource or data source attribute and gives its text (see
    /// ``HCLTemplates/traversal(_:)``); nil, and nothing consumed, for anything else.
    mutating func takeAttributeTraversal() -> String? {
        let end = HCLReferences.traversal(tokens, from: index).end
        guard let reference = HCLTemplates.traversal(Array(tokens[index..<end])) else { return nil }
        index = end
        return reference
    }
}
