#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Value {
    /// The deepest nesting CEL equality descends into before it gives up with an error.
    static let maximumComparisonDepth = 512

    /// CEL's `==`: `.bool`, or `.unknown`/`.error` when an operand is (or contains) one.
    ///
    /// `null` equals only `null`; `int` and `double` compare numerically; values of different
    /// kinds are unequal; lists and maps compare element by element, literal or host alike.
    /// An unknown wins over an error, and a definite difference wins over both.
    public func celEquals(_ other: Value) -> Value {
        celEquals(other, remainingDepth: Value.maximumComparisonDepth, context: nil)
    }

    /// CEL's `==`, charging one step per element compared to a running evaluation's budget.
    func celEquals(_ other: Value, context: EvaluationContext?) -> Value {
        celEquals(other, remainingDepth: Value.maximumComparisonDepth, context: context)
    }

    private func celEquals(_ other: Value, remainingDepth: Int, context: EvaluationContext?) -> Value {
        if let undecided = Value.strictOutcome(self, other) { return undecided }
        guard remainingDepth > 0 else { return .error("values nested too deeply to compare") }
        if let context, !context.charge() { return context.budgetError }
        switch (self, other) {
        case (.null, .null): return .bool(true)
        case (.bool(let left), .bool(let right)): return .bool(left == right)
        case (.string(let left), .string(let right)):
            // Code points, not canonical equivalence (CEL); equal UTF-8 is equal code points.
            return .bool(Value.sameUTF8(left, right))
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double):
            return .bool(Value.compareNumbers(self, other) == 0)
        default: break
        }
        if let left = ListView(self), let right = ListView(other) {
            guard left.count == right.count else { return .bool(false) }
            var outcomes: [Value] = []
            for index in 0..<left.count {
                let outcome = left[index].celEquals(
                    right[index], remainingDepth: remainingDepth - 1, context: context)
                if outcome == .bool(false) { return outcome }
                if let context, context.isExhausted { return context.budgetError }
                outcomes.append(outcome)
            }
            return Value.conjunction(outcomes)
        }
        if let left = MapView(self), let right = MapView(other) {
            guard left.count == right.count else { return .bool(false) }
            let rightKeys = Set(right.keys)
            var outcomes: [Value] = []
            for key in left.keys {
                guard rightKeys.contains(key), let leftValue = left.value(forKey: key),
                    let rightValue = right.value(forKey: key)
                else { return .bool(false) }
                let outcome = leftValue.celEquals(
                    rightValue, remainingDepth: remainingDepth - 1, context: context)
                if outcome == .bool(false) { return outcome }
                if let context, context.isExhausted { return context.budgetError }
                outcomes.append(outcome)
            }
            return Value.conjunction(outcomes)
        }
        return .bool(false)
    }

    /// True when two strings have the same bytes: CEL compares code points, and Swift's `==`
    /// compares canonical equivalence.
    static func sameUTF8(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        var (left, right) = (left, right)
        // memcmp: comparing byte by byte cost about 10 instructions a byte (ARNs, CIDR blocks).
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                guard let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress else {
                    return leftBytes.count == rightBytes.count
                }
                return memcmp(leftBase, rightBase, leftBytes.count) == 0
            }
        }
    }

    /// The combined outcome of equality parts none of which is false: unknown, error or true.
    private static func conjunction(_ outcomes: [Value]) -> Value {
        var unknown: Unknown?
        var firstError: Value?
        for outcome in outcomes {
            switch outcome {
            case .unknown(let part): unknown = unknown?.merging(part) ?? part
            case .error: firstError = firstError ?? outcome
            default: break
            }
        }
        if let unknown { return .unknown(unknown) }
        return firstError ?? .bool(true)
    }

    /// For a strict operation: the merged unknown of the operands, else their first error, else nil.
    static func strictOutcome(_ first: Value, _ second: Value) -> Value? {
        // Fast path: the common case has two decided operands and needs no allocation.
        switch (first, second) {
        case (.unknown(let left), .unknown(let right)): return .unknown(left.merging(right))
        case (.unknown, _), (.error, .error): return first
        case (_, .unknown), (_, .error): return second
        case (.error, _): return first
        default: return nil
        }
    }

    /// For a strict operation: the merged unknown of the operands, else their first error, else nil.
    static func strictOutcome(of operands: [Value]) -> Value? {
        var unknown: Unknown?
        var firstError: Value?
        for operand in operands {
            switch operand {
            case .unknown(let part): unknown = unknown?.merging(part) ?? part
            case .error: firstError = firstError ?? operand
            default: break
            }
        }
        if let unknown { return .unknown(unknown) }
        return firstError
    }

    /// Compares two numeric values exactly: -1, 0, 1, or nil when either is NaN or not a number.
    static func compareNumbers(_ left: Value, _ right: Value) -> Int? {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.double(let a), .double(let b)):
            if a.isNaN || b.isNaN { return nil }
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.int(let a), .double(let b)): return compare(integer: a, double: b)
        case (.double(let a), .int(let b)): return compare(integer: b, double: a).map { -$0 }
        default: return nil
        }
    }

    /// Compares an integer with a double without the rounding of converting the integer.
    private static func compare(integer: Int64, double: Double) -> Int? {
        if double.isNaN { return nil }
        // 2^63 is exactly representable; every double at or beyond it exceeds any Int64.
        if double >= 9_223_372_036_854_775_808.0 { return -1 }
        if double < -9_223_372_036_854_775_808.0 { return 1 }
        let truncated = Int64(double.rounded(.towardZero))
        if integer != truncated { return integer < truncated ? -1 : 1 }
        let fraction = double - double.rounded(.towardZero)
        return fraction == 0 ? 0 : (fraction > 0 ? -1 : 1)
    }
}
