import Policy
import Testing

/// A chain of field selections (`resource.values.a.b`) is evaluated as one node; it must keep
/// the positions, step charges and results of one node per field.
@Suite("Field selection chains")
struct SelectChainTests {
    static let nested = Value.host(
        TestDocument(value: .map(["a": .map(["b": .map(["c": .int(1)])])])))

    static let errorPositions: [(source: String, message: String, column: Int)] = [
        // The failing field of a variable's chain, and a later field that passes it on.
        ("doc.a.x.c", "cannot select field 'c' from null", 9),
        ("n.a.b", "cannot select field 'a' from int", 3),
        // An unbound variable is placed at its name, not at a field.
        ("resource.a.b", "no value is bound to variable 'resource'", 1),
        // Chains from a literal, an iteration variable and an index.
        ("{'a': {'b': 1}}.a.c", "no such key: 'c'", 19),
        ("[{'a': 1}].map(m, m.b)", "no such key: 'b'", 21),
        ("[1][0].a.b", "cannot select field 'a' from int", 8),
    ]

    @Test("an error carries the position of the selection that made it", arguments: errorPositions)
    func errorPosition(source: String, message: String, column: Int) {
        let result = Harness.evaluate(source, ["doc": Self.nested])
        guard case .error(let error) = result else {
            Issue.record("\(source) gave \(result.jsonText), expected an error")
            return
        }
        #expect(error.message.contains(message), "\(source): \(error)")
        #expect(error.position?.column == column, "\(source): \(error)")
    }

    @Test("a chain charges one step per field and one for its variable")
    func stepCharges() {
        // `==` charges two (its node and the comparison), the chain four, the literal none.
        let source = "doc.a.b.c == 1"
        #expect(Harness.evaluate(source, ["doc": Self.nested], stepBudget: 6) == .bool(true))
        let short = Harness.evaluate(source, ["doc": Self.nested], stepBudget: 5)
        #expect(Expected.error(containing: "exceeded its budget of 5 steps").matches(short))
        // An iteration variable is read without a step: one per element, per field, and `==`.
        let local = "[1].map(x, {'a': {'b': x}}).all(m, m.a.b == 1)"
        let budget = 10
        #expect(Harness.evaluate(local, stepBudget: budget) == .bool(true))
        #expect(Harness.evaluate(local, stepBudget: budget - 1).isError)
    }

    @Test("unknowns and errors pass through the rest of the chain unchanged")
    func passThrough() {
        #expect(Harness.evaluate("u.a.b.c") == .unknown(Harness.unknownCause))
        // The variable's node placed the bound error at its name.
        #expect(
            Harness.evaluate("err.a.b") == .error("boom", at: SourcePosition(line: 1, column: 1, offset: 0)))
        #expect(Harness.evaluate("doc.a.b.c", ["doc": Self.nested]) == .int(1))
    }

    @Test("a chain read again in one evaluation charges its steps again")
    func repeatedChainSteps() {
        let once = LiteralComparisonTests.smallestBudget {
            Harness.evaluate("doc.a.b.c == 1", ["doc": Self.nested], stepBudget: $0)
        }
        let twice = LiteralComparisonTests.smallestBudget {
            Harness.evaluate("doc.a.b.c == 1 && doc.a.b.c == 1", ["doc": Self.nested], stepBudget: $0)
        }
        #expect(once == 6)
        #expect(twice == 2 * once + 1)
    }

    @Test("a chain read again places its error at its own selection")
    func repeatedChainError() {
        // The first read's error is absorbed by `|| true`; the second is the result.
        let result = Harness.evaluate("(n.x.c == 1 || true) && n.x.c == 2")
        guard case .error(let error) = result else {
            Issue.record("expected an error, got \(result.jsonText)")
            return
        }
        #expect(error.message.contains("cannot select field 'x' from int"))
        #expect(error.position?.column == 27, "\(error)")
    }

    /// A chain from an iteration variable is kept while the macro is on one element: each
    /// element, each sibling macro sharing the variable's slot, and each nesting level must see
    /// its own fields.
    static let iterationChains: [(source: String, expected: Value)] = [
        ("[{'a': {'b': 1}}, {'a': {'b': 2}}].map(x, x.a.b + x.a.b)", .list([.int(2), .int(4)])),
        ("[{'a': {'b': 1}}].map(x, x.a.b) + [{'a': {'b': 3}}].map(y, y.a.b)", .list([.int(1), .int(3)])),
        (
            "[{'a': {'b': 1}}, {'a': {'b': 2}}].map(x, [10, 20].map(y, x.a.b + y + x.a.b))",
            .list([.list([.int(12), .int(22)]), .list([.int(14), .int(24)])])
        ),
        ("[{'a': {'b': 1}}, {'a': {'b': 2}}].map(x, x.a.b > 1, x.a.b * 10)", .list([.int(20)])),
        (
            "[{'a': {'b': 1}}, {'a': {'b': 2}}].filter(x, x.a.b == 2 && x.a == {'b': 2})",
            .list([.map(["a": .map(["b": .int(2)])])])
        ),
        ("[{'a': {'b': 2}}, {'a': {'b': 1}}].exists_one(x, x.a.b == 1 && x.a.b < 2)", .bool(true)),
        ("[{'a': {'b': 2}}, {'a': {'b': 1}}].all(x, x.a.b == 2 || x.a.b == 1)", .bool(true)),
        ("[{'a': {'b': 2}}, {'a': {'b': 1}}].all(x, x.a.b == 2 && x.a.b == 2)", .bool(false)),
        ("[doc, item].map(d, d.a.b.c * 10 + d.a.b.c)", .list([.int(11), .int(22)])),
    ]

    @Test("a chain from an iteration variable reads each element's own fields", arguments: iterationChains)
    func iterationChain(source: String, expected: Value) {
        let other = Value.host(TestDocument(value: .map(["a": .map(["b": .map(["c": .int(2)])])])))
        #expect(Harness.evaluate(source, ["doc": Self.nested, "item": other]) == expected, "\(source)")
    }

    @Test("a chain read again gives the same value, unknowns included, from fresh bindings")
    func repeatedChainValues() throws {
        let compiled = try Expression.compile(
            "[doc.a.b, doc.a.b.c, doc.a, doc.a.b.c]", environment: Harness.environment)
        let other = Value.host(TestDocument(value: .map(["a": .map(["b": .map(["c": .int(2)])])])))
        for (document, expected) in [(Self.nested, Int64(1)), (other, 2), (Self.nested, 1)] {
            guard case .list(let values) = compiled.evaluate(Bindings(["doc": document])) else {
                Issue.record("expected a list")
                return
            }
            #expect(values[1] == .int(expected) && values[3] == .int(expected))
        }
        let unknown = Value.host(TestDocument(value: .map([:]), computed: ["a"]))
        let reads = try Expression.compile("[doc.a.b, doc.a.b]", environment: Harness.environment)
            .evaluateRecordingUnknownReads(Bindings(["doc": unknown]))
        #expect(
            reads.value
                == .list([
                    .unknown(UnknownCause(path: "a", computed: true)),
                    .unknown(UnknownCause(path: "a", computed: true)),
                ]))
        #expect(reads.unknownReads == [UnknownCause(path: "a", computed: true)])
    }
}
