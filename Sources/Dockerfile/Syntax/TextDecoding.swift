/// Turns the bytes of a Dockerfile into validated UTF-8 without a byte-order mark.
///
/// BuildKit itself only strips a UTF-8 BOM; files saved as UTF-16 or UTF-32 (with a BOM) by
/// Windows editors are transcoded so they can be linted rather than rejected.
enum TextDecoding {
    /// Returns UTF-8 bytes without BOM, or throws with the line and column of the first bad byte.
    static func utf8(from bytes: [UInt8]) throws(LocatedProblem) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes[3...])
            try validateUTF8(body)
            return body
        }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return try transcodeUTF32(bytes, bigEndian: false)
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return try transcodeUTF32(bytes, bigEndian: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try transcodeUTF16(bytes, bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try transcodeUTF16(bytes, bigEndian: true) }
        try validateUTF8(bytes)
        return bytes
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

    private static func transcodeUTF16(
        _ bytes: [UInt8], bigEndian: Bool
    ) throws(LocatedProblem)
        -> [UInt8]
    {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? (first << 8 | second) : (second << 8 | first))
            index += 2
        }
        if index < bytes.count {
            throw LocatedProblem(line: nil, "UTF-16 file has an odd number of bytes")
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var line = 1
        var column = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                append(scalar, to: &output)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput: break loop
            case .error:
                throw LocatedProblem(line: line, column: column, "invalid UTF-16 sequence")
            }
        }
        return output
    }

    private static func transcodeUTF32(
        _ bytes: [UInt8], bigEndian: Bool
    ) throws(LocatedProblem)
        -> [UInt8]
    {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4)
        var index = 4
        var line = 1
        var column = 1
        while index + 3 < bytes.count {
            let quad = (0..<4).map { UInt32(bytes[index + $0]) }
            let value =
                bigEndian
                ? (quad[0] << 24 | quad[1] << 16 | quad[2] << 8 | quad[3])
                : (quad[3] << 24 | quad[2] << 16 | quad[1] << 8 | quad[0])
            guard let scalar = Unicode.Scalar(value) else {
                throw LocatedProblem(line: line, column: column, "invalid UTF-32 code point")
            }
            append(scalar, to: &output)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 4
        }
        if index < bytes.count {
            throw LocatedProblem(line: nil, "UTF-32 file length is not a multiple of 4 bytes")
        }
        return output
    }

    private static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        UTF8.encode(scalar) { output.append($0) }
    }
}
