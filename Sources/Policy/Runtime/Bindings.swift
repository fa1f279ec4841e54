/// The inputs of one evaluation: variable values, engine state and the step budget.
public struct Bindings: Sendable {
    /// The step budget used when none is given: generous for rules over large plans.
    public static let defaultStepBudget = 10_000_000

    /// Values of the variables the environment declares, by name.
    public var variables: [String: Value]
    /// One more variable, bound without copying `variables`: an engine binds its subject's
    /// variables once and a different `params` for every rule.
    public var extra: (name: String, value: Value)? {
        get { extraName.map { ($0, extraValue) } }
        set {
            extraName = newValue?.name
            extraValue = newValue?.value ?? .null
        }
    }
    /// A second such variable: an engine binds each element of a list as `item` beside the
    /// subject's variables, which are shared by all the elements and not copied for each.
    public var secondExtra: (name: String, value: Value)? {
        get { secondExtraName.map { ($0, secondExtraValue) } }
        set {
            secondExtraName = newValue?.name
            secondExtraValue = newValue?.value ?? .null
        }
    }
    // Kept apart so that looking a name up compares it without copying the value.
    private var extraName: String?
    private var extraValue: Value = .null
    private var secondExtraName: String?
    private var secondExtraValue: Value = .null
    /// Engine state that domain functions read through `EvaluationContext.payload`.
    public var payload: (any Sendable)?
    /// How many evaluation steps (node visits and macro iterations) may run before an error.
    public var stepBudget: Int

    /// Creates bindings from variable values, up to two more variables bound beside them (see
    /// ``extra`` and ``secondExtra``), an optional engine payload and a step budget.
    public init(
        _ variables: [String: Value] = [:], adding extra: (name: String, value: Value)? = nil,
        and secondExtra: (name: String, value: Value)? = nil,
        payload: (any Sendable)? = nil, stepBudget: Int = Bindings.defaultStepBudget
    ) {
        self.variables = variables
        self.extraName = extra?.name
        self.extraValue = extra?.value ?? .null
        self.secondExtraName = secondExtra?.name
        self.secondExtraValue = secondExtra?.value ?? .null
        self.payload = payload
        self.stepBudget = stepBudget
    }

    /// The value bound to `name`, if any (`extra` first, then `secondExtra`).
    public func value(of name: String) -> Value? {
        if let extraName, Bindings.same(extraName, name) { return extraValue }
        if let secondExtraName, Bindings.same(secondExtraName, name) { return secondExtraValue }
        // An engine binds a handful of variables; comparing short names is cheaper than hashing
        // one (about a third of the instructions of the lookup).
        guard variables.count <= Bindings.scannedVariableCount else { return variables[name] }
        var index = variables.startIndex
        while index != variables.endIndex {
            if Bindings.same(variables.keys[index], name) { return variables.values[index] }
            variables.formIndex(after: &index)
        }
        return nil
    }

    /// Initializes `slots[i]` with the value of `names[i]`, or an error naming an unbound one.
    ///
    /// One walk over the variables binds every name an expression reads: looking each name up
    /// walked them from the start again (about 200 instructions per name).
    func initialize(_ slots: UnsafeMutablePointer<Value>, withValuesOf names: [String]) {
        guard names.count <= UInt64.bitWidth, variables.count <= Bindings.scannedVariableCount else {
            for (index, name) in names.enumerated() { (slots + index).initialize(to: boundValue(of: name)) }
            return
        }
        // Bit i set: names[i] has no value yet.
        var unbound: UInt64 = names.count == UInt64.bitWidth ? ~0 : (1 << UInt64(names.count)) - 1
        func bind(_ name: String, _ value: Value) {
            for index in names.indices
            where unbound & (1 << UInt64(index)) != 0 && Bindings.same(names[index], name) {
                (slots + index).initialize(to: value)
                unbound &= ~(1 << UInt64(index))
            }
        }
        // The extras first: they hide a variable of the same name.
        if let extraName { bind(extraName, extraValue) }
        if let secondExtraName { bind(secondExtraName, secondExtraValue) }
        for (name, value) in variables {
            guard unbound != 0 else { return }
            bind(name, value)
        }
        while unbound != 0 {
            let index = unbound.trailingZeroBitCount
            (slots + index).initialize(to: boundValue(of: names[index]))
            unbound &= unbound - 1
        }
    }

    /// The value bound to `name`, or the error an expression reading it evaluates to.
    private func boundValue(of name: String) -> Value {
        value(of: name) ?? .error("no value is bound to variable '\(name)'")
    }

    /// Up to how many variables `value(of:)` compares names instead of hashing.
    private static let scannedVariableCount = 8

    /// String equality that rejects names of different lengths before comparing contents: a
    /// short name's length is read from the string itself, and most names compared differ.
    @inline(__always)
    private static func same(_ left: String, _ right: String) -> Bool {
        left.utf8.count == right.utf8.count && left == right
    }
}
