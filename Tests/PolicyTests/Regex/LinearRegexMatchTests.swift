import Policy
import Testing

/// One row of the match table: whether `pattern` matches somewhere in `text`.
struct RegexMatchCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let text: String
    let expected: Bool

    init(_ pattern: String, _ text: String, _ expected: Bool) {
        self.pattern = pattern
        self.text = text
        self.expected = expected
    }

    var testDescription: String { "/\(pattern)/ on \"\(text)\" -> \(expected)" }
}

@Suite("LinearRegex matching")
struct LinearRegexMatchTests {
    static let literalsAndSearch: [RegexMatchCase] = [
        .init("abc", "abc", true),
        .init("abc", "xxabcxx", true),
        .init("abc", "ab", false),
        .init("", "", true),
        .init("", "anything", true),
        .init("a.c", "abc", true),
        .init("a.c", "a\nc", false),
        .init("a\\.c", "abc", false),
        .init("a\\.c", "a.c", true),
        .init("\\$\\(\\)\\[\\]\\{\\}\\*\\+\\?\\|\\^\\\\", "$()[]{}*+?|^\\", true),
        .init("é", "café", true),
        .init("🙂+", "ok 🙂🙂", true),
        .init("\\x41\\x{1F642}", "A🙂", true),
        .init("\\Qa.b*\\E", "a.b*", true),
        .init("\\Qa.b*\\E", "axbbb", false),
        .init("\\t\\n", "a\t\nb", true),
    ]

    static let anchors: [RegexMatchCase] = [
        .init("^abc", "abcd", true),
        .init("^abc", "xabc", false),
        .init("abc$", "xabc", true),
        .init("abc$", "abcx", false),
        .init("abc$", "abc\n", false),
        .init("^$", "", true),
        .init("^$", "a", false),
        .init("^a|b$", "xxb", true),
        .init("^a|b$", "xax", false),
        .init("\\Aab\\z", "ab", true),
        .init("\\bcat\\b", "a cat sat", true),
        .init("\\bcat\\b", "concatenate", false),
        .init("\\Bcat\\B", "concatenate", true),
        .init("x^", "x", false),
    ]

    static let classes: [RegexMatchCase] = [
        .init("[a-z0-9_]+$", "ab_9", true),
        .init("^[a-z0-9_]+$", "ab-9", false),
        .init("^[^0-9]+$", "abc", true),
        .init("^[^0-9]+$", "ab1", false),
        .init("[^a]", "\n", true),
        .init("^[]a]+$", "]a]", true),
        .init("^[a-]+$", "a-a", true),
        .init("^[-a]+$", "-a", true),
        .init("^[\\]\\-]+$", "]-", true),
        .init("^\\d+$", "2024", true),
        .init("^\\d+$", "٣", false),
        .init("^\\D+$", "abc", true),
        .init("^\\w+$", "snake_case1", true),
        .init("^\\w+$", "é", false),
        .init("^\\W+$", "-+ ", true),
        .init("^\\s+$", " \t\r\n\u{0C}", true),
        .init("^\\s$", "\u{0B}", false),
        .init("^\\S+$", "a-b", true),
        .init("^[\\d\\s]+$", "1 2", true),
        .init("^[[:alpha:]]+$", "Ab", true),
        .init("^[[:^digit:]]+$", "ab", true),
        .init("^[[:xdigit:]]+$", "0fA9", true),
        .init("^[[:xdigit:]]+$", "0g", false),
        .init("^[[a]+$", "[a[", true),
    ]

