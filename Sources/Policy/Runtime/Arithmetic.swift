/// CEL arithmetic: same-kind operands only, checked integer overflow, no division by zero.
enum Arithmetic {
    static func negate(_ operand: Value) -> Value {
        switch operand {
        case .int(let number):
            let (result, overflow) = Int64(0).subtractingReportingOverflow(number)
            return overflow ? .error("integer overflow") : .int(result)
        case .double(let number): return .double(-number)
        case .unknown, .error: return operand
        default: return .error("'-' needs a number, got \(operand.typeName)")
        }
    }

    static func apply(
        _ operation: BinaryOperator, _ left: Value, _ right: Value, context: EvaluationContext
    )
        -> Value
    {
        if let undecided = Value.strictOutcome(left, right) { return undecided }
        switch (left, right) {
        case (.int(let a), .int(let b)): return integer(operation, a, b)
        case (.double(let a), .double(let b)): return floating(operation, a, b)
        case (.string(let a), .string(let b)) where operation == .add:
            guard context.charge((a.utf8.count + b.utf8.count) / 256) else { return context.budgetError }
            return .string(a + b)
        default: break
        }
        if operation == .add, let a = ListView(left), let b = ListView(right) {
            guard context.charge((a.count + b.count) / 64) else { return context.budgetError }
            var elements: [Value] = []
            elements.reserveCapacity(a.count + b.count)
            for index in 0..<a.count { elements.append(a[index]) }
            for index in 0..<b.count { elements.append(b[index]) }
            return .list(elements)
        }
        return noOverload(operation, left, right)
    }

    static func noOverload(_ operation: BinaryOperator, _ left: Value, _ right: Value) -> Value {
        var message = "no operator '\(operation.rawValue)' for \(left.typeName) and \(right.typeName)"
        let numeric: Set = ["int", "double"]
        if numeric.contains(left.typeName), numeric.contains(right.typeName) {
            message += "; convert one side with int() or double()"
        }
        return .error(message)
    }

    private static func integer(_ operation: BinaryOperator, _ a: Int64, _ b: Int64) -> Value {
        let result: (partialValue: Int64, overflow: Bool)
        switch operation {
        case .add: result = a.addingReportingOverflow(b)
        case .subtract: result = a.subtractingReportingOverflow(b)
        case .multiply: result = a.multipliedReportingOverflow(by: b)
        case .divide:
            guard b != 0 else { return .error("division by zero") }
            result = a.dividedReportingOverflow(by: b)
        case .remainder:
            guard b != 0 else { return .error("modulus by zero") }
            result = a.remainderReportingOverflow(dividingBy: b)
        default: return .error("no operator '\(operation.rawValue)' for int and int")
        }
        return result.overflow ? .error("integer overflow") : .int(result.partialValue)
    }

    private static func floating(_ operation: BinaryOperator, _ a: Double, _ b: Double) -> Value {
        switch operation {
        case .add: .double(a + b)
        case .subtract: .double(a - b)
        case .multiply: .double(a * b)
        case .divide: .double(a / b)
        default: .error("no operator '\(operation.rawValue)' for double and double")
        }
    }
}
