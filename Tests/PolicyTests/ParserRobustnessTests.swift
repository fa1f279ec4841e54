import Policy
import TestMaterial
import Testing

@Suite("Random input never crashes the lexer, parser or evaluator")
struct ParserRobustnessTests {
    static let vocabulary = [
        "(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-", "+", "*", "/", "%", "<", "<=", ">", ">=",
        "==", "!=", "&&", "||", "in", "true", "false", "null", "0", "1", "-1", "2.5", "0x7fffffffffffffff",
        "'a'", "\"b\"", "'''c'''", "r'\\d'", "n", "u", "err", "x", "resource", "size", "has", "all", "exists",
        "exists_one", "filter", "map", "startsWith", "split", "int", "string", "is_unknown", "refs", "\n",
        "'", "\"", "\\", "#", "@", "é", "if", "9223372036854775808", "1e999", "'\\u12'", "//c\n",
    ]

    @Test("random token sequences", arguments: 0..<8)
    func randomTokens(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &* 7919)
        var compiled = 0
        for _ in 0..<400 {
            let length = Int.random(in: 1...24, using: &generator)
            let source = (0..<length).map { _ in Self.vocabulary.randomElement(using: &generator) ?? "" }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            do {
                let expression = try Expression.compile(source, environment: Harness.environment)
                compiled += 1
                _ = expression.evaluate(Bindings(Harness.standardBindings, stepBudget: 10_000))
            } catch {
                let scalars = source.unicodeScalars.count
                #expect(error.position.offset >= 0 && error.position.offset <= scalars, "\(source): \(error)")
                #expect(error.position.line >= 1 && error.position.column >= 1, "\(source): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        // The vocabulary is rich enough that some sequences must be valid expressions.
        #expect(compiled > 0)
    }

    @Test("random bytes never crash the lexer", arguments: 0..<4)
    func randomScalars(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &+ 0xABCDEF)
        for _ in 0..<300 {
            var source = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let value = UInt32.random(in: 0...0x7F, using: &generator)
                if let scalar = Unicode.Scalar(value) { source.unicodeScalars.append(scalar) }
            }
            if let error = Harness.compileError(source) {
                #expect(error.position.offset <= source.unicodeScalars.count, "\(error)")
            }
        }
    }
}
