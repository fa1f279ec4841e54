import TestMaterial
import Testing

@testable import TerraformPlan

/// `AddressSyntax.baseAddress` decides whether an address ends in a key without building its
/// segments (`endsWithKey`); it must answer as building them does, on real and hostile text.
@Suite("Base addresses")
struct BaseAddressTests {
    /// The question `endsWithKey` answers, asked of the built segments.
    private static func segmentsEndWithKey(_ text: String) -> Bool {
        guard let segments = AddressSyntax.segments(text), case .key = segments.last else { return false }
        return true
    }

    @Test(
        "Real addresses",
        arguments: [
            ("aws_s3_bucket.b[0]", "aws_s3_bucket.b"),
            ("module.m[\"a.b\"].aws_s3_bucket.b[\"x[1]\"]", "module.m[\"a.b\"].aws_s3_bucket.b"),
            ("data.aws_iam_policy_document.p[12]", "data.aws_iam_policy_document.p"),
            ("aws_s3_bucket.b", "aws_s3_bucket.b"),
            ("aws_s3_bucket.b[*]", "aws_s3_bucket.b[*]"),
            ("aws_s3_bucket.b[\"unterminated]", "aws_s3_bucket.b[\"unterminated]"),
            ("aws_s3_bucket.b[-3]", "aws_s3_bucket.b"),
            ("aws_s3_bucket.b[\"a\\\"]\"]", "aws_s3_bucket.b"),
            ("aws_s3_bucket.b[\"a\\\"]", "aws_s3_bucket.b[\"a\\\"]"),
            ("aws_s3_bucket.b[99999999999999999999]", "aws_s3_bucket.b[99999999999999999999]"),
        ])
    func realAddresses(address: String, base: String) {
        #expect(AddressSyntax.baseAddress(address) == base)
    }

    @Test("A quoted key decodes its escapes: only \\n is translated")
    func quotedKeyEscapes() {
        #expect(
            AddressSyntax.segments(#"module.m["a\nb\"c\\d\x"].aws_x.y[2]"#)
                == [
                    .name("module"), .name("m"), .key(.string("a\nb\"c\\dx")), .name("aws_x"), .name("y"),
                    .key(.int(2)),
                ])
        #expect(AddressSyntax.segments(#"x["unterminated]"#) == nil)
        #expect(AddressSyntax.segments("x[*].y[k]") == [.name("x"), .splat, .name("y"), .splat])
    }

    @Test("Random text from the characters that matter: the same answer as the built segments")
    func randomText() {
        var generator = SplitMix64(seed: 0xADD2)
        let alphabet = [".", "[", "]", "\"", "\\", "0", "7", "-", "+", "*", "a", "n", " ", "é", "aws_x"]
        let endings = ["[0]", "[\"k\"]", "[12]", "[*]", "]", "[\"a\\\"]\"]", "."]
        var keyed = 0
        for _ in 0..<20_000 {
            var text = (0..<Int(generator.next() % 14))
                .map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            // Most of them end as an instance address does.
            if generator.next() % 4 != 0 { text += endings[Int(generator.next() % UInt64(endings.count))] }
            let expected = Self.segmentsEndWithKey(text)
            #expect(AddressSyntax.endsWithKey(text) == expected, "\(text)")
            if expected { keyed += 1 }
        }
        // Both answers occur often.
        #expect(keyed > 2000 && keyed < 18_000)
    }
}
