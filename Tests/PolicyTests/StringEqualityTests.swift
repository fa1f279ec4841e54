import Policy
import Testing

/// CEL compares strings by code points: equal bytes, not Swift's canonical equivalence.
@Suite("String equality")
struct StringEqualityTests {
    static let arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

    @Test(
        "strings are equal exactly when their UTF-8 bytes are",
        arguments: [
            ("", "", true),
            ("", "a", false),
            ("tcp", "tcp", true),
            ("tcp", "udp", false),
            (arn, arn, true),
            (arn, String(arn.dropLast()) + "c", false),
            (arn, "x" + arn.dropFirst(), false),
            ("caf\u{E9}", "cafe\u{301}", false),
            ("cafe\u{301}", "cafe\u{301}", true),
        ])
    func bytes(left: String, right: String, equal: Bool) throws {
        #expect(Value.string(left).celEquals(.string(right)) == .bool(equal))
        let compiled = try Expression.compile("a == b", environment: Environment(variables: ["a", "b"]))
        let bindings = Bindings(["a": .string(left), "b": .string(right)])
        #expect(compiled.evaluate(bindings) == .bool(equal))
    }
}
