/// CEL relations: equality, ordering and membership (`in`).
enum Relations {
    static func compare(
        _ operation: BinaryOperator, _ left: Value, _ right: Value, context: EvaluationContext
    ) -> Value {
        if let undecided = Value.strictOutcome(left, right) { return undecided }
        switch operation {
        case .equal: return left.celEquals(right, context: context)
        case .notEqual: return Logic.not(left.celEquals(right, context: context))
        default: break
        }
        let order: Int?
        switch (left, right) {
        case (.string(let a), .string(let b)):
            order =
                a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
                ? -1 : (a.unicodeScalars.elementsEqual(b.unicodeScalars) ? 0 : 1)
        case (.bool(let a), .bool(let b)):
            order = a == b ? 0 : (a ? 1 : -1)
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double):
            guard let numeric = Value.compareNumbers(left, right) else { return .bool(false) }
            order = numeric
        default:
            return .error("cannot order \(left.typeName) and \(right.typeName) with '\(operation.rawValue)'")
        }
        guard let order else { return .bool(false) }
        switch operation {
        case .less: return .bool(order < 0)
        case .lessEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        default: return .bool(order >= 0)
        }
    }

    /// `element in container`: list membership by CEL equality, or map key presence.
    static func membership(_ element: Value, _ container: Value, context: EvaluationContext) -> Value {
        if let undecided = Value.strictOutcome(element, container) { return undecided }
        if let list = ListView(container) {
            var undecided: [Value] = []
            for index in 0..<list.count {
                guard context.charge() else { return context.budgetError }
                let outcome = element.celEquals(list[index], context: context)
                if outcome == .bool(true) { return outcome }
                if outcome.boolValue == nil { undecided.append(outcome) }
            }
            return Value.strictOutcome(of: undecided) ?? .bool(false)
        }
        if let map = MapView(container) {
            guard case .string(let key) = element else { return .bool(false) }
            return map.presence(of: key)
        }
        return .error("'in' needs a list or map on its right, got \(container.typeName)")
    }
}
