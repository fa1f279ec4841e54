/// The inputs of one evaluation: variable values, engine state and the step budget.
public struct Bindings: Sendable {
    /// The step budget used when none is given: generous for rules over large plans.
    public static let defaultStepBudget = 10_000_000

    /// Values of the variables the environment declares, by name.
    public var variables: [String: Value]
    /// One more variable, bound without copying `variables`: an engine binds its subject's
    /// variables once and a different `params` for every rule.
    public var extra: (name: String, value: Value)?
    /// Engine state that domain functions read through `EvaluationContext.payload`.
    public var payload: (any Sendable)?
    /// How many evaluation steps (node visits and macro iterations) may run before an error.
    public var stepBudget: Int

    /// Creates bindings from variable values, an optional engine payload and a step budget.
    public init(
        _ variables: [String: Value] = [:], adding extra: (name: String, value: Value)? = nil,
        payload: (any Sendable)? = nil, stepBudget: Int = Bindings.defaultStepBudget
    ) {
        self.variables = variables
        self.extra = extra
        self.payload = payload
        self.stepBudget = stepBudget
    }

    /// The value bound to `name`, if any (`extra` first).
    public func value(of name: String) -> Value? {
        if extra?.name == name { return extra?.value }
        // An engine binds a handful of variables; comparing short names is cheaper than hashing
        // one (about a third of the instructions of the lookup).
        guard variables.count <= Bindings.scannedVariableCount else { return variables[name] }
        var index = variables.startIndex
        while index != variables.endIndex {
            if variables.keys[index] == name { return variables.values[index] }
            variables.formIndex(after: &index)
        }
        return nil
    }

    /// Up to how many variables `value(of:)` compares names instead of hashing.
    private static let scannedVariableCount = 8
}
