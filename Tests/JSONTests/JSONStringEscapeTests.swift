import TestMaterial
import Testing

@testable import JSON

/// Report strings are escaped eight bytes at a time; the result must be what escaping byte by
/// byte gives, wherever the bytes to escape fall in a word.
@Suite("JSON string escapes")
struct JSONStringEscapeTests {
    /// The definition: a quote, backslash, control character or DEL escaped, other bytes as is.
    static func escapedByteByByte(_ text: String) -> [UInt8] {
        var output: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: output += [0x5C, 0x22]
            case 0x5C: output += [0x5C, 0x5C]
            case 0x0A: output += Array("\\n".utf8)
            case 0x0D: output += Array("\\r".utf8)
            case 0x09: output += Array("\\t".utf8)
            case 0..<0x20, 0x7F:
                let digits = Array("0123456789abcdef".utf8)
                output += Array("\\u00".utf8) + [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        return output + [0x22]
    }

    static func written(_ text: String) -> [UInt8] {
        var writer = JSONWriter(indent: 0)
        writer.string(text)
        return writer.bytes
    }

    @Test func randomStrings() {
        var random = SplitMix64(seed: 11)
        let pieces = [
            "a", "bcdefgh", " ", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}", "é", "🙂",
            "\u{80}",
            "~", "!", "#",
        ]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0..<40, using: &random)).map { _ in
                pieces.randomElement(using: &random)!
            }.joined()
            #expect(Self.written(text) == Self.escapedByteByByte(text), "\(Array(text.utf8))")
        }
    }

    @Test func everyByteAtEveryPositionOfAWord() {
        for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) {
            for position in 0..<17 {
                let text = String(repeating: "x", count: position) + String(scalar) + "yyyyyyyy"
                #expect(Self.written(text) == Self.escapedByteByByte(text), "\(scalar.value) at \(position)")
            }
        }
    }
}
