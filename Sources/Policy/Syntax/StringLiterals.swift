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
        if case .literal(.string(let text)) = node.kind { literals.append(text) }
        for child in node.children { collect(child, into: &literals) }
    }
}
