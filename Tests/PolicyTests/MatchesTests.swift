import Policy
import Testing

@Suite("matches() over LinearRegex")
struct MatchesTests {
    static let cases: [(String, Expected)] = [
        ("'api.example.com'.matches('^[a-z.]+\\\\.example\\\\.com$')", .yes),
        ("'evil.com'.matches('example')", .no),
        ("'abc123'.matches('[0-9]+')", .yes),
        ("matches('abc', '^b')", .no),
        ("matches('abc', 'b')", .yes),
        ("'ABC'.matches('(?i)abc')", .yes),
        ("'x'.matches(string(n))", .no),
        ("'7'.matches(string(n))", .yes),
        ("'a'.matches('(' + 'b')", .error(containing: "invalid regular expression")),
        ("u.matches('a')", .unknown),
        ("'a'.matches(u)", .unknown),
        ("n.matches('7')", .error(containing: "matches() needs a string")),
        ("['sha256:ab', 'latest'].exists(t, t.matches('^sha256:[0-9a-f]+$'))", .yes),
    ]

    @Test("matches searches like RE2", arguments: cases)
    func matchCases(source: String, expected: Expected) {
        let actual = Harness.evaluate(source)
        #expect(expected.matches(actual), "\(source) gave \(actual.jsonText), expected \(expected)")
    }

    @Test("a bad literal pattern is a compile error at the pattern argument")
    func badLiteralPattern() throws {
        let error = try #require(Harness.compileError("resource.name.matches('a(b')"))
        #expect(error.kind == .invalidArgument)
        #expect(error.position.line == 1 && error.position.column == 23, "\(error)")
        #expect(error.message.contains("invalid regular expression"))
        let global = try #require(Harness.compileError("matches(resource.name, '[z-a]')"))
        #expect(global.position.column == 24, "\(global)")
    }

    @Test("backtracking-prone patterns stay linear and within budget")
    func pathologicalPattern() {
        let text = String(repeating: "a", count: 5_000)
        let result = Harness.evaluate("x.matches('^(a+)+$')", ["x": .string(text + "!")])
        #expect(result == .bool(false))
    }
}
