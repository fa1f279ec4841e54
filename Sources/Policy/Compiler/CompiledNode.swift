/// The result of compiling one syntax node: its evaluator and what is known statically.
struct CompiledNode {
    /// Evaluates the node.
    let evaluate: Evaluator
    /// The node's value when it is a literal, for load-time specialisation and checks.
    let constant: Value?
    /// The CEL type name of the node's result when it is certain at compile time.
    let staticType: String?

    init(_ evaluate: @escaping Evaluator, constant: Value? = nil, staticType: String? = nil) {
        self.evaluate = evaluate
        self.constant = constant
        self.staticType = staticType
    }
}

/// Charges a node's step, evaluates `body` and stamps the node's position on an error that
/// lacks one.
///
/// Inlined into each node's closure: a closure wrapping the node's closure cost an indirect
/// call on every node visit.
@inline(__always)
func located(_ position: SourcePosition, _ context: EvaluationContext, _ body: () -> Value) -> Value {
    guard context.charge() else { return context.budgetError }
    let result = body()
    if case .error(let error) = result, error.position == nil {
        return .error(EvaluationError(error.message, at: position))
    }
    return result
}
