extension Expression {
    /// The string literals written in `source`, in order; empty when it does not parse.
    ///
    /// A message hole whose text is one of its own literals shows words the rule's author wrote,
    /// not input: `{{ x ? "`a` is set" : "`b` is not" }}` may mark code with backticks.
    public static func stringLiterals(in source: String) -> [String] {
        guard let tree = try? Parser.parse(source, maximumDepth: Environment.defaultMaximumNestingDepth)
        else {
            return []
        }
        var literals: [String] = []
        collect(tree, into: &literals)
        return literals
    }

    private static func collect(_ node: SyntaxNode, into literals: inout [String]) {
        switch node.kind {
        case .literal(.string(let text)): literals.append(text)
        case .literal, .identifier: break
        case .select(let operand, _): collect(operand, into: &literals)
        case .index(let operand, let index):
            collect(operand, into: &literals)
            collect(index, into: &literals)
        case .call(_, let target, let arguments):
            if let target { collect(target, into: &literals) }
            for argument in arguments { collect(argument, into: &literals) }
        case .list(let elements): for element in elements { collect(element, into: &literals) }
        case .map(let entries):
            for entry in entries {
                collect(entry.key, into: &literals)
                collect(entry.value, into: &literals)
            }
        case .unary(_, let operand): collect(operand, into: &literals)
        case .binary(_, let left, let right):
            collect(left, into: &literals)
            collect(right, into: &literals)
        case .conditional(let condition, let whenTrue, let whenFalse):
            collect(condition, into: &literals)
            collect(whenTrue, into: &literals)
            collect(whenFalse, into: &literals)
        }
    }
}
