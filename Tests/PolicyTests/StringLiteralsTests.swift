import Policy
import Testing

/// `Expression.stringLiterals(in:)` lists the words an expression's author wrote.
@Suite("String literals of an expression")
struct StringLiteralsTests {
    @Test("Every string literal, in order, from every kind of node")
    func everyLiteral() {
        let source = #"x ? "`a` is set" : f(["b", {"k": 'v'}][0], y.z + "c") in ["d"] || !("e" == w)"#
        #expect(Expression.stringLiterals(in: source) == ["`a` is set", "b", "k", "v", "c", "d", "e"])
        #expect(Expression.stringLiterals(in: "address + 1").isEmpty)
    }

    @Test("Source that does not parse has none", arguments: ["\"open", "a +", ""])
    func unparsable(source: String) {
        #expect(Expression.stringLiterals(in: source).isEmpty)
    }
}
