import TestMaterial
import Testing

@testable import Policy

/// `contains`, `startsWith` and `endsWith` compare UTF-8 bytes; they must give what comparing
/// code points gives (CEL's rule), as they did before.
@Suite struct SubstringTests {
    static let pieces = [
        "a", "b", "ab", "é", "e\u{301}", "\u{301}", "😀", "ß", " ", "\u{0}", "İ", "\u{1F600}\u{1F3FB}",
    ]

    /// A code-point search, as `contains` was written before.
    static func containsScalars(_ text: String, _ needle: String) -> Bool {
        StringFunctions.firstRange(
            of: Array(needle.unicodeScalars), in: Array(text.unicodeScalars), from: 0) != nil
    }

    static func evaluate(_ source: String) throws -> Value {
        try Expression.compile(source, environment: Environment(variables: [])).evaluate(Bindings())
    }

    static func literal(_ text: String) -> String {
        "\""
            + text.unicodeScalars.map { scalar in
                let hex = String(scalar.value, radix: 16)
                return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
            }.joined() + "\""
    }

    @Test func randomTextAgreesWithCodePointComparison() throws {
        var generator = SplitMix64(seed: 71)
        func text(_ most: Int) -> String {
            (0..<Int.random(in: 0...most, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)!
            }.joined()
        }
        for _ in 0..<3_000 {
            let haystack = text(10)
            let needle = text(3)
            #expect(
                StringFunctions.containsBytes(haystack, needle) == Self.containsScalars(haystack, needle),
                "\(Array(haystack.unicodeScalars)) contains \(Array(needle.unicodeScalars))")
        }
        for _ in 0..<300 {
            let haystack = text(6)
            let needle = text(2)
            let (h, n) = (Self.literal(haystack), Self.literal(needle))
            #expect(
                try Self.evaluate("\(h).startsWith(\(n))")
                    == .bool(haystack.unicodeScalars.starts(with: needle.unicodeScalars)))
            #expect(
                try Self.evaluate("\(h).endsWith(\(n))")
                    == .bool(
                        haystack.unicodeScalars.reversed().starts(with: needle.unicodeScalars.reversed())))
            #expect(try Self.evaluate("\(h).contains(\(n))") == .bool(Self.containsScalars(haystack, needle)))
        }
    }

    @Test func examples() throws {
        #expect(try Self.evaluate("'RUN iex (iwr x)'.contains('iex')") == .bool(true))
        #expect(try Self.evaluate("'abc'.contains('')") == .bool(true))
        #expect(try Self.evaluate("''.contains('a')") == .bool(false))
        // A combining accent is its own code point: "e" + U+0301 contains "e", "é" (U+00E9) does not.
        #expect(try Self.evaluate("'e\\u0301'.contains('e')") == .bool(true))
        #expect(try Self.evaluate("'\\u00e9'.contains('e')") == .bool(false))
        #expect(try Self.evaluate("'ab'.endsWith('abc')") == .bool(false))
    }
}
