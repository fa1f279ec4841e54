import Foundation
import TestMaterial
import Testing

@testable import PalisadeCore

/// The implementations this processor can run: always the portable rounds, and the SHA
/// instructions where it has them.
private let implementations = SHA256.Implementation.allCases.filter {
    $0 == .portable || SHA256.isProcessorAvailable
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "FIPS 180-4 known answers (NIST's SHA-256 examples)",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
                    + "lmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ])
    func knownAnswers(message: String, digest: String) {
        #expect(SHA256.hex(message) == digest)
        for implementation in implementations {
            let text = Array(message.utf8).withUnsafeBytes { SHA256.hex($0, using: implementation) }
            #expect(text == digest, "\(implementation)")
        }
    }

    @Test("One million times 'a'", arguments: implementations)
    func millionA(implementation: SHA256.Implementation) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(
            message.withUnsafeBytes { SHA256.hex($0, using: implementation) }
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The processor's SHA instructions imitate the portable rounds; they must agree on every
    /// length around the block and padding boundaries and on long random messages.
    @Test("The processor's SHA instructions give the portable rounds' digests")
    func processorMatchesPortable() {
        var generator = SplitMix64(seed: 0x5A_256)
        let lengths = Array(0...200) + [255, 256, 257, 1000, 4095, 4096, 65_537]
        for length in lengths {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let expected = message.withUnsafeBytes { SHA256.hex($0, using: .portable) }
            #expect(SHA256.hex(message) == expected, "length \(length)")
            for implementation in implementations {
                #expect(
                    message.withUnsafeBytes { SHA256.hex($0, using: implementation) } == expected,
                    "\(implementation), length \(length)")
            }
        }
    }

    /// Whether the processor path runs is decided by `cpuid`; on Linux the kernel says the same
    /// in /proc/cpuinfo, so a detection that never fires (or fires wrongly) is caught here.
    @Test("The SHA instructions are used exactly where the processor has them")
    func detectionMatchesTheKernel() throws {
        #if os(Linux) && arch(x86_64)
            let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
            let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
            let words = Set(flags.split(separator: " "))
            let expected = words.contains("sha_ni") && words.contains("ssse3") && words.contains("sse4_1")
            #expect(SHA256.isProcessorAvailable == expected)
        #else
            #expect(!SHA256.isProcessorAvailable)
        #endif
    }

    /// Lengths around the padding boundaries (the length field fits in the last block or needs
    /// one more); answers from Python's hashlib.
    @Test(
        "Padding boundaries",
        arguments: [
            (55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
            (56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
            (63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
            (64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
            (119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"),
            (120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"),
        ])
    func paddingBoundaries(length: Int, digest: String) {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "x"), count: length)) == digest)
    }

    @Test("The raw digest is the 32 bytes the hex spells")
    func digestMatchesHex() {
        let bytes = SHA256.digest(Array("abc".utf8))
        #expect(bytes.count == 32)
        #expect(bytes.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
    }
}
