import Policy
import Testing

/// `x == "text"`, `x != null` and `x in ["a", "b"]` compile to nodes of their own; they must
/// give what the general operators give, and charge the same steps.
@Suite("Comparisons with literals")
struct LiteralComparisonTests {
    static let operands: [Value] = [
        .string("a"), .string("b"), .string(""), .string("é"), .null, .bool(true), .int(1), .double(1),
        .list([.string("a")]), .map(["a": .string("a")]),
        .host(TestDocument(value: .map(["a": .null]))), .host(TestDocument(value: .list([.string("a")]))),
        .unknown(Harness.unknownCause), .error("boom"),
    ]

    /// Each form with a literal, and the same form with the literal bound to a variable of the
    /// literal's length (errors carry columns), which takes the general path.
    static let forms: [(literal: String, general: String, variable: String, bound: Value)] = [
        ("x == 'a'", "x == doc", "doc", .string("a")),
        ("'a' == x", "doc == x", "doc", .string("a")),
        ("x != 'a'", "x != doc", "doc", .string("a")),
        ("x == 'é'", "x == doc", "doc", .string("é")),
        ("x == null", "x == item", "item", .null),
        ("null != x", "item != x", "item", .null),
        ("x in ['b', 'a', 'c']", "x in item", "item", .list([.string("b"), .string("a"), .string("c")])),
        ("x in []", "x in item", "item", .list([])),
    ]

    @Test("a literal comparison gives what the general operator gives", arguments: forms.indices)
    func sameResults(form: Int) {
        let (literal, general, variable, bound) = Self.forms[form]
        for operand in Self.operands {
            let specialized = Harness.evaluate(literal, ["x": operand])
            let expected = Harness.evaluate(general, ["x": operand, variable: bound])
            #expect(specialized == expected, "\(literal) with x = \(operand.jsonText)")
        }
    }

    @Test("a literal comparison charges the steps of the general operator", arguments: forms.indices)
    func sameSteps(form: Int) {
        let (literal, general, variable, bound) = Self.forms[form]
        for operand in Self.operands where !operand.isError {
            let specialized = Self.smallestBudget {
                Harness.evaluate(literal, ["x": operand], stepBudget: $0)
            }
            let expected = Self.smallestBudget {
                Harness.evaluate(general, ["x": operand, variable: bound], stepBudget: $0)
            }
            // The general form reads a variable: one step more.
            #expect(specialized == expected - 1, "\(literal) with x = \(operand.jsonText)")
        }
    }

    /// The smallest step budget with which `evaluate` does not run out.
    static func smallestBudget(_ evaluate: (Int) -> Value) -> Int {
        var budget = 0
        while Expected.error(containing: "budget").matches(evaluate(budget)) { budget += 1 }
        return budget
    }
}
