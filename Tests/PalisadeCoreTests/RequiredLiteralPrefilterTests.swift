import PalisadeCore
import TestMaterial
import Testing

@testable import Policy

/// The required-literal test that `matches` runs before its VM must never change an answer:
/// every pattern of the pack's rules and of these tests, on random texts built around its
/// literal and on the lines and words of the pack's fixtures, matches exactly as the VM alone.
@Suite("Regex required-literal prefilter")
struct RequiredLiteralPrefilterTests {
    /// What the pack's files hold: rule texts for their patterns, fixtures for texts.
    static let files: [(path: String, contents: String)] =
        (try? RuleFolderFiles.collect(policiesDirectory: RepositoryPaths.policies)) ?? []

    /// Patterns written in the tests themselves: alternation, optional and counted parts,
    /// classes, `(?i)`, assertions between literals, and non-ASCII literals.
    static let handWritten = [
        "(^|/)curl$", "a|b", "ab?c", "xy(z)?abc", "(abc){2}", "(abc)+", "(abc)*x", "a\\bb", "(?i)curl",
        "(?i)_file:", "[a-z]+://", "é+x", "(foo|foo)bar", "(foo|fob)bar", "\\Qa.b\\E", "a{0}bc", "(ab|cd)",
        "x\\By", "🙂:", "(?i)ß", "(a|b)*(c|d)+end",
    ]

    /// The string literals after `matches(` in the rule files, with CEL's escapes undone; a
    /// literal this reads wrongly is still a pattern (or is skipped when it does not compile).
    static let packPatterns: [String] = {
        var patterns: Set<String> = []
        for file in files where file.path.hasSuffix("rule.yaml") {
            var rest = Substring(file.contents)
            while let call = rest.range(of: "matches(") {
                rest = rest[call.upperBound...]
                guard let quote = rest.firstIndex(where: { $0 == "\"" || $0 == "'" }),
                    rest[..<quote].allSatisfy({ $0 != ")" && $0 != "\n" })
                else { continue }
                var pattern = ""
                var index = rest.index(after: quote)
                while index < rest.endIndex, rest[index] != rest[quote] {
                    if rest[index] == "\\", rest.index(after: index) < rest.endIndex {
                        index = rest.index(after: index)
                    }
                    pattern.append(rest[index])
                    index = rest.index(after: index)
                }
                patterns.insert(pattern)
                rest = rest[index...]
            }
        }
        return patterns.sorted()
    }()

    /// The lines and words of the pack's Dockerfile and Terraform fixtures.
    static let fixtureTexts: [String] = {
        var texts: Set<String> = []
        for file in files where !file.path.hasSuffix(".yaml") {
            for line in file.contents.split(separator: "\n") {
                texts.insert(String(line))
                for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                    texts.insert(String(word))
                }
            }
        }
        // An even sample keeps the test quick (every text meets every pattern).
        let sorted = texts.sorted()
        return stride(from: 0, to: sorted.count, by: max(1, sorted.count / 1_000)).map { sorted[$0] }
    }()

    @Test(
        "The literal a pattern requires",
        arguments: [
            ("(^|/)curl$", "curl"), ("xy(z)?abc", "abc"), ("(abc){2}", "abcabc"), ("(abc)+", "abc"),
            ("(abc)*x", "x"), ("a\\bb", "ab"), ("(foo|foo)bar", "foobar"), ("(foo|fob)bar", "bar"),
            ("[a-z]+://", "://"), ("é+x", "é"), ("a{0}bc", "bc"),
        ])
    func extracted(pattern: String, literal: String) throws {
        let required = RequiredLiteral(try RegexParser.parse(pattern).node)
        #expect(required?.bytes == Array(literal.utf8))
    }

    @Test(
        "No literal is required through alternation, optional parts or case folding",
        arguments: [
            "a|b", "(ab|cd)", "(?i)curl", "(abc)?", "[a-z]*", ".", "^$",
        ])
    func nothingRequired(pattern: String) throws {
        #expect(RequiredLiteral(try RegexParser.parse(pattern).node) == nil)
    }

    @Test("With the prefilter, every pattern matches exactly as the VM alone")
    func sameAsVM() throws {
        #expect(Self.packPatterns.count >= 40, "only \(Self.packPatterns.count) patterns read from the pack")
        #expect(Self.fixtureTexts.count >= 900)
        var compiled = 0
        var filtered = 0
        var matched = 0
        var random = SplitMix64(seed: 0x9E6E_0042)
        for pattern in Self.handWritten + Self.packPatterns {
            guard let regex = try? LinearRegex(pattern) else { continue }
            compiled += 1
            let required = (try? RegexParser.parse(pattern)).flatMap { RequiredLiteral($0.node) }
            let literal = required.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
            let pieces =
                [literal, literal, "/", ":", "//", "_", "=", "$", "-", " ", "\n", "a", "Z", "0", "é", "🙂"]
                + pattern.map(String.init)
            var texts = Self.fixtureTexts
            for _ in 0..<300 {
                var text = ""
                for _ in 0..<Int(random.next() % 8) {
                    text += pieces[Int(random.next() % UInt64(pieces.count))]
                }
                texts.append(text)
            }
            for text in texts {
                let plain = regex.evaluateWithoutPrefilter(text).matched
                #expect(regex.matches(text) == plain, "/\(pattern)/ on \(text.debugDescription)")
                if plain { matched += 1 }
                if let required, !required.isContained(in: text) { filtered += 1 }
            }
        }
        #expect(compiled >= 50)
        // The texts must exercise both sides: texts the prefilter rejects and texts that match.
        #expect(filtered > 10_000 && matched > 1_000, "filtered \(filtered), matched \(matched)")
    }
}
