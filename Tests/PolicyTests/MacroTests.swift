import Policy
import Testing

@Suite("Macros: all, exists, exists_one, filter, map and has")
struct MacroTests {
    static let cases: [(String, Expected)] = [
        ("[1, 2, 3].all(x, x > 0)", .yes), ("[1, 2, 3].all(x, x > 1)", .no), ("[].all(x, x > 1)", .yes),
        ("[1, 2, 3].exists(x, x == 2)", .yes), ("[1, 2, 3].exists(x, x == 5)", .no),
        ("[].exists(x, true)", .no),
        ("[1, 2, 3].exists_one(x, x > 2)", .yes), ("[1, 2, 3].exists_one(x, x > 1)", .no),
        ("[].exists_one(x, true)", .no),
        ("[1, 2, 3].filter(x, x % 2 == 1)", .value(.list([.int(1), .int(3)]))),
        ("[1, 2, 3].map(x, x * 10)", .value(.list([.int(10), .int(20), .int(30)]))),
        ("[1, 2, 3].map(x, x > 1, x * 10)", .value(.list([.int(20), .int(30)]))),
        ("{'a': 1, 'b': 2}.map(k, k)", .value(.list([.string("a"), .string("b")]))),
        ("{'a': 1, 'b': 2}.exists(k, k == 'b')", .yes),
        ("[[1, 2], [3]].all(l, l.all(y, y > 0))", .yes),
        ("[1, 2].all(x, [3, 4].all(y, x < y))", .yes),
        ("[1, 2].exists(x, [x].exists(x, x == 2))", .yes),
        (
            "[1, 2].map(x, [10, 20].map(y, x + y))",
            .value(.list([.list([.int(11), .int(21)]), .list([.int(12), .int(22)])]))
        ),
        ("[1, 2].map(n, n)", .value(.list([.int(1), .int(2)]))),
        ("[1, 2].map(x, x).all(x, x < 3)", .yes),
        // Quantifiers over lists with unknown elements settle when they can.
        ("[1, u].exists(x, x == 1)", .yes), ("[2, u].exists(x, x == 1)", .unknown),
        ("[1, u].all(x, x == 1)", .unknown), ("[2, u].all(x, x == 1)", .no),
        ("[1, 1, u].exists_one(x, x == 1)", .no), ("[1, u].exists_one(x, x == 1)", .unknown),
        ("[1, u].filter(x, x == 1)", .unknown), ("[1, u].map(x, x).size()", .int(2)),
        ("is_unknown([1, u].map(x, x)[1])", .yes),
        // Errors are absorbed like in && and ||.
        ("[0, 1].exists(x, 1 / x == 1)", .yes),
        ("[0].exists(x, 1 / x == 1)", .error(containing: "division by zero")),
        ("[0, 1].all(x, 1 / x == 5)", .no), ("[0, u].exists(x, 1 / x == 1)", .unknown),
        ("[0].map(x, 1 / x)", .error(containing: "division by zero")),
        ("[1, 2].all(x, x)", .error(containing: "predicate of all() must be bool")),
        ("u.all(x, x > 0)", .unknown), ("u.map(x, x)", .unknown),
        ("err.exists(x, true)", .error(containing: "boom")),
        ("n.all(x, true)", .error(containing: "all() needs a list or map, got int")),
    ]

    @Test("macro semantics", arguments: cases)
    func macroCases(source: String, expected: Expected) {
        let actual = Harness.evaluate(source)
        #expect(expected.matches(actual), "\(source) gave \(actual.jsonText), expected \(expected)")
    }

    @Test("an iteration variable shadows an environment variable only inside its macro")
    func shadowing() {
        #expect(Harness.evaluate("[1, 2].map(n, n * 2) + [n]") == .list([.int(2), .int(4), .int(7)]))
    }
}
