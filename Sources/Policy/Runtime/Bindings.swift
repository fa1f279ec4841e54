/// The inputs of one evaluation: variable values, engine state and the step budget.
public struct Bindings: Sendable {
    /// The step budget used when none is given: generous for rules over large plans.
    public static let defaultStepBudget = 10_000_000

    /// Values of the variables the environment declares, by name.
    public var variables: ValueMap
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
    ///
    /// An object: functions cast it to the engine's class, and a cast from a class existential
    /// is a short walk where one from `any Sendable` cost about 300 instructions per call.
    public var payload: (any AnyObject & Sendable)?
    /// How many evaluation steps (node visits and macro iterations) may run before an error.
    public var stepBudget: Int

    /// Creates bindings from variable values, up to two more variables bound beside them (see
    /// ``extra`` and ``secondExtra``), an optional engine payload and a step budget.
    public init(
        _ variables: ValueMap = [:], adding extra: (name: String, value: Value)? = nil,
        and secondExtra: (name: String, value: Value)? = nil,
        payload: (any AnyObject & Sendable)? = nil, stepBudget: Int = Bindings.defaultStepBudget
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
        withUnsafePointer(to: self) { Bindings.value(of: name, in: $0) }
    }

    /// The value bound to `name` in the bindings `bindings` points to, read field by field (see
    /// ``field(_:_:)``).
    static func value(of name: String, in bindings: UnsafePointer<Bindings>) -> Value? {
        if let extraName = field(bindings, \.extraName).pointee, same(extraName, name) {
            return field(bindings, \.extraValue).pointee
        }
        if let secondExtraName = field(bindings, \.secondExtraName).pointee, same(secondExtraName, name) {
            return field(bindings, \.secondExtraValue).pointee
        }
        // An engine binds a handful of variables, compared here in place: through the map's
        // subscript, which copies the map out of the bindings, a lookup cost twice as much.
        let variables = field(bindings, \.variables)
        guard variables.pointee.count <= scannedVariableCount else { return variables.pointee[name] }
        let keys = variables.pointee.keys
        for index in keys.indices where same(keys[index], name) { return variables.pointee.values[index] }
        return nil
    }

    /// Gives every variable the bindings hold its slot in `numbering`, and sets the bits of
    /// those slots in `bound`.
    ///
    /// One walk over the bindings serves every expression of a session, whatever variables each
    /// reads. The slots hold null and are assigned, not initialized. Reads the bindings field by
    /// field (see ``field(_:_:)``).
    static func assignAll(
        _ slots: UnsafeMutablePointer<Value>, numbering: SlotNumbering, bound: inout UInt64,
        from bindings: UnsafePointer<Bindings>
    ) {
        // Bits for every slot: the caller names variables one by one beyond that.
        precondition(numbering.variables.count <= UInt64.bitWidth, "too many variables for one walk")
        func assign(_ name: String, _ value: borrowing Value) {
            guard let slot = numbering.slot(of: name) else { return }
            // The extras come first and hide a variable of the same name.
            if bound & (1 << UInt64(slot)) == 0 { slots[slot] = copy value }
            bound |= 1 << UInt64(slot)
        }
        if let extraName = field(bindings, \.extraName).pointee {
            assign(extraName, field(bindings, \.extraValue).pointee)
        }
        if let secondExtraName = field(bindings, \.secondExtraName).pointee {
            assign(secondExtraName, field(bindings, \.secondExtraValue).pointee)
        }
        // By position: a dictionary's walk cost more than the few names it visits.
        let variables = field(bindings, \.variables)
        let keys = variables.pointee.keys
        for index in keys.indices { assign(keys[index], variables.pointee.values[index]) }
    }

    /// One field of the bindings `bindings` points to, to read alone: a method called on the
    /// pointee copied the whole bindings first (a retain for each of their values).
    @inline(__always)
    private static func field<Field>(
        _ bindings: UnsafePointer<Bindings>, _ path: KeyPath<Bindings, Field>
    ) -> UnsafePointer<Field> {
        bindings.pointer(to: path).unsafelyUnwrapped
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
