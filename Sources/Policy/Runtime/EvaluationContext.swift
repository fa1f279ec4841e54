/// The state of one running evaluation, handed to every function implementation.
///
/// One context serves one call of `CompiledExpression.evaluate(_:)` on one thread; it is never
/// shared. Domain functions read the engine's state from `payload` (cast it to the engine's
/// type) and charge extra steps for work proportional to their input.
public final class EvaluationContext {
    /// Engine state from `Bindings.payload`, such as the plan index used by joins.
    public let payload: (any Sendable)?
    /// The steps this evaluation may take.
    public let stepBudget: Int
    /// The steps taken so far.
    public private(set) var stepsTaken = 0

    let variables: [String: Value]
    var locals: [Value]

    init(bindings: Bindings, localSlots: Int) {
        payload = bindings.payload
        stepBudget = max(0, bindings.stepBudget)
        variables = bindings.variables
        locals = Array(repeating: .null, count: localSlots)
    }

    /// True once the step budget is spent; the evaluation then ends with an error.
    public var isExhausted: Bool { stepsTaken > stepBudget }

    /// Records `steps` units of work; returns false when the budget is now spent.
    @discardableResult
    public func charge(_ steps: Int = 1) -> Bool {
        let (sum, overflow) = stepsTaken.addingReportingOverflow(max(0, steps))
        stepsTaken = overflow ? Int.max : sum
        return stepsTaken <= stepBudget
    }

    /// The error an evaluation ends with when it runs out of steps.
    var budgetError: Value {
        .error("evaluation exceeded its budget of \(stepBudget) steps")
    }
}
