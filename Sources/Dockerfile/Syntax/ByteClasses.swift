/// Byte classes shared by the scanners; all syntax characters of a Dockerfile are ASCII.
enum ByteClass {
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let hash: UInt8 = 0x23
    static let backslash: UInt8 = 0x5C
    static let backtick: UInt8 = 0x60
    static let singleQuote: UInt8 = 0x27
    static let doubleQuote: UInt8 = 0x22
    static let dash: UInt8 = 0x2D
    static let equals: UInt8 = 0x3D
    static let dollar: UInt8 = 0x24

    /// ASCII white space as Go's `unicode.IsSpace` sees it (tab, LF, VT, FF, CR, space).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The white space of Go's regexp `\s`: tab, LF, FF, CR and space (no VT).
    static func isRegexpSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == 0x0C || byte == carriageReturn
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// A byte of a name: an ASCII letter or digit, or `_` (variables in Dockerfile words,
    /// PowerShell members).
    static func isNameByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_")
    }

    /// The index after the leading white space of `bytes[range]`, including U+0085 and U+00A0
    /// which Go's `unicode.IsSpace` also skips.
    static func skipLeadingSpace(_ bytes: [UInt8], in range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound {
            if isSpace(bytes[index]) {
                index += 1
            } else if bytes[index] == 0xC2, index + 1 < range.upperBound,
                bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0
            {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// `bytes` with leading and trailing ASCII white space removed.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// Splits on runs of BuildKit's `[\t\v\f\r ]+`, dropping empty words.
    static func splitOnWhitespace(_ bytes: ArraySlice<UInt8>) -> [String] {
        var words: [String] = []
        var start: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == space || byte == tab || byte == 0x0B || byte == 0x0C || byte == carriageReturn {
                if let wordStart = start {
                    words.append(String(decoding: bytes[wordStart..<index], as: UTF8.self))
                    start = nil
                }
            } else if start == nil {
                start = index
            }
        }
        if let wordStart = start {
            words.append(String(decoding: bytes[wordStart..<bytes.endIndex], as: UTF8.self))
        }
        return words
    }
}
