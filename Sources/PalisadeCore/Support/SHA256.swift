import CSHA256

/// SHA-256 (FIPS 180-4), for fingerprints and the rule-pack digest.
///
/// Implemented here because Foundation on Linux has no digest API and pulling in swift-crypto
/// for two hashes would double the build time. On a processor with the x86 SHA extensions the
/// blocks are mixed by those instructions (`CSHA256`); these portable rounds are the reference
/// the tests compare them with.
public struct SHA256: Sendable {
    /// How blocks are mixed into the state.
    enum Implementation: Sendable, CaseIterable {
        /// The rounds written out in Swift: any processor.
        case portable
        /// The processor's SHA instructions; only where ``isProcessorAvailable``.
        case processor
    }

    /// Whether this processor has the SHA instructions the `processor` implementation needs.
    static let isProcessorAvailable = palisade_sha256_blocks_available() != 0

    /// The implementation digests use: the processor's when it has one.
    private static let preferred: Implementation = isProcessorAvailable ? .processor : .portable

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
        0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7,
        0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc,
        0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351,
        0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e,
        0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585,
        0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f,
        0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
        0xc671_78f2,
    ]

    /// The hex digest of `bytes`.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        withContiguous(bytes) { hex($0, using: preferred) }
    }

    /// The hex digest of contiguous bytes, mixed by `implementation`.
    static func hex(_ message: UnsafeRawBufferPointer, using implementation: Implementation) -> String {
        let digits: StaticString = "0123456789abcdef"
        return withUnsafeBytes(of: digestState(message, using: implementation)) { words in
            String(unsafeUninitializedCapacity: 64) { buffer in
                digits.withUTF8Buffer { digits in
                    for index in 0..<8 {
                        let word = words.load(fromByteOffset: 4 * index, as: UInt32.self)
                        for nibble in 0..<8 {
                            buffer[8 * index + nibble] = digits[Int((word >> UInt32(28 - 4 * nibble)) & 0x0f)]
                        }
                    }
                }
                return 64
            }
        }
    }

    /// The hex digest of a string's UTF-8 bytes.
    public static func hex(_ text: String) -> String { hex(text.utf8) }

    /// The 32-byte digest of `bytes`.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        withContiguous(bytes) { digest($0, using: preferred) }
    }

    /// The 32-byte digest of contiguous bytes, mixed by `implementation`.
    static func digest(_ message: UnsafeRawBufferPointer, using implementation: Implementation) -> [UInt8] {
        withUnsafeBytes(of: digestState(message, using: implementation)) { words in
            (0..<32).map { offset in
                let word = words.load(fromByteOffset: offset & ~3, as: UInt32.self)
                return UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * (offset & 3)))
            }
        }
    }

    /// `body` over the bytes where they lie, or over a copy when they are not contiguous.
    private static func withContiguous<Bytes: Collection, Result>(
        _ bytes: Bytes, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result where Bytes.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable { body(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes(body)
    }

    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// The final state for contiguous bytes: whole blocks are read in place, and only the padded
    /// tail (one or two blocks) is copied, so hashing a short fingerprint key allocates nothing.
    private static func digestState(
        _ message: UnsafeRawBufferPointer, using implementation: Implementation
    ) -> State {
        var h: State = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
            0x5be0_cd19
        )
        let fullBlocks = message.count / 64
        // The schedule and the round constants are read through raw pointers: array bounds
        // checks and reference counting dominated the cost of hashing short fingerprint keys.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            k.withUnsafeBufferPointer { k in
                func mix(_ blocks: UnsafeRawPointer, count: Int) {
                    switch implementation {
                    case .portable:
                        for block in 0..<count { compress(&h, block: blocks + block * 64, w, k) }
                    case .processor:
                        withUnsafeMutableBytes(of: &h) { state in
                            palisade_sha256_blocks(
                                state.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                blocks.assumingMemoryBound(to: UInt8.self), count)
                        }
                    }
                }
                if let base = message.baseAddress, fullBlocks > 0 { mix(base, count: fullBlocks) }
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                    let rest = message.count - fullBlocks * 64
                    for offset in 0..<rest { tail[offset] = message[fullBlocks * 64 + offset] }
                    tail[rest] = 0x80
                    let tailCount = rest + 9 <= 64 ? 64 : 128
                    for offset in rest + 1..<tailCount - 8 { tail[offset] = 0 }
                    let bitLength = UInt64(message.count) &* 8
                    for offset in 0..<8 {
                        tail[tailCount - 8 + offset] = UInt8(
                            truncatingIfNeeded: bitLength >> UInt64(56 - 8 * offset))
                    }
                    mix(UnsafeRawPointer(tail.baseAddress!), count: tailCount / 64)
                }
            }
        }
        return h
    }

    /// Mixes one 64-byte block into the state.
    @inline(__always)
    private static func compress(
        _ h: inout State, block: UnsafeRawPointer, _ w: UnsafeMutableBufferPointer<UInt32>,
        _ k: UnsafeBufferPointer<UInt32>
    ) {
        for i in 0..<16 {
            w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
        }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = h
        for i in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
    }

    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
