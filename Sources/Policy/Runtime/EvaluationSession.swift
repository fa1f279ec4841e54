/// Several expressions evaluated on the same bindings in one evaluation context.
///
/// A rule evaluates many expressions on one subject: `applies_if`, `unknown_if` and `assert`,
/// then for a finding its severity cases and the holes of its message and attribute. In a
/// session the variables are bound once, and a selection chain one expression read
/// (`item.from_port`) serves the next instead of being read from the document again.
///
/// Each evaluation still has its own step budget and records its own unknown reads, so every
/// result is what ``CompiledExpression/evaluate(_:)`` gives. Expressions compiled in the same
/// ``Environment`` share the context; one from another environment is evaluated on its own.
public struct EvaluationSession: ~Copyable {
    private let context: EvaluationContext

    private init(context: EvaluationContext) {
        self.context = context
    }

    /// Runs `body` with a session on `bindings`.
    ///
    /// Not generic: a generic result, unspecialised across the module boundary, was copied
    /// through its value witnesses (a rule's evaluation is large).
    public static func with(_ bindings: borrowing Bindings, _ body: (borrowing EvaluationSession) -> Void) {
        EvaluationContext.withContext(bindings: bindings) { context in
            body(EvaluationSession(context: context))
        }
    }

    /// The step budget of each evaluation: the bindings' ``Bindings/stepBudget``, or 0 when that
    /// is negative.
    public var stepBudget: Int { context.stepBudget }

    /// The value bound to `name`, as ``Bindings/value(of:)`` gives it.
    public func value(of name: String) -> Value? { Bindings.value(of: name, in: context.bindings) }

    /// Evaluates `expression` as ``CompiledExpression/evaluate(_:)`` does on the session's bindings.
    public func evaluate(_ expression: CompiledExpression) -> Value {
        run(expression, recordingUnknownReads: false).value
    }

    /// Evaluates `expression` as ``CompiledExpression/evaluateRecordingUnknownReads(_:)`` does on
    /// the session's bindings.
    public func evaluateRecordingUnknownReads(
        _ expression: CompiledExpression
    ) -> (value: Value, unknownReads: [UnknownCause]) {
        run(expression, recordingUnknownReads: true)
    }

    private func run(
        _ expression: CompiledExpression, recordingUnknownReads: Bool
    ) -> (value: Value, unknownReads: [UnknownCause]) {
        let context = self.context
        return expression.withProgram { program in
            guard context.canRun(program) else {
                return program.evaluate(
                    context.bindings.pointee, recordingUnknownReads: recordingUnknownReads)
            }
            return context.run(program, recordingUnknownReads: recordingUnknownReads)
        }
    }
}
