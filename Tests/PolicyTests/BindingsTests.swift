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

    @Test("a second extra binding is seen beside the first and the dictionary; the first wins a shared name")
    func secondExtraBinding() throws {
        let environment = Environment(variables: ["a", "b", "c"])
        let list = try Expression.compile("[a, b, c]", environment: environment)
        let both = Bindings(["a": .int(1), "c": .int(9)], adding: ("b", .int(2)), and: ("c", .int(3)))
        #expect(list.evaluate(both) == .list([.int(1), .int(2), .int(3)]))
        #expect(both.value(of: "c") == .int(3))
        #expect(both.secondExtra?.name == "c")
        let shared = Bindings(["a": .int(1)], adding: ("b", .int(2)), and: ("b", .int(5)))
        #expect(shared.value(of: "b") == .int(2))
        guard case .error(let error) = list.evaluate(shared) else {
            Issue.record("an unbound variable did not give an error")
            return
        }
        #expect(error.message.contains("no value is bound to variable 'c'"))
        let onlySecond = Bindings(["a": .int(1), "b": .int(2)], and: ("c", .int(3)))
        #expect(list.evaluate(onlySecond) == .list([.int(1), .int(2), .int(3)]))
    }

    @Test("a variable read twice and an iteration local share one evaluation's slots")
    func slots() throws {
        let environment = Environment(variables: ["xs", "n"])
        let expression = try Expression.compile("xs.all(x, x < n) && n == n", environment: environment)
        let bindings = Bindings(["xs": .list([.int(1), .int(2)]), "n": .int(3)])
        #expect(expression.evaluate(bindings) == .bool(true))
        #expect(expression.referencedVariables == ["xs", "n"])
    }

    @Test("every variable read is bound from few or many variables, with extra", arguments: 0...10)
    func manyVariables(count: Int) throws {
        let names = (0..<10).map { "v\($0)" }
        let expression = try Expression.compile(
            "[v2, v0, v9, v5]", environment: Environment(variables: names))
        var variables: ValueMap = [:]
        for index in 0..<count { variables[names[index]] = .int(Int64(index)) }
        let extra = (name: "v5", value: Value.string("extra"))
        let result = expression.evaluate(Bindings(variables, adding: extra))
        let expected: [Value?] = [2, 0, 9].map { $0 < count ? .int(Int64($0)) : nil } + [.string("extra")]
        if let unbound = expected.firstIndex(of: nil) {
            let name = ["v2", "v0", "v9"][unbound]
            #expect(
                Expected.error(containing: "no value is bound to variable '\(name)'").matches(result),
                "\(count) variables gave \(result.jsonText)")
        } else {
            #expect(result == .list(expected.compactMap { $0 }), "\(count) variables")
        }
    }
}
