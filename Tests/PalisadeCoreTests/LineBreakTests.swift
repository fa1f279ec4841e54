import TestMaterial
import Testing

@testable import PalisadeCore

/// Messages and errors are kept on one line by turning line breaks into spaces, byte by byte;
/// the result must be what replacing line-break characters gives.
@Suite("Line breaks in messages")
struct LineBreakTests {
    /// The definition: every line-break character (`\r\n` is one) becomes one space.
    static func byCharacters(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    @Test(arguments: [
        "", "plain", "a\nb", "a\r\nb", "a\rb", "\r\n\r\n", "\n\r", "é\n\u{301}x", "🇫🇷\r\n🙂", "end\r",
    ])
    func knownCases(_ text: String) {
        #expect(text.replacingNewlines() == Self.byCharacters(text))
    }

    @Test func randomText() {
        var random = SplitMix64(seed: 7)
        let pieces = ["a", " ", "\n", "\r", "\r\n", "é", "e\u{301}", "\u{301}", "🙂", "\t", "{{x}}"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<24, using: &random)).map { _ in
                pieces.randomElement(using: &random)!
            }.joined()
            #expect(text.replacingNewlines() == Self.byCharacters(text), "\(Array(text.unicodeScalars))")
        }
    }
}
