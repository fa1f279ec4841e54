import Policy
import Testing

/// A variable the environment fixes (``Environment/constants``, a rule's `params`) is compiled as
/// its value: every expression must give what it gives when the variable is only bound.
@Suite("Constant variables")
struct ConstantVariableTests {
    static let parameters: Value = .map([
        "ports": .list([.int(22), .int(3389)]),
        "names": .list([.string("a"), .string("b")]),
        "nested": .map(["level": .string("high"), "flag": .bool(true)]),
        "pattern": .string("^a+$"),
        "empty": .list([]),
        "nothing": .null,
    ])

    static let constantEnvironment = Environment(
        variables: Harness.variableNames, constants: ["params": parameters])

    /// Reads of the constant in the forms compilation treats apart: whole, a field, a chain, a
    /// missing field (an error at its place), comparisons and membership, macros, calls and
    /// their cache, a list of fields, and `has`.
    static let sources = [
        "params", "params.ports", "params.nested.level", "params.missing", "params.nested.missing.deeper",
        "params.nothing.field", "x in params.names", "params.names.exists(n, n == x)", "x == params.pattern",
        "params.ports.filter(p, p > 100)", "size(params.ports) + size(params.ports)",
        "[params.nested.level, x]", "has(params.nested.flag)", "has(params.missing)",
        "x.matches(params.pattern)", "params.ports[1]", "params.nested['level'] == 'high'",
        "params.empty.all(p, p == x)", "params.nested.flag && x == 'a'",
    ]

    static let operands: [Value] = [
        .string("a"), .string("b"), .string("aaa"), .null, .int(1), .unknown(Harness.unknownCause),
        .error("boom"),
    ]

    @Test("an expression over a constant gives what it gives over the bound variable", arguments: sources)
    func sameResults(source: String) {
        for operand in Self.operands {
            let bindings: ValueMap = ["x": operand, "params": Self.parameters]
            let folded = Harness.evaluate(source, bindings, environment: Self.constantEnvironment)
            let bound = Harness.evaluate(source, bindings)
            #expect(folded == bound, "\(source) with x = \(operand.jsonText)")
        }
    }

    @Test("a constant still counts as a variable the expression reads")
    func referencedVariables() throws {
        let compiled = try Expression.compile("params.ports[0] == x", environment: Self.constantEnvironment)
        #expect(compiled.referencedVariables == ["params", "x"])
    }

    @Test("an invalid pattern in a constant is rejected when the expression compiles")
    func rejectedPattern() {
        let environment = Environment(
            variables: Harness.variableNames, constants: ["params": .map(["pattern": .string("(")])])
        #expect(Harness.compileError("x.matches(params.pattern)", environment: environment) != nil)
        #expect(Harness.compileError("x.matches(params.pattern)") == nil)
    }
}
