import TextDecoding

/// Decides exec form the way BuildKit does.
///
/// The arguments, after leading white space, must
/// start with `[` and begin with one valid JSON value (Go's `json.Decoder` ignores whatever
/// follows it). An array of strings is exec form; a valid array holding anything else is an
/// error; anything else falls back to shell form.
enum JSONArrayDecoder {
    enum Outcome: Equatable {
        case strings([String])
        case notAllStrings
        case notJSON
    }

    /// Nesting deeper than this is treated as invalid JSON rather than risking the stack.
    static let maximumDepth = 256

    static func decode(_ text: ArraySlice<UInt8>) -> Outcome {
        var scanner = Scanner(bytes: text, index: text.startIndex)
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: "[") else { return .notJSON }
        scanner.index += 1
        var strings: [String] = []
        var allStrings = true
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "]") { return .strings([]) }
        while true {
            scanner.skipWhitespace()
            if scanner.peek() == ByteClass.doubleQuote {
                guard let string = scanner.string() else { return .notJSON }
                strings.append(string)
            } else {
                guard scanner.skipValue(depth: 1) else { return .notJSON }
                allStrings = false
            }
            scanner.skipWhitespace()
            switch scanner.peek() {
            case UInt8(ascii: ","): scanner.index += 1
            case UInt8(ascii: "]"): return allStrings ? .strings(strings) : .notAllStrings
            default: return .notJSON
            }
        }
    }

    private struct Scanner {
        let bytes: ArraySlice<UInt8>
        var index: Int

        func peek() -> UInt8? { index < bytes.endIndex ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = peek(),
                byte == ByteClass.space || byte == ByteClass.tab || byte == ByteClass.newline
                    || byte == ByteClass.carriageReturn
            {
                index += 1
            }
        }

        /// Decodes a JSON string at `index`; nil when it is malformed.
        mutating func string() -> String? {
            index += 1
            var scalars = String.UnicodeScalarView()
            var run = index
            func flush(_ end: Int) {
                scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
            }
            while let byte = peek() {
                if byte == ByteClass.doubleQuote {
                    flush(index)
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 { return nil }
                if byte != ByteClass.backslash {
                    index += 1
                    continue
                }
                flush(index)
                index += 1
                guard let escaped = peek() else { return nil }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    guard let unit = hex4() else { return nil }
                    scalars.append(scalar(startingWith: unit))
                default: return nil
                }
                run = index
            }
            return nil
        }

        /// Combines a surrogate pair when one follows; lone surrogates become U+FFFD as in Go.
        private mutating func scalar(startingWith unit: UInt16) -> Unicode.Scalar {
            if (0xD800...0xDBFF).contains(unit) {
                let save = index
                if peek() == ByteClass.backslash {
                    index += 1
                    if peek() == UInt8(ascii: "u") {
                        index += 1
                        if let low = hex4(), (0xDC00...0xDFFF).contains(low) {
                            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                            return Unicode.Scalar(value) ?? "\u{FFFD}"
                        }
                    }
                }
                index = save
                return "\u{FFFD}"
            }
            return Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}"
        }

        private mutating func hex4() -> UInt16? {
            guard index + 4 <= bytes.endIndex else { return nil }
            let offset = index - bytes.startIndex
            guard
                let value = bytes.withUnsafeBufferPointer({ buffer in
                    buffer.baseAddress.flatMap { TextDecoding.hexUnit($0 + offset, at: 0) }
                })
            else { return nil }
            index += 4
            return UInt16(value)
        }

        /// Skips one JSON value of any kind; false when it is malformed.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth <= JSONArrayDecoder.maximumDepth else { return false }
            skipWhitespace()
            guard let byte = peek() else { return false }
            switch byte {
            case ByteClass.doubleQuote: return string() != nil
            case UInt8(ascii: "["): return skipContainer(close: UInt8(ascii: "]"), keyed: false, depth: depth)
            case UInt8(ascii: "{"): return skipContainer(close: UInt8(ascii: "}"), keyed: true, depth: depth)
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        private mutating func skipContainer(close: UInt8, keyed: Bool, depth: Int) -> Bool {
            index += 1
            skipWhitespace()
            if peek() == close {
                index += 1
                return true
            }
            while true {
                skipWhitespace()
                if keyed {
                    guard peek() == ByteClass.doubleQuote, string() != nil else { return false }
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ":") else { return false }
                    index += 1
                }
                guard skipValue(depth: depth + 1) else { return false }
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                } else if peek() == close {
                    index += 1
                    return true
                } else {
                    return false
                }
            }
        }

        private mutating func literal(_ word: String) -> Bool {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.endIndex,
                bytes[index..<(index + expected.count)].elementsEqual(expected)
            else { return false }
            index += expected.count
            return true
        }

        /// Skips a number of the JSON grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
        private mutating func number() -> Bool {
            if peek() == ByteClass.dash { index += 1 }
            guard let first = peek(), ByteClass.isDigit(first) else { return false }
            index += 1
            if first != UInt8(ascii: "0") { skipDigits() }
            if peek() == UInt8(ascii: ".") {
                index += 1
                guard let digit = peek(), ByteClass.isDigit(digit) else { return false }
                skipDigits()
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                index += 1
                if peek() == UInt8(ascii: "+") || peek() == ByteClass.dash { index += 1 }
                guard let digit = peek(), ByteClass.isDigit(digit) else { return false }
                skipDigits()
            }
            return true
        }

        private mutating func skipDigits() {
            while let byte = peek(), ByteClass.isDigit(byte) { index += 1 }
        }
    }
}
