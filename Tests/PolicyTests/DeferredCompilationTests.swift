import Policy
import Testing

@Suite("Compilation on first use")
struct DeferredCompilationTests {
    static let deferred = Environment(variables: ["n", "resource"], compilationTiming: .onFirstUse)
    static let immediate = Environment(variables: ["n", "resource"])

    @Test(
        "A deferred expression evaluates as an immediately compiled one",
        arguments: ["n * 2 + 1", "[1, 2, 3].all(x, x < n)", "n > 3 ? 'big' : 'small'", "resource.a"])
    func sameValues(source: String) throws {
        let bindings = Bindings(["n": .int(5), "resource": .map(ValueMap([("a", .string("x"))]))])
        let later = try Expression.compile(source, environment: Self.deferred)
        let now = try Expression.compile(source, environment: Self.immediate)
        #expect(later.evaluate(bindings) == now.evaluate(bindings))
        #expect(later.referencedVariables == now.referencedVariables)
        #expect(later.source == source)
    }

    @Test("A deferred expression that does not compile is an error on every evaluation, not a throw")
    func problemsSurfaceOnUse() throws {
        let compiled = try Expression.compile("lenght(n)", environment: Self.deferred)
        #expect(throws: PolicyError.self) { try Expression.compile("lenght(n)", environment: Self.immediate) }
        for _ in 0..<2 {
            guard case .error(let error) = compiled.evaluate(Bindings(["n": .int(1)])) else {
                Issue.record("expected an error value")
                return
            }
            #expect(error.message.contains("unknown function 'lenght'"))
            #expect(error.position?.column == 1)
        }
        #expect(compiled.referencedVariables.isEmpty)
    }

    @Test("Many threads evaluating a deferred expression for the first time all get its value")
    func concurrentFirstUse() async throws {
        let compiled = try Expression.compile("[1, 2, 3].map(x, x * n)", environment: Self.deferred)
        let values = await withTaskGroup(of: Value.self) { group in
            for _ in 0..<16 { group.addTask { compiled.evaluate(Bindings(["n": .int(2)])) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values.count == 16)
        #expect(values.allSatisfy { $0 == .list([.int(2), .int(4), .int(6)]) })
    }
}
