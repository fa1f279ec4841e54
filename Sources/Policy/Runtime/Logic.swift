/// CEL's commutative three-valued logic for `&&`, `||`, `!` and `?:`.
///
/// A definite absorbing value wins (`false` for `&&`, `true` for `||`) whichever side it is
/// on; otherwise an unknown wins over an error, and an error over a non-boolean operand.
enum Logic {
    @inline(__always)
    static func and(_ left: Value, _ right: () -> Value) -> Value {
        combine(left, right, absorbing: false)
    }

    @inline(__always)
    static func or(_ left: Value, _ right: () -> Value) -> Value {
        combine(left, right, absorbing: true)
    }

    /// Inlined into each `&&` and `||` node, so that two bools are combined without a call.
    @inline(__always)
    private static func combine(_ left: Value, _ right: () -> Value, absorbing: Bool) -> Value {
        if case .bool(absorbing) = left { return left }
        let rightValue = right()
        // Left is the non-absorbing bool: a bool on the right is the answer either way.
        if case .bool = left, case .bool = rightValue { return rightValue }
        return combineUndecided(left, rightValue, absorbing: absorbing)
    }

    /// `combine` once an operand is not a bool.
    private static func combineUndecided(_ left: Value, _ rightValue: Value, absorbing: Bool) -> Value {
        if case .bool(absorbing) = rightValue { return rightValue }
        if let undecided = Value.strictOutcome(left, rightValue) { return undecided }
        let spelling = absorbing ? "||" : "&&"
        let offender = left.boolValue == nil ? left : rightValue
        return .error("'\(spelling)' needs bool operands, got \(offender.typeName)")
    }

    static func not(_ operand: Value) -> Value {
        switch operand {
        case .bool(let flag): .bool(!flag)
        case .unknown, .error: operand
        default: .error("'!' needs a bool, got \(operand.typeName)")
        }
    }

    static func conditional(_ condition: Value, _ whenTrue: () -> Value, _ whenFalse: () -> Value) -> Value {
        switch condition {
        case .bool(true): whenTrue()
        case .bool(false): whenFalse()
        case .unknown, .error: condition
        default: .error("the condition of '?:' must be bool, got \(condition.typeName)")
        }
    }
}
