import Testing

@testable import JSON

/// `ByteBuffer` is what `JSONWriter` writes into: appends of every kind, growth past its
/// capacity, and copies that stay independent once either is written.
@Suite("Byte buffer")
struct ByteBufferTests {
    @Test("Appends of every kind, far past the first capacity, give the bytes an array gives")
    func appendsMatchAnArray() {
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for round in 0..<500 {
            let byte = UInt8(truncatingIfNeeded: round)
            buffer.append(byte)
            expected.append(byte)
            buffer.append(repeating: 0x20, count: round % 7)
            expected += repeatElement(0x20, count: round % 7)
            let text = "é\(round)"
            buffer.append(text)
            expected += Array(text.utf8)
            let bytes: [UInt8] = Array(repeating: byte &+ 1, count: round % 5)
            bytes.withUnsafeBufferPointer {
                buffer.append($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count)
            }
            expected += bytes
        }
        #expect(buffer.array == expected)
        #expect(buffer.count == expected.count)
        var doubled = buffer
        doubled.append(buffer)
        #expect(doubled.array == expected + expected)
    }

    @Test("A copy keeps its bytes when the original is written or emptied, and the other way")
    func copiesAreIndependent() {
        var original = ByteBuffer(capacity: 4)
        original.append("abc")
        var copy = original
        original.append("def")
        #expect(copy.array == Array("abc".utf8))
        #expect(original.array == Array("abcdef".utf8))
        copy.append("x")
        #expect(original.array == Array("abcdef".utf8))
        let kept = original
        original.removeAll()
        #expect(original.count == 0)
        #expect(kept.array == Array("abcdef".utf8))
        original.append("z")
        #expect(original.array == [UInt8(ascii: "z")])
    }
}
