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
    public var stepsTaken: Int { counter.pointee }

    // Raw storage: a class's stored `var`s pay a dynamic exclusivity check on every access, and
    // every node of an expression charges a step and many read a slot. The counter and the slots
    // share one allocation (`storage`): a context is made for every expression evaluation.
    private let storage: UnsafeMutableRawPointer
    private let counter: UnsafeMutablePointer<Int>
    /// The expression's variables (in the compiler's slot order), then its iteration locals.
    let slots: UnsafeMutablePointer<Value>
    private let slotCount: Int
    /// Where the iteration locals start in `slots`.
    private let localBase: Int
    /// Whether attribute reads that give an unknown are kept (see ``unknownReads``).
    let recordsUnknownReads: Bool
    /// The causes of every unknown a field selection or index produced from a value that was
    /// itself known, in the order met: which attributes made the evaluation undecidable, even
    /// when a function such as `is_computed` turned the unknown into a bool.
    private(set) var unknownReads: [UnknownCause] = []

    /// Where the slots start in `storage`: after the counter, aligned for a `Value`.
    private static let slotOffset =
        (MemoryLayout<Int>.stride + MemoryLayout<Value>.alignment - 1) / MemoryLayout<Value>.alignment
        * MemoryLayout<Value>.alignment

    init(
        bindings: borrowing Bindings, variables: [String], localSlots: Int, recordsUnknownReads: Bool = false
    ) {
        self.recordsUnknownReads = recordsUnknownReads
        payload = bindings.payload
        stepBudget = max(0, bindings.stepBudget)
        localBase = variables.count
        slotCount = variables.count + localSlots
        storage = .allocate(
            byteCount: Self.slotOffset + MemoryLayout<Value>.stride * max(1, slotCount),
            alignment: max(MemoryLayout<Int>.alignment, MemoryLayout<Value>.alignment))
        counter = storage.bindMemory(to: Int.self, capacity: 1)
        counter.initialize(to: 0)
        slots = (storage + Self.slotOffset).bindMemory(to: Value.self, capacity: max(1, slotCount))
        for (index, name) in variables.enumerated() {
            (slots + index).initialize(
                to: bindings.value(of: name) ?? .error("no value is bound to variable '\(name)'"))
        }
        (slots + variables.count).initialize(repeating: .null, count: localSlots)
    }

    deinit {
        slots.deinitialize(count: slotCount)
        storage.deallocate()
    }

    /// Keeps the causes of `value` when it is an unknown read from the known `operand`.
    func noteRead(_ value: Value, from operand: Value) {
        guard recordsUnknownReads, case .unknown(let unknown) = value, !operand.isUnknown else { return }
        for cause in unknown.causes
        where unknownReads.count < Unknown.maximumCauses && !unknownReads.contains(cause) {
            unknownReads.append(cause)
        }
    }

    /// The value of iteration local `slot`.
    func local(_ slot: Int) -> Value { slots[localBase + slot] }

    /// Binds iteration local `slot` for the next iteration.
    func setLocal(_ slot: Int, to value: Value) { slots[localBase + slot] = value }

    /// True once the step budget is spent; the evaluation then ends with an error.
    public var isExhausted: Bool { counter.pointee > stepBudget }

    /// Records `steps` units of work; returns false when the budget is now spent.
    @discardableResult
    public func charge(_ steps: Int = 1) -> Bool {
        let (sum, overflow) = counter.pointee.addingReportingOverflow(max(0, steps))
        counter.pointee = overflow ? Int.max : sum
        return counter.pointee <= stepBudget
    }

    /// The error an evaluation ends with when it runs out of steps.
    var budgetError: Value {
        .error("evaluation exceeded its budget of \(stepBudget) steps")
    }
}
