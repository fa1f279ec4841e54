import Testing

@testable import JSON

/// What the parsed tree holds for JSON that Terraform never writes but json-c accepts; the
/// decisions are in docs/hostile-input.md.
@Suite("Hostile JSON values")
struct HostileJSONValueTests {
    @Test("a lone surrogate escape reads as U+FFFD, as Go writes invalid text")
    func loneSurrogate() throws {
        let document = try JSONDocument.parse(#"["a\ud800b", "\udc00", "\ud83d\ude00"]"#)
        #expect(document.root.elements.map(\.string) == ["a\u{FFFD}b", "\u{FFFD}", "😀"])
    }

    @Test("an escaped NUL is kept in the string")
    func escapedNUL() throws {
        let document = try JSONDocument.parse(#"["a\u0000b"]"#)
        #expect(document.root.elements.first?.withUTF8 { Array($0) } == [0x61, 0x00, 0x62])
    }

    @Test("NaN, Infinity and numbers beyond double range read as non-finite doubles")
    func nonFiniteNumbers() throws {
        let document = try JSONDocument.parse("[NaN, Infinity, -Infinity, 1e999, -1e999]")
        let numbers = document.root.elements.map { $0.double }
        #expect(numbers.count == 5)
        #expect(numbers[0]?.isNaN == true)
        #expect(numbers[1...].map { $0 } == [.infinity, -.infinity, .infinity, -.infinity])
    }

    @Test("json-c keeps the last value of a duplicate key (plan and state readers refuse such text first)")
    func duplicateKeyKeepsTheLastValue() throws {
        let document = try JSONDocument.parse(#"{"acl": "private", "acl": "public-read"}"#)
        #expect(document.root.members.map(\.key) == ["acl"])
        #expect(document.root.members.first?.value.string == "public-read")
    }
}
