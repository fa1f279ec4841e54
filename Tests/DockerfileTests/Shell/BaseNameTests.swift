import TestMaterial
import Testing

@testable import Dockerfile

/// The byte scan of ASCII command words against the ``Character`` scan it replaced.
@Suite struct BaseNameTests {
    static let pieces = ["/", "usr", "bin", "apt-get", ".", "-", "x", "\u{301}", "é", "\u{600}", "😀", " "]

    @Test func randomWordsAgreeWithCharacterScan() {
        var generator = SplitMix64(seed: 78)
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...6, using: &generator)
            let word = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let bytes = SimpleCommand.baseName(word)
            let characters = SimpleCommand.baseNameByCharacter(word)
            #expect(
                Array(bytes.unicodeScalars) == Array(characters.unicodeScalars), "\(word.debugDescription)")
        }
    }

    @Test(arguments: [
        ("/usr/bin/sudo", "sudo"), ("apt-get", "apt-get"), ("bin/", "bin/"), ("/", "/"), ("", ""),
        ("./run.sh", "run.sh"), ("/opt/é/tool", "tool"), ("a/\u{301}b", "a/\u{301}b"),
    ])
    func examples(word: String, expected: String) {
        #expect(SimpleCommand.baseName(word) == expected)
    }
}
