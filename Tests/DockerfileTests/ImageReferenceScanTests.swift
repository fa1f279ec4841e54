import TestMaterial
import Testing

@testable import Dockerfile

/// The byte scan of ASCII references against the ``Character`` parser it replaced.
@Suite struct ImageReferenceScanTests {
    static let examples = [
        "alpine", "alpine:3.19", "bitnami/redis:7", "docker.io/nginx", "index.docker.io/library/nginx:1",
        "registry.example.com:5000/team/app:2.1", "localhost/app", "localhost:5000/app:dev", "localhost",
        "localhost:5000", "localhost/", "LOCALHOST/app", "docker.io/library/alpine", "docker.io/team/app:x",
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:"
            + "8712b8bc076f3787b9d179e06c0fd4f5f8130c4237730edfafbd67f9619699cf",
        "ghcr.io/org/app:1.2@sha256:abc", "a:b:c", "a/b:c:d", "a:1/b", "a.b/c/d/e:f", ":tag", "@sha", "a@",
        "a:", "/", "//", "a//b", "a/b/", "a/:t", "a@b@c", "a@:x", "a:@d", "host:/app", "index.docker.io/app",
        "scratch", "SCRATCH", "my_registry/app", "x.y:1/z@sha256:", "a\u{0}b", "a\u{7F}/b",
    ]

    /// Pieces that exercise every branch: separators, hosts the parser names, and plain words.
    static let pieces = [
        "a", "b", "app", ".", ":", "/", "@", "-", "_", "1", "localhost", "index.docker.io", "docker.io",
        "sha256:", "ABC", "0f",
    ]

    static func agree(_ text: String) -> Bool {
        ImageReference.parse(text) == ImageReference.parseCharacters(text)
    }

    @Test func examplesParseAsByCharacter() {
        for text in Self.examples {
            #expect(Self.agree(text), "\(text)")
        }
    }

    @Test func randomTextParsesAsByCharacter() {
        var generator = SplitMix64(seed: 17)
        var disagreements: [String] = []
        var references = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...8, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            if !Self.agree(text) { disagreements.append(text) }
            if ImageReference.parse(text) != nil { references += 1 }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        // Both outcomes are common, so both paths of the scan are compared.
        #expect(references > 2_000 && references < 18_000, "\(references) references")
    }

    @Test(arguments: ["é/app:1", "registry.exämple/app", "a@\u{301}b", "a/\u{301}b", "app:\u{301}"])
    func nonASCIITextIsParsedByCharacter(_ text: String) {
        #expect(Self.agree(text))
    }

    /// The digest test as it was written before the byte scan.
    static func digestIsValidByCharacter(_ digest: String?) -> Bool {
        guard let digest, digest.hasPrefix("sha256:") else { return false }
        let hex = digest.utf8.dropFirst(7)
        return hex.count == 64
            && hex.allSatisfy {
                ByteClass.isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
            }
    }

    @Test func digestValidityAsByCharacter() throws {
        var generator = SplitMix64(seed: 71)
        let hex = Array("0123456789abcdefA")
        let prefixes = ["sha256:", "sha512:", "sha256", "SHA256:", "sha256:\u{301}", ""]
        for _ in 0..<5_000 {
            let count = [63, 64, 65, Int.random(in: 0...70, using: &generator)].randomElement(
                using: &generator)!
            var digits = String((0..<count).map { _ in hex.randomElement(using: &generator)! })
            if Int.random(in: 0..<8, using: &generator) == 0, !digits.isEmpty { digits.removeLast() }
            let digest = prefixes.randomElement(using: &generator)! + digits
            if digest.isEmpty { continue }
            let reference = try #require(ImageReference.parse("app@" + digest))
            #expect(reference.isDigestValid == Self.digestIsValidByCharacter(reference.digest), "\(digest)")
        }
    }
}
