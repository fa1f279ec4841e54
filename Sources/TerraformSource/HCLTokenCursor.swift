/// A reader that walks an expression's tokens one position at a time: what the readers of
/// `jsonencode(...)` arguments, `compact([...])` lists and local values' expressions share.
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

    /// Consumes two symbols written together (`&&`, `||`).
    mutating func takePair(_ symbol: String) -> Bool {
        guard index + 1 < tokens.count, tokens[index].kind == .symbol, tokens[index].text == symbol,
            tokens[index + 1].kind == .symbol, tokens[index + 1].text == symbol
        else { return false }
        index += 2
        return true
    }

    /// `operand (SYMBOL SYMBOL operand)*`, combined left to right, below `maximumDepth`.
    ///
    /// Each operator nests the result one level deeper, and counts against the depth like a
    /// parenthesis: a chain of thousands of `||` would otherwise be a tree that deep, and
    /// comparing, walking or freeing it recurses as deep.
    mutating func chain<Node>(
        _ symbol: String, depth: Int, maximumDepth: Int, operand: (inout Self, Int) -> Node?,
        combine: (Node, Node) -> Node
    ) -> Node? {
        var depth = depth
        guard var node = operand(&self, depth) else { return nil }
        while takePair(symbol) {
            depth += 1
            guard depth < maximumDepth, let right = operand(&self, depth) else { return nil }
            node = combine(node, right)
        }
        return node
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
