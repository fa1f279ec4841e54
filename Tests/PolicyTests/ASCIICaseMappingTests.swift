import TestMaterial
import Testing

@testable import Policy

/// `lowerAscii` and `upperAscii` map bytes; they must give what mapping scalar by scalar gives.
@Suite struct ASCIICaseMappingTests {
    /// The mapping as it was written before, scalar by scalar.
    static func mapScalars(_ text: String, from range: ClosedRange<Unicode.Scalar>, offset: Int32) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if range.contains(scalar), let mapped = Unicode.Scalar(UInt32(Int32(scalar.value) + offset)) {
                result.append(mapped)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static let pieces = [
        "a", "Z", "m", "Q", "@", "[", "`", "{", "0", " ", "é", "Ä", "ß", "İ", "K", "\u{301}", "😀", "\u{0}",
    ]

    @Test func randomTextMapsAsByScalar() {
        var generator = SplitMix64(seed: 26)
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...12, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let lower = StringFunctions.mapASCII(
                text, from: UInt8(ascii: "A")...UInt8(ascii: "Z"), offset: 32)
            let upper = StringFunctions.mapASCII(
                text, from: UInt8(ascii: "a")...UInt8(ascii: "z"), offset: -32)
            #expect(
                Array(lower.unicodeScalars)
                    == Array(Self.mapScalars(text, from: "A"..."Z", offset: 32).unicodeScalars))
            #expect(
                Array(upper.unicodeScalars)
                    == Array(Self.mapScalars(text, from: "a"..."z", offset: -32).unicodeScalars))
        }
    }

    @Test func examples() {
        #expect(
            StringFunctions.mapASCII("RUN Apt-Get", from: UInt8(ascii: "A")...UInt8(ascii: "Z"), offset: 32)
                == "run apt-get")
        #expect(
            StringFunctions.mapASCII("ÄbC-é", from: UInt8(ascii: "a")...UInt8(ascii: "z"), offset: -32)
                == "ÄBC-é")
        #expect(StringFunctions.mapASCII("", from: UInt8(ascii: "a")...UInt8(ascii: "z"), offset: -32) == "")
    }
}
