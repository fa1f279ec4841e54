import Testing

@testable import Policy

@Suite("Bindings")
struct BindingsTests {
    @Test("an extra binding is seen beside the dictionary and wins over the same name in it")
    func extraBinding() throws {
        let environment = Environment(variables: ["a", "b"])
        let sum = try Expression.compile("a + b", environment: environment)
        #expect(sum.evaluate(Bindings(["a": .int(1)], adding: ("b", .int(2)))) == .int(3))
        #expect(sum.evaluate(Bindings(["a": .int(1), "b": .int(5)], adding: ("b", .int(2)))) == .int(3))
        guard case .error(let error) = sum.evaluate(Bindings(["a": .int(1)])) else {
            Issue.record("an unbound variable did not give an error")
            return
        }
        #expect(error.message.contains("no value is bound to variable 'b'"))
    }

    @Test("a variable read twice and an iteration local share one evaluation's slots")
    func slots() throws {
        let environment = Environment(variables: ["xs", "n"])
        let expression = try Expression.compile("xs.all(x, x < n) && n == n", environment: environment)
        let bindings = Bindings(["xs": .list([.int(1), .int(2)]), "n": .int(3)])
        #expect(expression.evaluate(bindings) == .bool(true))
        #expect(expression.referencedVariables == ["xs", "n"])
    }
}
