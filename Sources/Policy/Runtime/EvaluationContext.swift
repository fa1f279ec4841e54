/// The state of one running evaluation, handed to every function implementation.
///
/// One context serves one call of `CompiledExpression.evaluate(_:)`, or the evaluations of one
/// ``EvaluationSession``, on one thread; it is never shared, and must not be kept past the call
/// or the session: the next evaluation on the thread reuses it.
/// Domain functions read the engine's state from `payload` (cast it to the engine's type) and
/// charge extra steps for work proportional to their input.
public final class EvaluationContext {
    /// Engine state from `Bindings.payload`, such as the plan index used by joins.
    public var payload: (any AnyObject & Sendable)? { state.pointee.bindings?.pointee.payload }
    /// The steps this evaluation may take.
    public var stepBudget: Int { state.pointee.stepBudget }
    /// The steps taken so far.
    public var stepsTaken: Int { state.pointee.steps }

    /// What one evaluation changes, behind a pointer: a class's stored `var`s pay a dynamic
    /// exclusivity check on every access, and every node charges a step and many read a slot.
    private struct State {
        var steps = 0
        var stepBudget = 0
        /// The bindings of the running evaluation, which outlive it: read in place, because
        /// copying their payload into the context cost about 160 instructions per evaluation.
        var bindings: UnsafePointer<Bindings>?
        var recordsUnknownReads = false
        var unknownReads: [UnknownCause] = []
        /// Every variable of the environment (in its numbering; those not read hold null), then
        /// the iteration locals.
        var slots: UnsafeMutablePointer<Value>
        var slotCapacity: Int
        /// How many slots are initialized: none until the first expression runs.
        var slotCount = 0
        /// Where the iteration locals start in `slots`.
        var localBase = 0
        /// The numbering of the expressions run since the context was taken; nil before the first.
        var numbering: ObjectIdentifier?
        /// Bit i set: variable slot i holds its bound value, for the expressions still to run.
        var boundVariables: UInt64 = 0
        /// Whether the bindings' variables were given their slots (see `bindVariables`).
        var walkedBindings = false
        /// Values of selection chains this evaluation read (see `cachedChain(_:)`), valid where
        /// `cachedChains` has the entry's bit set.
        var chainCache: UnsafeMutablePointer<Value>
        /// For a cached call, the steps its first evaluation took (see `cacheCall`).
        var callSteps: UnsafeMutablePointer<Int>
        var cachedChains: UInt64 = 0
        /// The cached chains whose value is unknown: forgotten before the next expression of a
        /// session runs, because reading them again records the unknown for that expression.
        var unknownChains: UInt64 = 0
        /// Emptied argument arrays of finished calls, kept with their capacity for the next.
        var argumentArrays: [[Value]] = []
        /// True while an evaluation runs with this context, so that a nested evaluation (a
        /// function evaluating another expression) takes a context of its own.
        var inUse = false
    }

    private let state: UnsafeMutablePointer<State>

    /// The environment's variables, then the iteration locals.
    var slots: UnsafeMutablePointer<Value> { state.pointee.slots }
    /// Whether attribute reads that give an unknown are kept (see ``unknownReads``).
    var recordsUnknownReads: Bool { state.pointee.recordsUnknownReads }
    /// The causes of every unknown a field selection or index produced from a value that was
    /// itself known, in the order met: which attributes made the evaluation undecidable, even
    /// when a function such as `is_computed` turned the unknown into a bool.
    var unknownReads: [UnknownCause] { state.pointee.unknownReads }

    init() {
        let capacity = 8
        state = .allocate(capacity: 1)
        state.initialize(
            to: State(
                slots: .allocate(capacity: capacity), slotCapacity: capacity,
                chainCache: .allocate(capacity: EvaluationContext.chainCacheCapacity),
                callSteps: .allocate(capacity: EvaluationContext.chainCacheCapacity)))
    }

