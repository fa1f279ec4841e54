extension String {
    /// The concatenation of `first`, `second`, `third` and `fourth`, written into one new string.
    ///
    /// `+` and `append` grow a string part by part, about 650 instructions per part (callgrind):
    /// the engine builds a key and a path for every element of every `each` list. Fixed parts,
    /// not a variadic list, which would allocate an array per call.
    static func concatenating(
        _ first: String, _ second: String, _ third: String, _ fourth: String = ""
    ) -> String {
        let count = first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var written = copy(first, into: buffer, at: 0)
            written += copy(second, into: buffer, at: written)
            written += copy(third, into: buffer, at: written)
            return written + copy(fourth, into: buffer, at: written)
        }
    }

    /// The concatenation of `parts`, written into one new string.
    static func concatenating(_ parts: [String]) -> String {
        parts.withUnsafeBufferPointer(concatenating)
    }

    /// The concatenation of the strings `parts` points to, written into one new string.
    static func concatenating(_ parts: UnsafeBufferPointer<String>) -> String {
        let count = parts.reduce(0) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var written = 0
            for part in parts { written += copy(part, into: buffer, at: written) }
            return written
        }
    }

    /// Copies the UTF-8 of `part` into `buffer` at `offset`; how many bytes it copied.
    private static func copy(
        _ part: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) -> Int {
        var part = part
        return part.withUTF8 { bytes in
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return 0 }
            (buffer.baseAddress! + offset).update(from: source, count: bytes.count)
            return bytes.count
        }
    }
}
