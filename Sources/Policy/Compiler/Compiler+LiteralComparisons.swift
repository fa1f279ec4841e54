extension Compiler {
    /// `x == "text"`, `x != null` and `x in ["a", "b"]` as nodes that compare a string or null
    /// directly, or nil when the operation has no such form.
    ///
    /// Rules compare attributes with literals everywhere; the general path copies both values
    /// into `Relations` and CEL equality and, for `in`, compares element by element. The steps
    /// charged are those of the general path (one per comparison, and for `in` one per element
    /// visited), and any other operand takes the general path.
    func literalComparison(
        _ operation: BinaryOperator, _ left: CompiledNode, _ right: CompiledNode, at position: SourcePosition
    ) -> CompiledNode? {
        switch operation {
        case .equal, .notEqual:
            if let literal = right.constant, left.constant == nil {
                return Compiler.equality(
                    operation, left.evaluate, literal, literalOnLeft: false, at: position)
            }
            if let literal = left.constant, right.constant == nil {
                return Compiler.equality(
                    operation, right.evaluate, literal, literalOnLeft: true, at: position)
            }
            return nil
        case .in:
            guard left.constant == nil, case .list(let elements)? = right.constant else { return nil }
            let strings = elements.compactMap(\.stringValue)
            guard strings.count == elements.count else { return nil }
            return Compiler.stringMembership(left.evaluate, in: strings, at: position)
        default:
            return nil
        }
    }

    private static func equality(
        _ operation: BinaryOperator, _ evaluate: @escaping Evaluator, _ literal: Value, literalOnLeft: Bool,
        at position: SourcePosition
    ) -> CompiledNode? {
        let isEqual = operation == .equal
        @Sendable func general(_ value: Value, _ context: EvaluationContext) -> Value {
            literalOnLeft
                ? Relations.compare(operation, literal, value, context: context)
                : Relations.compare(operation, value, literal, context: context)
        }
        switch literal {
        case .string(let text):
            return CompiledNode(
                { context in
                    located(position, context) {
                        let value = evaluate(context)
                        guard case .string(let operand) = value else { return general(value, context) }
                        guard context.charge() else { return context.budgetError }
                        return .bool(Value.sameUTF8(operand, text) == isEqual)
                    }
                }, staticType: "bool")
        case .null:
            return CompiledNode(
                { context in
                    located(position, context) {
                        let value = evaluate(context)
                        switch value {
                        case .unknown, .error: return value
                        default:
                            guard context.charge() else { return context.budgetError }
                            if case .null = value { return .bool(isEqual) }
                            return .bool(!isEqual)
                        }
                    }
                }, staticType: "bool")
        default:
            return nil
        }
    }

    private static func stringMembership(
        _ evaluate: @escaping Evaluator, in strings: [String], at position: SourcePosition
    ) -> CompiledNode {
        let list = Value.list(strings.map(Value.string))
        return CompiledNode(
            { context in
                located(position, context) {
                    let value = evaluate(context)
                    guard case .string(let operand) = value else {
                        return Relations.membership(value, list, context: context)
                    }
                    let match = strings.firstIndex { Value.sameUTF8(operand, $0) }
                    // The general path charges a step per element and one per comparison.
                    guard context.charge(2 * (match.map { $0 + 1 } ?? strings.count)) else {
                        return context.budgetError
                    }
                    return .bool(match != nil)
                }
            }, staticType: "bool")
    }
}