    deinit {
        state.pointee.slots.deinitialize(count: state.pointee.slotCount)
        state.pointee.slots.deallocate()
        releaseChainCache()
        state.pointee.chainCache.deallocate()
        state.pointee.callSteps.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Runs `body` with a context bound to `bindings`: the thread's spare when it is free, so
    /// that an evaluation allocates nothing for its context.
    ///
    /// Every expression `body` runs (``run(_:recordingUnknownReads:)``) sees these bindings.
    static func withContext<Result>(
        bindings: borrowing Bindings, _ body: (EvaluationContext) -> Result
    ) -> Result {
        let context = SpareContext.take()
        context.state.pointee.inUse = true
        context.state.pointee.stepBudget = max(0, bindings.stepBudget)
        defer { context.unbind() }
        return withUnsafePointer(to: bindings) { bindings in
            context.state.pointee.bindings = bindings
            return body(context)
        }
    }

    /// Whether an evaluation runs with this context now.
    var isInUse: Bool { state.pointee.inUse }

    /// Evaluates `program` with the context's bindings: with its own step budget and unknown
    /// reads, its variables bound unless an earlier expression bound them, and the chains the
    /// earlier ones cached (known values only) kept.
    func run(
        _ program: CompiledProgram, recordingUnknownReads: Bool
    ) -> (value: Value, unknownReads: [UnknownCause]) {
        prepareSlots(for: program)
        let bindings = state.pointee.bindings.unsafelyUnwrapped
        if let wanted = program.variableMask {
            if state.pointee.boundVariables & wanted != wanted { bindVariables(of: program, wanted: wanted) }
        } else {
            // More variables than bits: each expression looks its own up.
            for (name, slot) in zip(program.variableNames, program.variableSlots) {
                state.pointee.slots[slot] = Bindings.value(of: name, in: bindings) ?? Self.unbound(name)
            }
        }
        state.pointee.steps = 0
        state.pointee.recordsUnknownReads = recordingUnknownReads
        if !state.pointee.unknownReads.isEmpty { state.pointee.unknownReads = [] }
        forgetChains(state.pointee.unknownChains)
        let result = program.root(self)
        return (
            isExhausted ? budgetError : result, recordingUnknownReads ? state.pointee.unknownReads : []
        )
    }

    /// Binds the variables of the bindings on the session's first need (one walk serves every
    /// expression), and gives the ones `program` reads that the bindings lack their error.
    private func bindVariables(of program: CompiledProgram, wanted: UInt64) {
        var bound = state.pointee.boundVariables
        if !state.pointee.walkedBindings {
            Bindings.assignAll(
                state.pointee.slots, numbering: program.numbering, bound: &bound,
                from: state.pointee.bindings.unsafelyUnwrapped)
            state.pointee.walkedBindings = true
        }
        if bound & wanted != wanted {
            for (name, slot) in zip(program.variableNames, program.variableSlots)
            where bound & (1 << UInt64(slot)) == 0 {
                state.pointee.slots[slot] = Self.unbound(name)
                bound |= 1 << UInt64(slot)
            }
        }
        state.pointee.boundVariables = bound
    }

    /// What an expression reading variable `name` that the bindings lack reads.
    private static func unbound(_ name: String) -> Value {
        .error("no value is bound to variable '\(name)'")
    }

    /// Whether `program` numbers slots and chains as the expressions run before it (or is the
    /// first): only then may it run in this context after them.
    func canRun(_ program: CompiledProgram) -> Bool {
        guard let numbering = state.pointee.numbering else { return true }
        return numbering == ObjectIdentifier(program.numbering)
    }

    /// The bindings of the running evaluation.
    var bindings: UnsafePointer<Bindings> { state.pointee.bindings.unsafelyUnwrapped }

    /// Initializes the slots on the first expression (every variable null until bound), and adds
    /// null locals when an expression needs more than the earlier ones.
    private func prepareSlots(for program: CompiledProgram) {
        let needed = program.localBase + program.localSlots
        let count = state.pointee.slotCount
        if count == 0 {
            state.pointee.localBase = program.localBase
            state.pointee.numbering = ObjectIdentifier(program.numbering)
        }
        guard needed > count else { return }
        if needed > state.pointee.slotCapacity {
            let grown = UnsafeMutablePointer<Value>.allocate(capacity: needed)
            grown.moveInitialize(from: state.pointee.slots, count: count)
            state.pointee.slots.deallocate()
            state.pointee.slots = grown
            state.pointee.slotCapacity = needed
        }
        (state.pointee.slots + count).initialize(repeating: .null, count: needed - count)
        state.pointee.slotCount = needed
    }

    /// Drops what the evaluations bound, so that a spare context holds no document alive.
    private func unbind() {
        // Moved out one by one: `deinitialize(count:)` goes through the runtime's generic
        // swift_arrayDestroy, about 130 instructions for an evaluation's few slots.
        let slots = state.pointee.slots
        for index in 0..<state.pointee.slotCount { _ = (slots + index).move() }
        state.pointee.slotCount = 0
        state.pointee.numbering = nil
        state.pointee.boundVariables = 0
        state.pointee.walkedBindings = false
        releaseChainCache()
        state.pointee.bindings = nil
        if !state.pointee.unknownReads.isEmpty { state.pointee.unknownReads = [] }
        state.pointee.inUse = false
    }

    /// How many selection chains an evaluation keeps the values of.
    static let chainCacheCapacity = UInt64.bitWidth

    /// The value selection chain `index` had earlier in this evaluation, if it was read.
    ///
    /// A rule reads `resource.values` and often the same attribute several times in one
    /// expression; the document does not change during an evaluation, so the first read serves.
    @inline(__always)
    func cachedChain(_ index: Int) -> Value? {
        guard state.pointee.cachedChains & (1 << UInt64(index)) != 0 else { return nil }
        return state.pointee.chainCache[index]
    }

    /// Keeps the value selection chain `index` read, for the rest of this evaluation.
    @inline(__always)
    func cacheChain(_ value: Value, at index: Int) {
        (state.pointee.chainCache + index).initialize(to: value)
        state.pointee.cachedChains |= 1 << UInt64(index)
        if case .unknown = value { state.pointee.unknownChains |= 1 << UInt64(index) }
    }

    /// Keeps the value of a call that took `steps` steps in cache entry `index` (see
    /// ``cachedChain(_:)``), so that a repeated call charges what the first one took.
    @inline(__always)
    func cacheCall(_ value: Value, steps: Int, at index: Int) {
        state.pointee.callSteps[index] = steps
        cacheChain(value, at: index)
    }

    /// The steps the call cached in entry `index` took.
    @inline(__always)
    func callSteps(_ index: Int) -> Int { state.pointee.callSteps[index] }

    private func releaseChainCache() { forgetChains(~0) }

    /// Drops the cached values of the chains whose bits are set in `chains`.
    @inline(__always)
    private func forgetChains(_ chains: UInt64) {
        var stale = state.pointee.cachedChains & chains
        guard stale != 0 else { return }
        state.pointee.cachedChains &= ~stale
        state.pointee.unknownChains &= ~stale
        while stale != 0 {
            _ = (state.pointee.chainCache + stale.trailingZeroBitCount).move()
            stale &= stale - 1
        }
    }

    /// Keeps the causes of `value` when it is an unknown read from the known `operand`.
    @inline(__always)
    func noteRead(_ value: Value, from operand: Value) {
        // Inlined into every field selection: most evaluations record nothing.
        guard state.pointee.recordsUnknownReads, case .unknown = value else { return }
        recordRead(value, from: operand)
    }

    private func recordRead(_ value: Value, from operand: Value) {
        guard case .unknown(let unknown) = value, !operand.isUnknown else { return }
        for cause in unknown.causes
        where state.pointee.unknownReads.count < Unknown.maximumCauses
            && !state.pointee.unknownReads.contains(cause)
        {
            state.pointee.unknownReads.append(cause)
        }
    }

    /// An empty array for a call's argument values: one a finished call gave back, so that a
    /// call does not allocate one (function implementations take their arguments as an array).
    func takeArgumentArray() -> [Value] {
        state.pointee.argumentArrays.popLast() ?? []
    }

    /// Takes back a call's argument array once the implementation returned; when the
    /// implementation kept it, emptying it leaves the kept copy alone.
    func recycle(_ arguments: consuming [Value]) {
        // Popping one by one: `removeAll(keepingCapacity:)` goes through the generic
        // `replaceSubrange`, about 300 instructions for a call's two or three arguments.
        while arguments.popLast() != nil {}
        state.pointee.argumentArrays.append(arguments)
    }

    /// The value of iteration local `slot`.
    func local(_ slot: Int) -> Value { state.pointee.slots[state.pointee.localBase + slot] }

    /// Binds iteration local `slot` for the next iteration, and forgets the cached chains in
    /// `chains` (the bits of the chains that read from it): they hold the last element's fields.
    func setLocal(_ slot: Int, to value: Value, forgetting chains: UInt64) {
        state.pointee.slots[state.pointee.localBase + slot] = value
        forgetChains(chains)
    }

    /// True once the step budget is spent; the evaluation then ends with an error.
    public var isExhausted: Bool { state.pointee.steps > state.pointee.stepBudget }

    /// Records `steps` units of work; returns false when the budget is now spent.
    @discardableResult
    public func charge(_ steps: Int = 1) -> Bool {
        let (sum, overflow) = state.pointee.steps.addingReportingOverflow(max(0, steps))
        state.pointee.steps = overflow ? Int.max : sum
        return state.pointee.steps <= state.pointee.stepBudget
    }

    /// The error an evaluation ends with when it runs out of steps.
    var budgetError: Value {
        .error("evaluation exceeded its budget of \(stepBudget) steps")
    }
}
