import Testing

@testable import PalisadeCore

@Suite("Redactor")
struct RedactorTests {
    static let cases: [(secrets: [String], text: String, expected: String)] = [
        (["hunter2"], "password is hunter2.", "password is (sensitive)."),
        (["hunter2"], "hunter2hunter2", "(sensitive)(sensitive)"),
        (["abcd", "abcdefgh"], "x abcdefgh y abcd", "x (sensitive) y (sensitive)"),
        (["abc"], "abc is too short to hide", "abc is too short to hide"),
        (["sécret"], "the sécret value", "the (sensitive) value"),
        (["AKIAEXAMPLEEXAMPLE01"], "key=AKIAEXAMPLEEXAMPLE01", "key=(sensitive)"),
        (["zzzz"], "zzz", "zzz"),
        (["aaaa"], "aaaaa", "aaaaa"),
        (["aaaa"], "aaaa1", "(sensitive)1"),
        // Not a word: hidden wherever it occurs, glued to letters or not.
        (["secret2"], "password%3Dsecret2x", "password%3D(sensitive)x"),
        // A secret that is also a word hides where it stands alone, not inside other words.
        (["pass"], "a URL password: https://user:pass@host", "a URL password: https://user:(sensitive)@host"),
        (
            ["postgres"], "FROM postgres:16 (the postgresql image)",
            "FROM (sensitive):16 (the postgresql image)"
        ),
        (["sécret"], "unsécret", "unsécret"),
    ]

    @Test(arguments: cases.indices)
    func hidesEveryOccurrence(_ index: Int) {
        let (secrets, text, expected) = Self.cases[index]
        var redactor = Redactor()
        for secret in secrets { redactor.add(secret) }
        #expect(redactor.redact(text) == expected)
    }

    /// The scan skips positions by filter; this replaces, at each position from the left, the
    /// longest secret that starts there, as the scan must.
    static func referenceRedaction(of text: String, secrets: [String]) -> String {
        let secrets = secrets.map { Array($0.utf8) }.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        func isLetter(_ byte: UInt8) -> Bool { byte >= 0x80 || Character(UnicodeScalar(byte)).isLetter }
        func standsApart(_ secret: [UInt8]) -> Bool {
            let end = index + secret.count
            if !secret.allSatisfy(isLetter) { return true }
            return !(index > 0 && isLetter(bytes[index - 1]) && isLetter(secret[0]))
                && !(end < bytes.count && isLetter(bytes[end]) && isLetter(secret[secret.count - 1]))
        }
        while index < bytes.count {
            if let secret = secrets.first(where: { bytes[index...].starts(with: $0) && standsApart($0) }) {
                output += Array(Redactor.replacement.utf8)
                index += secret.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Random secrets and texts over a small alphabet of letters, a digit and a dash, so that
    /// secrets overlap, repeat, share prefixes, sit at every offset of a three-byte step and at
    /// both ends of a text, and meet letters and other bytes at their edges.
    @Test func agreesWithTheReferenceOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        func word(_ length: Int) -> String {
            String((0..<length).map { _ in "abc1-".randomElement(using: &generator)! })
        }
        for _ in 0..<3_000 {
            let secrets = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                word(Int.random(in: 3...7, using: &generator))
            }
            let text = word(Int.random(in: 0...40, using: &generator))
            var redactor = Redactor()
            for secret in secrets { redactor.add(secret) }
            let expected = Self.referenceRedaction(of: text, secrets: secrets)
            #expect(redactor.redact(text) == expected, "secrets \(secrets), text \(text)")
        }
    }

    @Test func manySecretsStayFast() {
        var redactor = Redactor()
        for number in 0..<50_000 { redactor.add("secret-value-\(number)") }
        let message = String(repeating: "an ordinary message without them ", count: 20) + "secret-value-49999"
        // One lookup per byte: the answer does not depend on scanning 50,000 secrets.
        #expect(redactor.redact(message).hasSuffix("(sensitive)"))
    }
}
