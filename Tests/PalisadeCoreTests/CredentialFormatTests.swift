import Foundation
import TestMaterial
import Testing

@testable import PalisadeCore

/// The credential scan against a plain reference: the first-byte dispatch and the precheck that
/// lets the Dockerfile loader skip most instructions must find exactly what a scan of every
/// position for every format finds.
@Suite("Credential formats")
struct CredentialFormatTests {
    /// Texts built from credential prefixes, runs of token characters of lengths around each
    /// format's bounds, and the separators around them, from a fixed seed.
    static let generated: [String] = {
        let prefixes = [
            "AKIA", "ASIA", "AROA", "AIDA", "AIza", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
            "glpat-", "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "sk_live_", "npm_", "eyJ", "://",
            "-----BEGIN",
            "PRIVATE KEY", "AKI", "gh", "xox", "sk_", "ey", "A", "g", "x", "s", "n", "e",
        ]
        let separators = ["", " ", ".", "-", "_", "=", "\"", "@", ":", "/", "\n", "é", "a"]
        let alphabets = [
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "abcdefghijklmnopqrstuvwxyz0123456789", "aZ9-_",
        ]
        let lengths = [0, 1, 9, 10, 15, 16, 17, 19, 20, 34, 35, 36, 37, 39, 40, 41]
        var random = SplitMix64(seed: 0x5EC2_E7)
        var texts: [String] = []
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(random.next() % 4) + 1 {
                text += separators[Int(random.next() % UInt64(separators.count))]
                text += prefixes[Int(random.next() % UInt64(prefixes.count))]
                let alphabet = Array(alphabets[Int(random.next() % UInt64(alphabets.count))])
                for _ in 0..<lengths[Int(random.next() % UInt64(lengths.count))] {
                    text.append(alphabet[Int(random.next() % UInt64(alphabet.count))])
                }
            }
            texts.append(text)
        }
        return texts
    }()

    /// Known credentials of each format, which the generated texts may miss.
    static let known = [
        "AKIAIOSFODNN7EXAMPLE", "ghp_" + String(repeating: "a1", count: 18),
        "github_pat_" + String(repeating: "x", count: 40),
        "glpat-" + String(repeating: "b", count: 20), "xoxb-1234567890-abc",
        "AIza" + String(repeating: "C", count: 35),
        "sk_live_" + String(repeating: "d", count: 20), "npm_" + String(repeating: "e", count: 36),
        "eyJhbGciOiJI.eyJzdWIiOiIx.SflKxwRJSMeK", "x=AKIAIOSFODNN7EXAMPLE;",
        "-----BEGIN RSA PRIVATE KEY-----",
        "https://user:pa55@example.com/x",
    ]

    @Test("The credential found in a text is the reference scan's")
    func sameAsReference() {
        var found = 0
        for text in Self.generated + Self.known {
            let expected = ReferenceCredentialScan.credentialFormat(in: text)
            #expect(SecretPatterns.credentialFormat(in: text) == expected, "\(text.debugDescription)")
            if expected != nil { found += 1 }
        }
        // The generated texts must exercise matches, not only misses.
        #expect(found > 100, "only \(found) texts hold a credential")
    }

    @Test("The precheck is true for every text that holds a credential or a URL password")
    func precheckMissesNothing() {
        var skipped = 0
        for text in Self.generated + Self.known {
            let holds =
                SecretPatterns.credentialFormat(in: text) != nil
                || SecretPatterns.urlPassword(text) != nil
            if holds { #expect(SecretPatterns.mayHoldCredential(text), "\(text.debugDescription)") }
            if !SecretPatterns.mayHoldCredential(text) { skipped += 1 }
        }
        #expect(!SecretPatterns.mayHoldCredential("RUN apt-get update && apt-get install -y curl"))
        #expect(skipped > 0)
    }
    @Test("The credential-option precheck is true wherever options are found, and filters ordinary RUNs")
    func optionPrecheckMissesNothing() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "-u", "-p", "-phunter2", "--user", "--password", "admin:pw", "pw", "AUTHORIZATION:",
            "Authorization:", "bearer", "Token", "mysql", "mariadb", "curl", "apt-get", "update",
            "sshpass", "docker", "login", "-pglued9",
            " ", " ", "\t", "\"", "'", "=", ";", "&&", "\r\n", "x-u", "-ux",
        ]
        var found = 0
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 1...10, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let words = text.split(whereSeparator: SecretPatterns.isWordSeparator)
            guard !SecretPatterns.optionCredentials(in: words).isEmpty else { continue }
            found += 1
            #expect(SecretPatterns.mayHoldCredentialOption(text), "\(text.debugDescription)")
        }
        #expect(found > 100, "only \(found) texts hold an option credential")
        for ordinary in [
            "apt-get update && apt-get install -y --no-install-recommends curl", "mkdir -p /app/data",
            "pip install --pre -r requirements.txt",
        ] {
            #expect(!SecretPatterns.mayHoldCredentialOption(ordinary), "\(ordinary)")
        }
        // A word `-u` is enough (useradd's uid too): the words are then read.
        #expect(SecretPatterns.mayHoldCredentialOption("useradd -u 1000 app"))
    }

    @Test("The URL password found in a word is the one Foundation's search alone finds")
    func urlPasswordSameAsReference() {
        var found = 0
        for text in Self.generated + Self.known + [
            "a://b:c@d", "x:/y:z@w", "s://u:$V@h", "://:p@", "é://ü:ß@h",
            "docker://alpine:3.19@sha256:0123abcd", "oci://a:b@sha512:ff",
        ] {
            let expected = ReferenceCredentialScan.urlPassword(text)
            #expect(SecretPatterns.urlPassword(text) == expected, "\(text.debugDescription)")
            if expected != nil { found += 1 }
        }
        #expect(found >= 5)
    }
}

