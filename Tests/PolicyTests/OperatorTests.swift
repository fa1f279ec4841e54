import Policy
import Testing

@Suite("Operators, literals and standard functions")
struct OperatorTests {
    static let arithmeticCases: [(String, Expected)] = [
        ("1 + 2", .int(3)),
        ("7 - 10", .int(-3)),
        ("6 * 7", .int(42)),
        ("7 / 2", .int(3)),
        ("-7 / 2", .int(-3)),
        ("-7 % 3", .int(-1)),
        ("2.5 * 2.0", .double(5.0)),
        ("1.0 / 4.0", .double(0.25)),
        ("0.5 - 1.5", .double(-1.0)),
        ("'ab' + 'cd'", .string("abcd")),
        ("[1] + [2, 3]", .value(.list([.int(1), .int(2), .int(3)]))),
        ("-(-3)", .int(3)),
        ("-n", .int(-7)),
        ("n * n - 1", .int(48)),
        ("1 + 2 * 3", .int(7)),
        ("(1 + 2) * 3", .int(9)),
        ("0x1F", .int(31)),
        ("-9223372036854775808", .value(.int(.min))),
        ("9223372036854775807", .value(.int(.max))),
        ("1e3", .double(1000)),
        (".5", .double(0.5)),
        ("2.5e-1", .double(0.25)),
        ("1 / 0", .error(containing: "division by zero")),
        ("5 % 0", .error(containing: "modulus by zero")),
        ("9223372036854775807 + 1", .error(containing: "overflow")),
        ("-(-9223372036854775808)", .error(containing: "overflow")),
        ("n + 1.0", .error(containing: "convert one side")),
        ("n + 'a'", .error(containing: "no operator '+' for int and string")),
    ]

    @Test("arithmetic", arguments: arithmeticCases)
    func arithmetic(source: String, expected: Expected) {
        let actual = Harness.evaluate(source)
        #expect(expected.matches(actual), "\(source) gave \(actual.jsonText), expected \(expected)")
    }

    static let relationsCases: [(String, Expected)] = [
        ("1 < 2", .yes), ("2 <= 2", .yes), ("3 > 4", .no), ("4 >= 5", .no),
        ("1 < 1.5", .yes), ("2.0 >= 2", .yes), ("9223372036854775807 < 9223372036854775808.0", .yes),
        ("'a' < 'b'", .yes), ("'b' < 'a'", .no), ("'abc' <= 'abc'", .yes), ("false < true", .yes),
        ("1 == 1", .yes), ("1 == 1.0", .yes), ("1 != 2", .yes), ("0.1 + 0.2 == 0.3", .no),
        ("null == null", .yes), ("null == 0", .no), ("null != 'x'", .yes), ("n == '7'", .no),
        ("'é' == '\\u00e9'", .yes), ("[1, 2] == [1, 2.0]", .yes), ("[1, 2] == [2, 1]", .no),
        ("[1] == [1, 1]", .no), ("{'a': 1, 'b': 2} == {'b': 2, 'a': 1}", .yes),
        ("{'a': 1} != {'a': 2}", .yes), ("{'a': 1} == {'b': 1}", .no),
        ("2 in [1, 2]", .yes), ("3 in [1, 2]", .no), ("2.0 in [1, 2]", .yes),
        ("'a' in {'a': 1}", .yes), ("'b' in {'a': 1}", .no), ("1 in {'a': 1}", .no),
        ("[n] < [n]", .error(containing: "cannot order list and list")),
        ("n in n", .error(containing: "'in' needs a list or map")),
    ]

    @Test("relations", arguments: relationsCases)
    func relations(source: String, expected: Expected) {
        let actual = Harness.evaluate(source)
        #expect(expected.matches(actual), "\(source) gave \(actual.jsonText), expected \(expected)")
    }

    static let logicAndAccessCases: [(String, Expected)] = [
        ("!true", .no), ("!!true", .yes), ("true && false", .no), ("true || false", .yes),
        ("true ? 1 : 2", .int(1)), ("false ? 1 : 2", .int(2)), ("n > 5 ? 'big' : 'small'", .string("big")),
        ("n ? 1 : 2", .error(containing: "condition of '?:' must be bool")),
        ("true ? 1 : false ? 2 : 3", .int(1)),
        ("{'a': {'b': 2}}.a.b", .int(2)), ("{'a': 1}['a']", .int(1)), ("[1, 2, 3][1]", .int(2)),
        ("[1, 2, 3][n - 5]", .int(3)), ("[1, 2][2]", .error(containing: "index 2 out of range")),
        ("[1, 2][-1]", .error(containing: "out of range")),
        ("{'a': 1}.b", .error(containing: "no such key: 'b'")),
        ("{'a': 1}['b']", .error(containing: "no such key")),
        ("[1][true]", .error(containing: "must be an int")),
        ("has({'a': 1}.a)", .yes), ("has({'a': 1}.b)", .no), ("has({'a': null}.a)", .yes),
        ("n.field", .error(containing: "cannot select field 'field' from int")),
        ("{'a': n}.a", .int(7)), ("{'k': [1, {'z': 'deep'}]}.k[1].z", .string("deep")),
        ("err.field", .error(containing: "boom")),
    ]

