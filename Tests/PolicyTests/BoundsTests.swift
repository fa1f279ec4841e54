import Policy
import Testing

@Suite("Termination and bounds")
struct BoundsTests {
    /// A list literal of `count` integers, as source text.
    static func listSource(_ count: Int) -> String {
        "[" + (0..<count).map(String.init).joined(separator: ", ") + "]"
    }

    @Test("nested macros stop with an error past the step budget")
    func stepBudget() {
        let source = "\(Self.listSource(200)).all(x, \(Self.listSource(200)).all(y, x + y >= 0))"
        #expect(Harness.evaluate(source) == .bool(true))
        let limited = Harness.evaluate(source, stepBudget: 5_000)
        #expect(Expected.error(containing: "exceeded its budget of 5000 steps").matches(limited))
    }

    @Test("running out of steps is not absorbed by || or &&")
    func budgetIsSticky() {
        let source = "\(Self.listSource(500)).all(x, x >= 0) || true"
        #expect(Harness.evaluate(source) == .bool(true))
        #expect(Expected.error(containing: "budget").matches(Harness.evaluate(source, stepBudget: 100)))
    }

    @Test("the step budget is configurable per evaluation")
    func budgetIsConfigurable() throws {
        let compiled = try Expression.compile("[1, 2, 3].map(x, x * 2)", environment: Harness.environment)
        #expect(compiled.evaluate(Bindings(stepBudget: 1_000)) == .list([.int(2), .int(4), .int(6)]))
        #expect(compiled.evaluate(Bindings(stepBudget: 3)).isError)
        #expect(compiled.evaluate(Bindings(stepBudget: 0)).isError)
    }

    static let hugeWork = ["doc == doc", "doc + doc", "1 in doc", "size(doc + [1]) > 0"]

    @Test("work proportional to a huge host list is charged to the budget", arguments: hugeWork)
    func hugeListWork(source: String) {
        let result = Harness.evaluate(source, ["doc": .host(HugeList())], stepBudget: 100_000)
        #expect(Expected.error(containing: "budget").matches(result), "\(source) gave \(result.jsonText)")
    }

    static let tooDeep: [String] = [
        String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300),
        String(repeating: "!", count: 300) + "true",
        String(repeating: "-", count: 300) + "1",
        (0..<300).map { _ in "1" }.joined(separator: " + "),
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
        "n" + String(repeating: ".f", count: 300),
        String(repeating: "true ? 1 : ", count: 300) + "2",
        String(repeating: "size(", count: 300) + "'x'" + String(repeating: ")", count: 300),
    ]

    @Test("deep nesting is rejected cleanly", arguments: tooDeep)
    func deepNesting(source: String) throws {
        let error = try #require(Harness.compileError(source))
        #expect(error.kind == .nestingTooDeep, "\(error)")
    }

    @Test("nesting within the limit compiles and evaluates")
    func nestingWithinLimit() {
        let parenthesised = String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)
        #expect(Harness.evaluate(parenthesised) == .int(1))
        let sum = (0..<150).map { _ in "1" }.joined(separator: " + ")
        #expect(Harness.evaluate(sum) == .int(150))
        #expect(Harness.evaluate(String(repeating: "!", count: 150) + "true") == .bool(true))
    }

    @Test("the nesting limit is configurable")
    func configurableLimit() {
        let shallow = Environment(variables: [], maximumNestingDepth: 3)
        #expect(Harness.compileError("1 + 2", environment: shallow) == nil)
        #expect(Harness.compileError("((1 + 2) * 3) - 4", environment: shallow)?.kind == .nestingTooDeep)
    }
}