/// The credential scan as it was before the first-byte dispatch: every format at every word start.
private enum ReferenceCredentialScan {
    static func urlPassword(_ word: String) -> String? {
        guard let scheme = word.firstRange(of: "://") else { return nil }
        let rest = word[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return nil }
        let userInfo = rest[..<at]
        guard !userInfo.contains("/"), let colon = userInfo.firstIndex(of: ":") else { return nil }
        let password = String(userInfo[userInfo.index(after: colon)...])
        let host = rest[rest.index(after: at)...]
        if host.hasPrefix("sha256:") || host.hasPrefix("sha384:") || host.hasPrefix("sha512:") { return nil }
        return password.isEmpty || password.hasPrefix("$") ? nil : password
    }

    static func credentialFormat(in value: String) -> String? {
        let bytes = Array(value.utf8)
        if value.contains("-----BEGIN") && value.contains("PRIVATE KEY") { return "private key" }
        for index in bytes.indices {
            if let kind = credentialAt(bytes, index) { return kind }
        }
        return nil
    }

    static func isUpperAlnum(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
    static func isAlnum(_ b: UInt8) -> Bool { isUpperAlnum(b) || (b >= 0x61 && b <= 0x7A) }
    static func isBase64URL(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x2D || b == 0x5F }

    static func hasPrefix(_ bytes: [UInt8], _ index: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard index + p.count <= bytes.count else { return false }
        return Array(bytes[index..<index + p.count]) == p
    }

    static func run(_ bytes: [UInt8], from start: Int, while predicate: (UInt8) -> Bool) -> Int {
        var end = start
        while end < bytes.count, predicate(bytes[end]) { end += 1 }
        return end - start
    }

    static func credentialAt(_ bytes: [UInt8], _ index: Int) -> String? {
        guard index == 0 || !isAlnum(bytes[index - 1]) else { return nil }
        for prefix in ["AKIA", "ASIA", "AROA", "AIDA"] where hasPrefix(bytes, index, prefix) {
            if run(bytes, from: index + 4, while: isUpperAlnum) == 16 { return "AWS access key id" }
        }
        for prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] where hasPrefix(bytes, index, prefix) {
            if run(bytes, from: index + 4, while: isAlnum) >= 36 { return "GitHub token" }
        }
        if hasPrefix(bytes, index, "github_pat_"), run(bytes, from: index + 11, while: isBase64URL) >= 40 {
            return "GitHub token"
        }
        if hasPrefix(bytes, index, "glpat-"), run(bytes, from: index + 6, while: isBase64URL) >= 20 {
            return "GitLab token"
        }
        for prefix in ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"] where hasPrefix(bytes, index, prefix) {
            if run(bytes, from: index + 5, while: { isAlnum($0) || $0 == 0x2D }) >= 10 {
                return "Slack token"
            }
        }
        if hasPrefix(bytes, index, "AIza"), run(bytes, from: index + 4, while: isBase64URL) == 35 {
            return "Google API key"
        }
        if hasPrefix(bytes, index, "sk_live_"), run(bytes, from: index + 8, while: isAlnum) >= 20 {
            return "Stripe key"
        }
        if hasPrefix(bytes, index, "npm_"), run(bytes, from: index + 4, while: isAlnum) == 36 {
            return "npm token"
        }
        if hasPrefix(bytes, index, "eyJ") {
            let first = run(bytes, from: index, while: isBase64URL)
            let secondStart = index + first + 1
            if first >= 10, secondStart < bytes.count, bytes[secondStart - 1] == 0x2E,
                hasPrefix(bytes, secondStart, "eyJ")
            {
                let second = run(bytes, from: secondStart, while: isBase64URL)
                let thirdStart = secondStart + second + 1
                if second >= 10, thirdStart <= bytes.count, bytes[thirdStart - 1] == 0x2E,
                    run(bytes, from: thirdStart, while: isBase64URL) >= 10
                {
                    return "JSON web token"
                }
            }
        }
        return nil
    }
}