    @Test("logic, conditionals and access", arguments: logicAndAccessCases)
    func logicAndAccess(source: String, expected: Expected) {
        let actual = Harness.evaluate(source)
        #expect(expected.matches(actual), "\(source) gave \(actual.jsonText), expected \(expected)")
    }

    static let functionsCases: [(String, Expected)] = [
        ("size('héllo')", .int(5)), ("size([1, 2, 3])", .int(3)), ("[1, 2].size()", .int(2)),
        ("size({'a': 1})", .int(1)), ("'abc'.size()", .int(3)),
        ("size(n)", .error(containing: "size() needs")),
        ("int('42')", .int(42)), ("int('-5')", .int(-5)), ("int(3.9)", .int(3)), ("int(-3.9)", .int(-3)),
        ("int('x')", .error(containing: "cannot convert 'x'")),
        ("int(1e19)", .error(containing: "out of range")),
        ("double(2)", .double(2)), ("double('2.5')", .double(2.5)), ("string(12)", .string("12")),
        ("string(true)", .string("true")), ("string(1.5)", .string("1.5")), ("string('s')", .string("s")),
        ("string([1])", .error(containing: "string() cannot convert list")),
        ("'abc'.startsWith('ab')", .yes), ("'abc'.startsWith('b')", .no), ("'abc'.endsWith('bc')", .yes),
        ("'abc'.endsWith('')", .yes), ("'abc'.contains('bc')", .yes), ("'abc'.contains('d')", .no),
        ("'e\\u0301'.startsWith('é')", .no),
        ("'AbC-é'.lowerAscii()", .string("abc-é")), ("'ÄbC'.upperAscii()", .string("ÄBC")),
        ("'a,b,c'.split(',')", .value(.list([.string("a"), .string("b"), .string("c")]))),
        ("'a,b,c'.split(',', 2)", .value(.list([.string("a"), .string("b,c")]))),
        ("'a,b'.split(',', 0)", .value(.list([]))),
        ("'abc'.split('')", .value(.list(["a", "b", "c"].map(Value.string)))),
        ("',a,'.split(',')", .value(.list(["", "a", ""].map(Value.string)))),
        ("'a::b'.split('::')", .value(.list(["a", "b"].map(Value.string)))),
        ("['a', 'b', 'c'].join(', ')", .string("a, b, c")), ("['a', 'b'].join()", .string("ab")),
        ("[].join(' and ')", .string("")), ("['a', null].filter(p, p != null).join('-')", .string("a")),
        ("['a', 1].join(',')", .error(containing: "element 1 is int")),
        ("'ab'.join(',')", .error(containing: "no overload of join()")),
        ("n.startsWith('a')", .error(containing: "no overload of startsWith()")),
        ("'\\x41\\101\\U0001F600'", .string("AA😀")), ("r'\\n'", .string("\\n")),
        ("'''a\nb'''", .string("a\nb")),
        ("\"it's\"", .string("it's")), ("'tab\\there'", .string("tab\there")),
        ("is_unknown(1)", .no), ("is_computed(null)", .no), ("refs('x')", .value(.list([]))),
    ]

    @Test("standard functions and string literals", arguments: functionsCases)
    func functions(source: String, expected: Expected) {
        let actual = Harness.evaluate(source)
        #expect(expected.matches(actual), "\(source) gave \(actual.jsonText), expected \(expected)")
    }

    @Test("runtime errors carry the position of the failing operation")
    func runtimeErrorPosition() {
        let result = Harness.evaluate("true &&\n  1 / 0 == 1")
        guard case .error(let error) = result else {
            Issue.record("expected an error, got \(result.jsonText)")
            return
        }
        #expect(error.position == SourcePosition(line: 2, column: 5, offset: 12))
    }

    @Test("an unbound variable is a runtime error, not a crash")
    func unboundVariable() {
        #expect(
            Expected.error(containing: "no value is bound to variable 'resource'").matches(
                Harness.evaluate("resource")))
    }
}
