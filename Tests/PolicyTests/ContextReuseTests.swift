import Policy
import Testing

/// A thread reuses one evaluation context for its evaluations; nothing of one evaluation may
/// reach the next, and an evaluation inside a function call must not disturb the outer one.
@Suite("Evaluation context reuse")
struct ContextReuseTests {
    /// `inner(n)` evaluates `n * 10 + m` with `m` bound to 1, from inside a running evaluation.
    static let inner = FunctionOverload("inner", style: .global, arity: 1, signature: "inner(n)") {
        arguments, context in
        guard case .int(let number) = arguments[0] else { return .error("inner() needs an int") }
        let nested = try? Expression.compile(
            "[1, 2, 3].map(x, x + n * 10 + m)", environment: Environment(variables: ["n", "m"]))
        let value = nested?.evaluate(Bindings(["n": .int(number), "m": .int(1)])) ?? .error("no compile")
        context.charge(1)
        return value
    }

    /// `keep(x, y)` returns its argument array itself as a list.
    static let keep = FunctionOverload("keep", style: .global, arity: 2, signature: "keep(x, y)") {
        arguments, _ in .list(arguments)
    }

    static let environment = Environment(
        variables: ["a", "b"], functions: FunctionLibrary.standard.adding([inner, keep]))

    @Test("a function that keeps its argument array keeps it whole, though call arrays are reused")
    func keptArguments() throws {
        let compiled = try Expression.compile(
            "[keep(1, 2), keep(a, b), keep(keep(5, 6), size(keep(7, 8)))]", environment: Self.environment)
        let value = compiled.evaluate(Bindings(["a": .int(3), "b": .int(4)]))
        let pair = { (x: Int64, y: Int64) in Value.list([.int(x), .int(y)]) }
        #expect(value == .list([pair(1, 2), pair(3, 4), .list([pair(5, 6), .int(2)])]))
        #expect(
            compiled.evaluate(Bindings(["a": .int(9), "b": .int(9)]))
                == .list([pair(1, 2), pair(9, 9), .list([pair(5, 6), .int(2)])]))
    }

    @Test("an evaluation inside a function leaves the outer locals, variables and steps intact")
    func nestedEvaluation() throws {
        let compiled = try Expression.compile(
            "[a, b].map(y, inner(y)[0] + y + a)", environment: Self.environment)
        let value = compiled.evaluate(Bindings(["a": .int(1), "b": .int(2)]))
        // inner(1)[0] = 1 + 10 + 1, plus y = 1 and a = 1; inner(2)[0] = 1 + 20 + 1, plus 2 and 1.
        #expect(value == .list([.int(14), .int(25)]))
    }

    @Test("each evaluation starts with a full budget, after one that ran out")
    func budgetStartsAfresh() throws {
        let compiled = try Expression.compile(
            "[1, 2, 3, 4, 5].all(x, x > 0)", environment: Self.environment)
        let starved = compiled.evaluate(Bindings(stepBudget: 3))
        #expect(Expected.error(containing: "exceeded its budget of 3 steps").matches(starved))
        #expect(compiled.evaluate(Bindings(stepBudget: 100)) == .bool(true))
        #expect(
            Expected.error(containing: "budget of 3 steps").matches(
                compiled.evaluate(Bindings(stepBudget: 3))))
    }

    @Test("the unknown reads of one evaluation are not those of the next")
    func unknownReadsStartEmpty() throws {
        let select = try Expression.compile("a.x == 1", environment: Self.environment)
        let read = select.evaluateRecordingUnknownReads(
            Bindings(["a": .host(TestDocument(value: .map([:]), computed: ["x"]))]))
        #expect(read.unknownReads == [UnknownCause(path: "x", computed: true)])
        let known = select.evaluateRecordingUnknownReads(Bindings(["a": .map(["x": .int(1)])]))
        #expect(known.value == .bool(true))
        #expect(known.unknownReads.isEmpty)
    }

    @Test("expressions with more variables and locals than the last one get slots for all")
    func slotsGrow() throws {
        let small = try Expression.compile("a", environment: Self.environment)
        #expect(small.evaluate(Bindings(["a": .int(1)])) == .int(1))
        let large = try Expression.compile(
            "[1].all(p, [2].all(q, [3].all(r, [4].all(s, [5].all(t, [6].all(u, [7].all(v, [8].all(w, "
                + "[9].all(z, a + b + p + q + r + s + t + u + v + w + z == 48)))))))))",
            environment: Self.environment)
        #expect(large.evaluate(Bindings(["a": .int(1), "b": .int(2)])) == .bool(true))
        #expect(small.evaluate(Bindings(["a": .int(3)])) == .int(3))
    }

    @Test("variables missing from the bindings are errors, whatever the last evaluation bound")
    func unboundVariable() throws {
        let compiled = try Expression.compile("b", environment: Self.environment)
        #expect(compiled.evaluate(Bindings(["b": .int(2)])) == .int(2))
        let missing = compiled.evaluate(Bindings(["a": .int(1)]))
        #expect(Expected.error(containing: "no value is bound to variable 'b'").matches(missing))
    }

    @Test("a variable is found among many, and `adding` wins over the variables")
    func lookupByName() throws {
        let names = (0..<20).map { "v\($0)" }
        let environment = Environment(variables: names)
        var values: ValueMap = [:]
        for (index, name) in names.enumerated() { values[name] = .int(Int64(index)) }
        let compiled = try Expression.compile("v3 + v17", environment: environment)
        #expect(compiled.evaluate(Bindings(values)) == .int(20))
        let few = ValueMap(names.prefix(4).map { ($0, values[$0]!) })
        let sum = try Expression.compile("v0 + v1 + v2 + v3", environment: environment)
        #expect(sum.evaluate(Bindings(few)) == .int(6))
        #expect(sum.evaluate(Bindings(few, adding: ("v2", .int(100)))) == .int(104))
    }
}
