/// Entry point of the policy language: compiles expression source for an environment.
public enum Expression {
    /// Parses and checks `source` against `environment` and compiles it for repeated evaluation.
    ///
    /// Throws a `PolicyError` at the exact position of the first problem: a lexical or syntax
    /// error, an unknown name or function, a wrong arity or call style, a misused macro, a type
    /// mismatch visible in literals, excessive nesting, or a literal argument a function rejects.
    public static func compile(
        _ source: String, environment: Environment
    ) throws(PolicyError)
        -> CompiledExpression
    {
        let tree = try Parser.parse(source, maximumDepth: environment.maximumNestingDepth)
        var compiler = Compiler(environment: environment)
        let root = try compiler.compile(tree)
        return CompiledExpression(
            source: source, root: root.evaluate, localSlots: compiler.slotCount,
            referencedVariables: compiler.referencedVariables)
    }
}

/// A checked, compiled expression: evaluate it any number of times, from any thread.
public struct CompiledExpression: Sendable {
    /// The source text it was compiled from.
    public let source: String
    /// The environment variables the expression reads, for engines that bind lazily.
    public let referencedVariables: Set<String>
    private let root: Evaluator
    private let localSlots: Int

    init(source: String, root: @escaping Evaluator, localSlots: Int, referencedVariables: Set<String>) {
        self.source = source
        self.root = root
        self.localSlots = localSlots
        self.referencedVariables = referencedVariables
    }

    /// Evaluates the expression; never throws and always terminates.
    ///
    /// Runtime failures come back as `.error`; values that cannot be known before apply as
    /// `.unknown`. Running past `bindings.stepBudget` yields an error, whatever the partial result.
    public func evaluate(_ bindings: Bindings) -> Value {
        let context = EvaluationContext(bindings: bindings, localSlots: localSlots)
        let result = root(context)
        return context.isExhausted ? context.budgetError : result
    }
}