    static let groupsAndRepetition: [RegexMatchCase] = [
        .init("^(ab)+$", "ababab", true),
        .init("^(ab)+$", "ababa", false),
        .init("^(?:ab|cd)*$", "abcdab", true),
        .init("^(?P<host>[a-z]+)\\.com$", "example.com", true),
        .init("^(?<host>[a-z]+)\\.com$", "example.com", true),
        .init("^a?b$", "b", true),
        .init("^a?b$", "aab", false),
        .init("^a{3}$", "aaa", true),
        .init("^a{3}$", "aa", false),
        .init("^a{3}$", "aaaa", false),
        .init("^a{2,}$", "aaaaa", true),
        .init("^a{2,}$", "a", false),
        .init("^a{2,4}$", "aaaa", true),
        .init("^a{2,4}$", "aaaaa", false),
        .init("^a{0,2}$", "", true),
        .init("^a{0}$", "", true),
        .init("^a{0}$", "a", false),
        .init("^a*?b+?c??$", "aabb", true),
        .init("^(a|ab)(c|bcd)(d*)$", "abcd", true),
        .init("^(a*)*b$", "aaab", true),
        .init("^()+$", "", true),
        .init("a{", "a{", true),
        .init("a{x}", "a{x}", true),
        .init("a{1", "a{1", true),
        .init("a{,2}", "a{,2}", true),
        .init("^(\\d{1,3}\\.){3}\\d{1,3}$", "10.0.0.255", true),
        .init("^(\\d{1,3}\\.){3}\\d{1,3}$", "10.0.0", false),
        .init("^[0-9a-f]{64}$", String(repeating: "ab", count: 32), true),
        .init("^[0-9a-f]{64}$", String(repeating: "ab", count: 31), false),
    ]

    static let caseInsensitive: [RegexMatchCase] = [
        .init("(?i)latest", "LaTeSt", true),
        .init("latest", "LATEST", false),
        .init("(?i)^[a-c]+$", "AbC", true),
        .init("(?i)^[^a]+$", "A", false),
        .init("(?i)é", "É", true),
        .init("(?i)k", "\u{212A}", true),
        .init("(?i)^\\w+$", "ABC_def", true),
        .init("(?i)^password|secret$", "DB_SECRET", true),
        .init("(?i)^[^k]$", "\u{212A}", false),
        .init("(?i)^[^a-z]+$", "ABC", false),
        .init("(?i)^[^a-z]+$", "123", true),
        .init("(?i)^\\W$", "K", false),
        .init("(?i)^[\\W]$", "k", false),
        .init("(?i)^[[:lower:]]+$", "aB", true),
        .init("(?i)^\\S+$", "Straße", true),
        .init("(?i)^[\\x{0}-\\x{FFFF}]$", "é", true),
    ]

    static let policyShapes: [RegexMatchCase] = [
        .init("AKIA[0-9A-Z]{16}", "key=AKIAABCDEFGHIJKLMNOP", true),
        .init("AKIA[0-9A-Z]{16}", "key=AKIAabcdefghijklmnop", false),
        .init("^arn:aws:iam::[0-9]{12}:role/.+$", "arn:aws:iam::123456789012:role/deploy", true),
        .init("@sha256:[0-9a-f]{64}$", "alpine@sha256:" + String(repeating: "0", count: 64), true),
        .init("(?i)-----BEGIN [A-Z ]*PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----", true),
        .init("^(0\\.0\\.0\\.0/0|::/0)$", "::/0", true),
        .init("^(0\\.0\\.0\\.0/0|::/0)$", "10.0.0.0/8", false),
    ]

    @Test(
        "table",
        arguments: literalsAndSearch + anchors + classes + groupsAndRepetition + caseInsensitive
            + policyShapes)
    func matchesTable(_ row: RegexMatchCase) throws {
        let regex = try LinearRegex(row.pattern)
        #expect(regex.matches(row.text) == row.expected)
    }

    @Test("the pattern is kept as written")
    func keepsPattern() throws {
        let regex = try LinearRegex("(?i)^a+$")
        #expect(regex.pattern == "(?i)^a+$")
        #expect(regex.description == "(?i)^a+$")
        #expect(regex == (try LinearRegex("(?i)^a+$")))
    }
}
