import TextDecoding

/// Turns the bytes of a Dockerfile into validated UTF-8 without a byte-order mark.
///
/// BuildKit itself only strips a UTF-8 BOM; files saved as UTF-16 or UTF-32 (with a BOM) by
/// Windows editors are transcoded, by the same decoder plan files go through, so they can be
/// linted rather than rejected.
enum DockerfileText {
    /// Returns UTF-8 bytes without BOM, or throws with the line and column of the first bad byte.
    static func utf8(from bytes: [UInt8]) throws(LocatedProblem) -> [UInt8] {
        let (encoding, bomLength) = bytes.withUnsafeBytes { TextDecoding.detect($0) }
        guard encoding == .utf8 else {
            do throws(TextDecodingError) {
                // Transcoding writes well-formed UTF-8, so only UTF-8 input needs validating.
                return try bytes.withUnsafeBytes { buffer in
                    Result { () throws(TextDecodingError) in
                        try TextDecoding.transcodeToUTF8(buffer, encoding: encoding, bomLength: bomLength)
                    }
                }.get()
            } catch {
                throw LocatedProblem(line: error.line, column: error.column, error.message)
            }
        }
        let body = bomLength == 0 ? bytes : Array(bytes[bomLength...])
        try validateUTF8(body)
        return body
    }

    /// Checks UTF-8 well-formedness, reporting the first invalid sequence by line and column.
    static func validateUTF8(_ bytes: [UInt8]) throws(LocatedProblem) {
        var index = 0
        var line = 1
        var column = 1
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else {
                throw LocatedProblem(line: line, column: column, "invalid UTF-8 byte sequence")
            }
            index += length
            column += 1
        }
    }

    /// The length of the well-formed multi-byte sequence at `index`, or 0 when it is malformed.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            upperBound = 0x9F
        case 0xF0:
            length = 4
            lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            upperBound = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= lowerBound && second <= upperBound else { return 0 }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            return 0
        }
        return length
    }
}
