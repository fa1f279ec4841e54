extension Compiler {
    mutating func unary(
        _ operation: UnaryOperator, _ operand: SyntaxNode, at position: SourcePosition
    )
        throws(PolicyError) -> CompiledNode
    {
        let compiled = try compile(operand)
        let evaluate = compiled.evaluate
        switch operation {
        case .not:
            try require(compiled, is: "bool", "the operand of '!'", at: position)
            return CompiledNode(
                { context in located(position, context) { Logic.not(evaluate(context)) } }, staticType: "bool"
            )
        case .negate:
            if let type = compiled.staticType, type != "int", type != "double" {
                throw PolicyError(.typeMismatch, "'-' needs a number, got \(type)", at: position)
            }
            return CompiledNode(
                { context in located(position, context) { Arithmetic.negate(evaluate(context)) } },
                staticType: compiled.staticType)
        }
    }

    mutating func binary(
        _ operation: BinaryOperator, _ left: SyntaxNode, _ right: SyntaxNode, at position: SourcePosition
    ) throws(PolicyError) -> CompiledNode {
        let compiledLeft = try compile(left)
        let compiledRight = try compile(right)
        let (first, second) = (compiledLeft.evaluate, compiledRight.evaluate)
        switch operation {
        case .and, .or:
            try require(compiledLeft, is: "bool", "the left operand of '\(operation.rawValue)'", at: position)
            try require(
                compiledRight, is: "bool", "the right operand of '\(operation.rawValue)'", at: position)
            if operation == .and {
                return CompiledNode(
                    { context in located(position, context) { Logic.and(first(context), { second(context) }) }
                    },
                    staticType: "bool")
            }
            return CompiledNode(
                { context in located(position, context) { Logic.or(first(context), { second(context) }) } },
                staticType: "bool")
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            try checkRelation(operation, compiledLeft.staticType, compiledRight.staticType, at: position)
            if let specialized = literalComparison(operation, compiledLeft, compiledRight, at: position) {
                return specialized
            }
            return CompiledNode(
                { context in
                    located(position, context) {
                        Relations.compare(operation, first(context), second(context), context: context)
                    }
                },
                staticType: "bool")
        case .in:
            if let type = compiledRight.staticType, type != "list", type != "map" {
                throw PolicyError(
                    .typeMismatch, "'in' needs a list or map on its right, got \(type)", at: position)
            }
            if let specialized = literalComparison(operation, compiledLeft, compiledRight, at: position) {
                return specialized
            }
            return CompiledNode(
                { context in
                    located(position, context) {
                        Relations.membership(first(context), second(context), context: context)
                    }
                }, staticType: "bool")
        case .add, .subtract, .multiply, .divide, .remainder:
            let resultType = try arithmeticType(
                operation, compiledLeft.staticType, compiledRight.staticType, at: position)
            return CompiledNode(
                { context in
                    located(position, context) {
                        Arithmetic.apply(operation, first(context), second(context), context: context)
                    }
                }, staticType: resultType)
        }
    }

    /// Rejects orderings CEL has no overload for, when both operand types are certain.
    private func checkRelation(
        _ operation: BinaryOperator, _ left: String?, _ right: String?, at position: SourcePosition
    ) throws(PolicyError) {
        guard operation != .equal, operation != .notEqual, let left, let right else { return }
        let numeric: Set = ["int", "double"]
        let orderable =
            (numeric.contains(left) && numeric.contains(right))
            || (left == right && ["string", "bool"].contains(left))
        if !orderable {
            throw PolicyError(
                .typeMismatch, "cannot order \(left) and \(right) with '\(operation.rawValue)'", at: position)
        }
    }

    /// The result type of an arithmetic operation on certain operand types, or an error.
    private func arithmeticType(
        _ operation: BinaryOperator, _ left: String?, _ right: String?, at position: SourcePosition
    ) throws(PolicyError) -> String? {
        guard let left, let right else { return nil }
        let supported: Bool
        switch (left, right) {
        case ("int", "int"): supported = true
        case ("double", "double"): supported = operation != .remainder
        case ("string", "string"), ("list", "list"): supported = operation == .add
        default: supported = false
        }
        guard supported else {
            var message = "no operator '\(operation.rawValue)' for \(left) and \(right)"
            if ["int", "double"].contains(left), ["int", "double"].contains(right) {
                message += "; convert one side with int() or double()"
            }
            throw PolicyError(.typeMismatch, message, at: position)
        }
        return left
    }
}
