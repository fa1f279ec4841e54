/// A recursive-descent parser for the CEL subset, with bounded nesting.
///
/// Grammar (CEL langdef): conditional `?:` binds loosest, then `||`, `&&`, relations
/// (`< <= > >= == != in`), `+ -`, `* / %`, prefix `! -`, then member access, indexing and calls.
struct Parser {
    /// Words CEL reserves; they cannot name variables or functions.
    static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ]

    private let tokens: [Token]
    private var cursor = 0
    private var nesting = 0
    private let maximumDepth: Int

    private init(tokens: [Token], maximumDepth: Int) {
        self.tokens = tokens
        self.maximumDepth = maximumDepth
    }

    /// Parses a whole expression; trailing tokens are an error.
    static func parse(_ source: String, maximumDepth: Int) throws(PolicyError) -> SyntaxNode {
        var parser = Parser(tokens: try Lexer.tokenize(source), maximumDepth: max(1, maximumDepth))
        let root = try parser.expression()
        let trailing = parser.current
        guard trailing.kind == .end else {
            throw PolicyError(
                .syntax, "unexpected \(trailing.kind.spelling) after the expression", at: trailing.position)
        }
        return root
    }

    /// Whether `word` spells a literal (`true`, `false`, `null`): a switch, where an array
    /// literal was built for every name parsed.
    private static func isLiteralWord(_ word: String) -> Bool {
        switch word {
        case "true", "false", "null": true
        default: false
        }
    }

    // MARK: - Token access

    private var current: Token { tokens[min(cursor, tokens.count - 1)] }

    private func isSymbol(_ symbol: TokenKind.Symbol) -> Bool {
        current.kind == .symbol(symbol)
    }

    private mutating func take(_ symbol: TokenKind.Symbol) -> Bool {
        guard isSymbol(symbol) else { return false }
        cursor += 1
        return true
    }

    private mutating func expect(_ symbol: TokenKind.Symbol, _ context: String) throws(PolicyError) {
        guard take(symbol) else {
            throw PolicyError(
                .syntax, "expected '\(symbol.rawValue)' \(context), found \(current.kind.spelling)",
                at: current.position)
        }
    }

    private func node(
        _ kind: SyntaxKind, at position: SourcePosition, children: [SyntaxNode]
    )
        throws(PolicyError) -> SyntaxNode
    {
        // One pass over the children, rather than two mapped arrays per node.
        var depth = 1
        var start = position
        for child in children {
            depth = Swift.max(depth, child.depth + 1)
            start = Swift.min(start, child.start)
        }
        guard depth <= maximumDepth else {
            throw PolicyError(
                .nestingTooDeep, "expression is nested more than \(maximumDepth) levels deep", at: position)
        }
        return SyntaxNode(kind: kind, position: position, start: start, depth: depth)
    }

    // MARK: - Expressions

    private mutating func expression() throws(PolicyError) -> SyntaxNode {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= maximumDepth else {
            throw PolicyError(
                .nestingTooDeep, "expression is nested more than \(maximumDepth) levels deep",
                at: current.position)
        }
        let condition = try binary(minimumPrecedence: 1)
        let questionPosition = current.position
        guard take(.question) else { return condition }
        let whenTrue = try binary(minimumPrecedence: 1)
        try expect(.colon, "in the conditional '?:'")
        let whenFalse = try expression()
        return try node(
            .conditional(condition, whenTrue, whenFalse), at: questionPosition,
            children: [condition, whenTrue, whenFalse])
    }

    /// The infix operator at the cursor with its precedence (higher binds tighter), if any.
    private var infixOperator: (BinaryOperator, Int)? {
        switch current.kind {
        case .identifier("in"): return (.in, 3)
        case .symbol(let symbol):
            switch symbol {
            case .or: return (.or, 1)
            case .and: return (.and, 2)
            case .equal: return (.equal, 3)
            case .notEqual: return (.notEqual, 3)
            case .less: return (.less, 3)
            case .lessEqual: return (.lessEqual, 3)
            case .greater: return (.greater, 3)
            case .greaterEqual: return (.greaterEqual, 3)
            case .plus: return (.add, 4)
            case .minus: return (.subtract, 4)
            case .star: return (.multiply, 5)
            case .slash: return (.divide, 5)
            case .percent: return (.remainder, 5)
            default: return nil
            }
        default: return nil
        }
    }

    /// Precedence climbing over left-associative infix operators.
    private mutating func binary(minimumPrecedence: Int) throws(PolicyError) -> SyntaxNode {
        var left = try unary()
        while let (operation, precedence) = infixOperator, precedence >= minimumPrecedence {
            let position = current.position
            cursor += 1
            let right = try binary(minimumPrecedence: precedence + 1)
            left = try node(.binary(operation, left, right), at: position, children: [left, right])
        }
        return left
    }

    private mutating func unary() throws(PolicyError) -> SyntaxNode {
        var operators: [(UnaryOperator, SourcePosition)] = []
        while isSymbol(.not) || isSymbol(.minus) {
            operators.append((isSymbol(.not) ? .not : .negate, current.position))
            cursor += 1
            guard operators.count <= maximumDepth else {
                throw PolicyError(
                    .nestingTooDeep, "expression is nested more than \(maximumDepth) levels deep",
                    at: current.position)
            }
        }
        var operand: SyntaxNode
        if let last = operators.last, last.0 == .negate, case .integer(let magnitude) = current.kind {
            // `-9223372036854775808` is a valid literal although its magnitude is not an Int64.
            operators.removeLast()
            guard magnitude <= UInt64(Int64.max) + 1 else {
                throw PolicyError(.lexical, "integer literal out of range", at: current.position)
            }
            let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            cursor += 1
            operand = try memberSuffixes(try node(.literal(.int(value)), at: last.1, children: []))
        } else {
            operand = try member()
        }
        for (operation, position) in operators.reversed() {
            operand = try node(.unary(operation, operand), at: position, children: [operand])
        }
        return operand
    }

    private mutating func member() throws(PolicyError) -> SyntaxNode {
        try memberSuffixes(try primary())
    }

    private mutating func memberSuffixes(_ start: SyntaxNode) throws(PolicyError) -> SyntaxNode {
        var operand = start
        while true {
            if take(.dot) {
                let (name, position) = try identifier("after '.'")
                if isSymbol(.leftParen) {
                    let arguments = try argumentList()
                    operand = try node(
                        .call(name: name, target: operand, arguments: arguments), at: position,
                        children: [operand] + arguments)
                } else {
                    operand = try node(.select(operand, field: name), at: position, children: [operand])
                }
            } else if isSymbol(.leftBracket) {
                let position = current.position
                cursor += 1
                let index = try expression()
                try expect(.rightBracket, "to close the index")
                operand = try node(.index(operand, index), at: position, children: [operand, index])
            } else {
                return operand
            }
        }
    }

    private mutating func identifier(_ context: String) throws(PolicyError) -> (String, SourcePosition) {
        guard case .identifier(let name) = current.kind else {
            throw PolicyError(
                .syntax, "expected a name \(context), found \(current.kind.spelling)", at: current.position)
        }
        guard !Parser.isLiteralWord(name), name != "in", !Parser.reservedWords.contains(name) else {
            throw PolicyError(
                .syntax, "'\(name)' is a reserved word and cannot be used as a name", at: current.position)
        }
        let position = current.position
        cursor += 1
        return (name, position)
    }

    private mutating func argumentList() throws(PolicyError) -> [SyntaxNode] {
        try expect(.leftParen, "to start the arguments")
        var arguments: [SyntaxNode] = []
        if take(.rightParen) { return arguments }
        repeat {
            arguments.append(try expression())
        } while take(.comma)
        try expect(.rightParen, "to close the argument list")
        return arguments
    }

    private mutating func primary() throws(PolicyError) -> SyntaxNode {
        let token = current
        switch token.kind {
        case .integer(let magnitude):
            guard magnitude <= UInt64(Int64.max) else {
                throw PolicyError(.lexical, "integer literal out of range", at: token.position)
            }
            cursor += 1
            return try node(.literal(.int(Int64(magnitude))), at: token.position, children: [])
        case .double(let value):
            cursor += 1
            return try node(.literal(.double(value)), at: token.position, children: [])
        case .string(let text):
            cursor += 1
            return try node(.literal(.string(text)), at: token.position, children: [])
        case .identifier(let word) where Parser.isLiteralWord(word):
            cursor += 1
            let value: Value = word == "null" ? .null : .bool(word == "true")
            return try node(.literal(value), at: token.position, children: [])
        case .identifier:
            let (name, position) = try identifier("")
            if isSymbol(.leftParen) {
                let arguments = try argumentList()
                return try node(
                    .call(name: name, target: nil, arguments: arguments), at: position, children: arguments)
            }
            if isSymbol(.leftBrace) {
                throw PolicyError(
                    .syntax, "message construction ('\(name){...}') is not supported", at: current.position)
            }
            return try node(.identifier(name), at: position, children: [])
        case .symbol(.dot):
            // A leading dot names a variable in the root scope: `.resource`.
            cursor += 1
            let (name, position) = try identifier("after '.'")
            return try node(.identifier(name), at: position, children: [])
        case .symbol(.leftParen):
            cursor += 1
            let inner = try expression()
            try expect(.rightParen, "to close '('")
            return inner
        case .symbol(.leftBracket):
            cursor += 1
            var elements: [SyntaxNode] = []
            while !isSymbol(.rightBracket) {
                elements.append(try expression())
                guard take(.comma) else { break }
            }
            try expect(.rightBracket, "to close the list")
            return try node(.list(elements), at: token.position, children: elements)
        case .symbol(.leftBrace):
            cursor += 1
            var entries: [MapEntry] = []
            while !isSymbol(.rightBrace) {
                let key = try expression()
                try expect(.colon, "between a map key and its value")
                let value = try expression()
                entries.append(MapEntry(key: key, value: value))
                guard take(.comma) else { break }
            }
            try expect(.rightBrace, "to close the map")
            return try node(
                .map(entries), at: token.position, children: entries.flatMap { [$0.key, $0.value] })
        case .end:
            throw PolicyError(.syntax, "expression ends too early; expected a value", at: token.position)
        case .symbol(let symbol):
            throw PolicyError(.syntax, "expected a value, found '\(symbol.rawValue)'", at: token.position)
        }
    }
}
