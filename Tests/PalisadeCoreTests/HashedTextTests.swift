import Testing

@testable import PalisadeCore

/// The memo key that hashes its text once: equal exactly when the texts are.
@Suite("HashedText")
struct HashedTextTests {
    @Test("equal texts, however built, are one key; different texts, even of one length, are not")
    func equality() {
        let policy = #"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}"#
        let built = #"{"Statement":[{"Effect":"Allow","#[...] + #""Action":"s3:GetObject"}]}"#
        #expect(HashedText(policy) == HashedText(String(built)))
        #expect(HashedText(policy).hashValue == HashedText(String(built)).hashValue)
        let sameLength = policy.replacingOccurrences(of: "Get", with: "Put")
        #expect(sameLength.utf8.count == policy.utf8.count)
        #expect(HashedText(policy) != HashedText(sameLength))
        // Canonically equivalent texts are equal Strings, so they are one key too.
        #expect(HashedText("caf\u{E9}") == HashedText("cafe\u{301}"))
        #expect(HashedText("") == HashedText(""))
        #expect(HashedText("") != HashedText(" "))
    }

    @Test("a dictionary keyed by hashed texts finds each text again and keeps the others apart")
    func dictionary() {
        let texts = (0..<500).map { #"{"n":\#($0),"pad":"\#(String(repeating: "x", count: $0 % 37))"}"# }
        var table: [HashedText: Int] = [:]
        for (index, text) in texts.enumerated() { table[HashedText(text)] = index }
        #expect(table.count == texts.count)
        for (index, text) in texts.enumerated() {
            #expect(table[HashedText(String(text.utf8.map { Character(Unicode.Scalar($0)) }))] == index)
        }
        #expect(table[HashedText("{}")] == nil)
    }
}
