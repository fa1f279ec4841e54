/// Turns the bytes of a text file into UTF-8, honouring a byte-order mark.
///
/// Terraform writes UTF-8; PowerShell redirection writes UTF-16 with a BOM, and some tools add a
/// UTF-8 BOM. Without a BOM the bytes are taken as UTF-8 (validated later by the parser).
public enum TextDecoding {
    /// The encodings recognised by their byte-order mark.
    public enum Encoding: String, Sendable {
        /// UTF-8, with or without a BOM.
        case utf8
        /// UTF-16 little-endian with a BOM.
        case utf16LittleEndian
        /// UTF-16 big-endian with a BOM.
        case utf16BigEndian
        /// UTF-32 little-endian with a BOM.
        case utf32LittleEndian
        /// UTF-32 big-endian with a BOM.
        case utf32BigEndian
    }

    /// Detects the encoding from a leading byte-order mark and returns it with the BOM's length.
    public static func detect(_ bytes: UnsafeRawBufferPointer) -> (Encoding, bomLength: Int) {
        let b = Array(bytes.prefix(4))
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return (.utf32LittleEndian, 4) }
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return (.utf32BigEndian, 4) }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8, 3) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16BigEndian, 2) }
        return (.utf8, 0)
    }

    /// Transcodes UTF-16 or UTF-32 code units after the BOM into UTF-8 bytes.
    ///
    /// Unpaired surrogates and out-of-range scalars are errors, reported with the line and
    /// column at which they occur.
    public static func transcodeToUTF8(
        _ bytes: UnsafeRawBufferPointer, encoding: Encoding, bomLength: Int
    ) throws(TextDecodingError) -> [UInt8] {
        let body = UnsafeRawBufferPointer(rebasing: bytes[bomLength...])
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var line = 1
        var column = 1
        func append(_ scalar: Unicode.Scalar) {
            output.append(contentsOf: UTF8.encode(scalar)!)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        switch encoding {
        case .utf8:
            return Array(body)
        case .utf16LittleEndian, .utf16BigEndian:
            let littleEndian = encoding == .utf16LittleEndian
            let unitCount = body.count / 2
            if body.count % 2 != 0 {
                throw TextDecodingError(
                    message: "UTF-16 input has an odd number of bytes", line: line, column: column)
            }
            var index = 0
            func unit(_ i: Int) -> UInt16 {
                let a = UInt16(body[2 * i])
                let b = UInt16(body[2 * i + 1])
                return littleEndian ? (b << 8 | a) : (a << 8 | b)
            }
            while index < unitCount {
                let u = unit(index)
                index += 1
                if u < 0xD800 || u > 0xDFFF {
                    append(Unicode.Scalar(u)!)
                } else if u <= 0xDBFF, index < unitCount, (0xDC00...0xDFFF).contains(unit(index)) {
                    let low = unit(index)
                    index += 1
                    let value = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    append(Unicode.Scalar(value)!)
                } else {
                    throw TextDecodingError(
                        message: "invalid UTF-16: unpaired surrogate", line: line, column: column)
                }
            }
        case .utf32LittleEndian, .utf32BigEndian:
            if body.count % 4 != 0 {
                throw TextDecodingError(
                    message: "UTF-32 input length is not a multiple of 4", line: line, column: column)
            }
            var offset = 0
            while offset < body.count {
                let bytes4 = (0..<4).map { UInt32(body[offset + $0]) }
                let value =
                    encoding == .utf32LittleEndian
                    ? bytes4[0] | bytes4[1] << 8 | bytes4[2] << 16 | bytes4[3] << 24
                    : bytes4[3] | bytes4[2] << 8 | bytes4[1] << 16 | bytes4[0] << 24
                guard let scalar = Unicode.Scalar(value) else {
                    throw TextDecodingError(message: "invalid UTF-32 code point", line: line, column: column)
                }
                append(scalar)
                offset += 4
            }
        }
        return output
    }

    /// The value of the four hex digits at `start`, nil when one is not a hex digit.
    ///
    /// The digits of a JSON `\u` escape; the caller checks that four bytes are there.
    public static func hexUnit(_ bytes: UnsafePointer<UInt8>, at start: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[start + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Returns the 1-based line and column (in Unicode scalars) of a byte offset in UTF-8 text.
    public static func lineAndColumn(
        of offset: Int, in utf8: UnsafeRawBufferPointer
    ) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, utf8.count)
        while index < end {
            let byte = utf8[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }
}

/// Why bytes with a byte-order mark are not the text it announces, and where.
public struct TextDecodingError: Error, Sendable, Equatable {
    /// A one-line explanation.
    public let message: String
    /// The 1-based line of the problem.
    public let line: Int
    /// The 1-based column (in Unicode scalars) of the problem.
    public let column: Int

    /// Creates an error at a position.
    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }
}
