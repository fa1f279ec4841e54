/// A parsed expression node with the position used for its error messages.
struct SyntaxNode: Sendable {
    /// What the node is.
    let kind: SyntaxKind
    /// For operators the operator token, for calls the function name, otherwise the first token.
    let position: SourcePosition
    /// Where the node's source text begins (its leftmost token).
    let start: SourcePosition
    /// The height of the tree below and including this node; the parser bounds it.
    let depth: Int

    /// The nodes directly below this one, in source order.
    var children: [SyntaxNode] {
        switch kind {
        case .literal, .identifier: []
        case .select(let operand, _), .unary(_, let operand): [operand]
        case .index(let operand, let index): [operand, index]
        case .call(_, let target, let arguments): (target.map { [$0] } ?? []) + arguments
        case .list(let elements): elements
        case .map(let entries): entries.flatMap { [$0.key, $0.value] }
        case .binary(_, let left, let right): [left, right]
        case .conditional(let condition, let whenTrue, let whenFalse): [condition, whenTrue, whenFalse]
        }
    }
}

/// The shapes of CEL expressions in the supported subset.
indirect enum SyntaxKind: Sendable {
    /// `null`, `true`, `1`, `2.5`, `"text"`.
    case literal(Value)
    /// A variable name.
    case identifier(String)
    /// `operand.field`.
    case select(SyntaxNode, field: String)
    /// `operand[index]`.
    case index(SyntaxNode, SyntaxNode)
    /// `name(arguments)` when `target` is nil, else `target.name(arguments)`.
    case call(name: String, target: SyntaxNode?, arguments: [SyntaxNode])
    /// `[a, b]`.
    case list([SyntaxNode])
    /// `{k: v}`.
    case map([MapEntry])
    /// `!x` or `-x`.
    case unary(UnaryOperator, SyntaxNode)
    /// `a op b` for arithmetic, comparison, `in`, `&&` and `||`.
    case binary(BinaryOperator, SyntaxNode, SyntaxNode)
    /// `condition ? whenTrue : whenFalse`.
    case conditional(SyntaxNode, SyntaxNode, SyntaxNode)
}

/// One `key: value` entry of a map literal.
struct MapEntry: Sendable {
    let key: SyntaxNode
    let value: SyntaxNode
}

/// Prefix operators.
enum UnaryOperator: String, Sendable {
    case not = "!"
    case negate = "-"
}

/// Infix operators, spelled as in the source.
enum BinaryOperator: String, Sendable {
    case or = "||", and = "&&"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in` = "in"
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}
