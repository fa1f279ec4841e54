import Policy
import Testing

/// A pattern that must be rejected, the offset the error must point at and a word from its message.
struct RegexSyntaxErrorCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let offset: Int
    let messageFragment: String

    init(_ pattern: String, _ offset: Int, _ messageFragment: String) {
        self.pattern = pattern
        self.offset = offset
        self.messageFragment = messageFragment
    }

    var testDescription: String { "/\(pattern)/ at \(offset): \(messageFragment)" }
}

@Suite("LinearRegex syntax errors")
struct LinearRegexSyntaxErrorTests {
    static let cases: [RegexSyntaxErrorCase] = [
        .init("(a)\\1", 3, "backreferences are not supported"),
        .init("\\k<x>", 0, "backreferences are not supported"),
        .init("(?P<x>a)(?P=x)", 8, "backreferences are not supported"),
        .init("a(?=b)", 1, "lookahead"),
        .init("a(?!b)", 1, "lookahead"),
        .init("(?<=a)b", 0, "lookbehind"),
        .init("(?<!a)b", 0, "lookbehind"),
        .init("ab(c", 2, "missing ')'"),
        .init("ab)c", 2, "unmatched ')'"),
        .init("[abc", 0, "missing ']'"),
        .init("x[^", 1, "missing ']'"),
        .init("[z-a]", 1, "start is after the end"),
        .init("[a-\\d]", 1, "cannot be the end of a range"),
        .init("*a", 0, "missing argument to repetition operator"),
        .init("a|+", 2, "missing argument to repetition operator"),
        .init("(?:{2})", 3, "missing argument to repetition operator"),
        .init("a**", 2, "follows another repetition"),
        .init("a*+", 2, "follows another repetition"),
        .init("a{2}{3}", 4, "follows another repetition"),
        .init("a{1001}", 1, "exceeds 1000"),
        .init("a{2,1001}", 1, "exceeds 1000"),
        .init("a{5,2}", 1, "minimum exceeds maximum"),
        .init("(a{1000}){1000}", 9, "pattern too large"),
        .init("a(?i)b", 1, "only supported at the very start"),
        .init("(?s).", 0, "unsupported group syntax"),
        .init("(?i:a)", 0, "unsupported group syntax"),
        .init("(?P<1-x>a)", 4, "invalid group name"),
        .init("abc\\", 3, "trailing backslash"),
        .init("\\q", 0, "unknown escape"),
        .init("\\pL", 0, "Unicode property classes"),
        .init("\\Z", 0, "'\\z'"),
        .init("\\0", 0, "octal escapes"),
        .init("\\xZZ", 0, "invalid hex escape"),
        .init("\\x{110000}", 0, "not a Unicode scalar value"),
        .init("[\\b]", 1, "cannot be used in a class"),
        .init("[[:nope:]]", 1, "unknown POSIX class"),
        .init("é(", 1, "missing ')'"),
    ]

    @Test("rejected with offset and message", arguments: cases)
    func rejects(_ row: RegexSyntaxErrorCase) {
        #expect {
            _ = try LinearRegex(row.pattern)
        } throws: { error in
            guard let error = error as? RegexSyntaxError else { return false }
            return error.offset == row.offset && error.message.contains(row.messageFragment)
        }
    }

    @Test("the error names its offset when printed")
    func description() {
        let error = RegexSyntaxError(offset: 4, message: "missing ')' for the group opened here")
        #expect(error.description == "regex offset 4: missing ')' for the group opened here")
    }

    @Test("deep nesting is rejected instead of exhausting the stack")
    func deepNesting() {
        let pattern = String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)
        #expect(throws: RegexSyntaxError.self) { _ = try LinearRegex(pattern) }
        let shallow = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect((try? LinearRegex(shallow))?.matches("a") == true)
    }
}
