import Policy
import Testing

@Suite("CEL three-valued logic: unknown and error absorption")
struct ThreeValuedLogicTests {
    /// Operand spellings: `u` is bound to an unknown and `err` to an error value.
    static let operands = ["true", "false", "u", "err"]

    /// CEL's `&&`: false absorbs everything, then unknown beats error, then error.
    static func expectedAnd(_ left: String, _ right: String) -> Expected {
        if left == "false" || right == "false" { return .no }
        if left == "u" || right == "u" { return .unknown }
        if left == "err" || right == "err" { return .error(containing: "boom") }
        return .yes
    }

    /// CEL's `||`: true absorbs everything, then unknown beats error, then error.
    static func expectedOr(_ left: String, _ right: String) -> Expected {
        if left == "true" || right == "true" { return .yes }
        if left == "u" || right == "u" { return .unknown }
        if left == "err" || right == "err" { return .error(containing: "boom") }
        return .no
    }

    @Test("&& truth table", arguments: operands, operands)
    func conjunction(left: String, right: String) {
        let actual = Harness.evaluate("\(left) && \(right)")
        let expected = Self.expectedAnd(left, right)
        #expect(expected.matches(actual), "\(left) && \(right) gave \(actual.jsonText), expected \(expected)")
    }

    @Test("|| truth table", arguments: operands, operands)
    func disjunction(left: String, right: String) {
        let actual = Harness.evaluate("\(left) || \(right)")
        let expected = Self.expectedOr(left, right)
        #expect(expected.matches(actual), "\(left) || \(right) gave \(actual.jsonText), expected \(expected)")
    }

    static let propagationCases: [(String, Expected)] = [
        ("!u", .unknown), ("!err", .error(containing: "boom")),
        ("u ? 1 : 2", .unknown), ("err ? 1 : 2", .error(containing: "boom")), ("true ? u : 2", .unknown),
        ("false ? u : 2", .int(2)),
        ("u == 1", .unknown), ("1 == u", .unknown), ("u != null", .unknown), ("u < 3", .unknown),
        ("u + 1", .unknown), ("-u", .unknown), ("err + u", .unknown), ("u + err", .unknown),
        ("err + 1", .error(containing: "boom")),
        ("size(u)", .unknown), ("u.size()", .unknown), ("u.startsWith('a')", .unknown),
        ("'abc'.startsWith(u)", .unknown), ("int(u)", .unknown),
        ("u.field", .unknown), ("u[0]", .unknown), ("[1, 2][u]", .unknown), ("has(u.field)", .unknown),
        ("u in [1, 2]", .unknown), ("1 in u", .unknown), ("1 in [1, u]", .yes), ("3 in [1, u]", .unknown),
        ("[1, u] == [2, u]", .no), ("[1, u] == [1, 2]", .unknown), ("[u] == [u, 1]", .no),
        ("{'a': u} == {'a': 1}", .unknown), ("{'a': u} == {'b': 1}", .no),
        ("size([u, 1])", .int(2)), ("[u, err]", .error(containing: "boom")),
        ("{'k': u}.k", .unknown),
        ("is_unknown(u)", .yes), ("is_unknown(u2)", .yes), ("is_computed(u)", .yes), ("is_computed(u2)", .no),
        ("is_unknown(u + 1)", .yes), ("is_unknown(err)", .error(containing: "boom")),
        ("refs(u)", .value(.list([]))), ("refs(u2)", .value(.list([.string("aws_kms_key.cmk")]))),
        ("is_computed(u && u2)", .no), ("refs(u == u2)", .value(.list([.string("aws_kms_key.cmk")]))),
        ("is_unknown(u) && u == 1", .unknown), ("!is_unknown(u) && u == 1", .no),
    ]

    @Test("unknown and error propagation through every operator", arguments: propagationCases)
    func propagation(source: String, expected: Expected) {
        let actual = Harness.evaluate(source)
        #expect(expected.matches(actual), "\(source) gave \(actual.jsonText), expected \(expected)")
    }

    @Test("combining unknowns merges their causes without duplicates")
    func mergedCauses() {
        let merged = Harness.evaluate("u == u2 || u2 == 3 || u == 4")
        #expect(merged == .unknown(Unknown(causes: [Harness.unknownCause, Harness.otherUnknownCause])))
    }

    @Test("an unknown keeps a bounded number of causes")
    func boundedCauses() {
        let causes = (0..<100).map { UnknownCause(path: "p\($0)", computed: true) }
        #expect(Unknown(causes: causes).causes.count == Unknown.maximumCauses)
        var accumulated = Unknown(causes[0])
        for cause in causes.dropFirst() { accumulated = accumulated.merging(Unknown(cause)) }
        #expect(accumulated.causes.count == Unknown.maximumCauses)
        #expect(accumulated.causes.first == causes[0])
    }

    @Test("is_computed needs every cause to be computed")
    func computedNeedsAllCauses() {
        #expect(Unknown(causes: [Harness.unknownCause]).isComputed)
        #expect(!Unknown(causes: [Harness.unknownCause, Harness.otherUnknownCause]).isComputed)
        #expect(!Unknown(causes: []).isComputed)
    }
}
