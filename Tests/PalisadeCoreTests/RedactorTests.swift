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
        (["aaaa"], "aaaaa", "(sensitive)a"),
    ]

    @Test(arguments: cases.indices)
    func hidesEveryOccurrence(_ index: Int) {
        let (secrets, text, expected) = Self.cases[index]
        var redactor = Redactor()
        for secret in secrets { redactor.add(secret) }
        #expect(redactor.redact(text) == expected)
    }

    @Test func manySecretsStayFast() {
        var redactor = Redactor()
        for number in 0..<50_000 { redactor.add("secret-value-\(number)") }
        let message = String(repeating: "an ordinary message without them ", count: 20) + "secret-value-49999"
        // One lookup per byte: the answer does not depend on scanning 50,000 secrets.
        #expect(redactor.redact(message).hasSuffix("(sensitive)"))
    }
}
