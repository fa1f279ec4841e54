import Foundation
import TestMaterial
import Testing

@testable import PalisadeCore

/// The byte search for private key markers against Foundation's search, which it replaces for ASCII.
@Suite struct PrivateKeyMarkerTests {
    static let pieces = [
        "-----BEGIN", "-----BEGIN RSA ", "PRIVATE KEY", "PRIVATE KE", "-----", "BEGIN", "x", " ", "\n",
        "\u{212A}", "\u{301}", "é", "Y",
    ]

    static func byFoundation(_ text: String) -> Bool {
        text.contains("-----BEGIN") && text.contains("PRIVATE KEY")
    }

    @Test func randomTextAgreesWithFoundation() {
        var generator = SplitMix64(seed: 65)
        var found = 0
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...6, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let scanned = SecretPatterns.containsPrivateKeyMarkers(text, Array(text.utf8))
            #expect(scanned == Self.byFoundation(text), "\(text.debugDescription)")
            if scanned { found += 1 }
        }
        #expect(found > 100, "\(found) texts with both markers")
    }

    @Test func examples() {
        let key =
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"
        #expect(SecretPatterns.containsPrivateKeyMarkers(key, Array(key.utf8)))
        #expect(SecretPatterns.credentialFormat(in: key) == "private key")
        let publicKey = "-----BEGIN PUBLIC KEY-----"
        #expect(!SecretPatterns.containsPrivateKeyMarkers(publicKey, Array(publicKey.utf8)))
        let kelvin = "-----BEGIN PRIVATE \u{212A}EY"
        #expect(
            SecretPatterns.containsPrivateKeyMarkers(kelvin, Array(kelvin.utf8)) == Self.byFoundation(kelvin))
    }
}
