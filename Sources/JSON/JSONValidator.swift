/// A one-pass JSON validator that accepts exactly what ``JSONDocument``'s json-c parse accepts.
///
/// The rules are json-c 0.16's strict mode with UTF-8 validation, plus the checks the document
/// adds around it (no trailing content, no empty input), including json-c's quirks, which the
/// differential tests pin down:
/// - `NaN`, `Infinity` and `-Infinity` are numbers; keys may be single-quoted; strings may hold
///   raw control characters but not NUL; `\u` escapes never fail on lone surrogates;
/// - numbers: a leading zero is rejected only in a non-negative integer with a non-zero digit
///   after it (`01`, but not `00`, `-01` or `01.5`); `1.` and `-.5` are numbers; a number or
///   literal at the very end of the input is "truncated" (json-c waits for more input);
/// - UTF-8 is checked only for byte counts: a lead byte `C0`–`DF`, `E0`–`EF` or `F0`–`F7`
///   followed by 1, 2 or 3 continuation bytes (overlong forms and surrogates pass);
/// - a value nested `maximumDepth` levels below the root is too deep.
///
/// It never recurses and allocates only its container stack and, for a root object, the
/// layout it returns.
enum JSONValidator {
    /// What to do next in the state machine.
    private enum State {
        case value
        case valueOrArrayEnd
        case keyOrObjectEnd
        case key
        case afterValue
    }

    /// Validates `text` (UTF-8 without a BOM).
    ///
    /// - Returns: nil when the text is not accepted; otherwise the layout of the root.
    static func validate(_ text: UnsafeRawBufferPointer, maximumDepth: Int) -> JSONLayout? {
        guard let raw = text.baseAddress, text.count < Int(Int32.max) else { return nil }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        let count = text.count
        let depthLimit = max(1, maximumDepth)
        // true for an object, false for an array; index = nesting level of the container.
        var stack: [Bool] = []
        stack.reserveCapacity(min(depthLimit, 64))
        var layout = JSONLayout(rootIsObject: false, members: [])
        var rootIsObject = false
        var memberValueStart = 0
        var elementStart = 0
        var index = skipWhitespace(bytes, 0, count)
        guard index < count else { return nil }
        var state = State.value

        while true {
            switch state {
            case .value, .valueOrArrayEnd:
                guard index < count else { return nil }
                let byte = bytes[index]
                if state == .valueOrArrayEnd, byte == UInt8(ascii: "]") {
                    stack.removeLast()
                    index += 1
                    state = .afterValue
                    continue
                }
                let level = stack.count
                guard level < depthLimit else { return nil }
                if rootIsObject {
                    if level == 1 {
                        memberValueStart = index
                    } else if level == 2, !stack[1] {
                        elementStart = index
                    }
                }
                switch byte {
                case UInt8(ascii: "{"):
                    if level == 0 { rootIsObject = true }
                    stack.append(true)
                    index = skipWhitespace(bytes, index + 1, count)
                    state = .keyOrObjectEnd
                    continue
                case UInt8(ascii: "["):
                    stack.append(false)
                    index = skipWhitespace(bytes, index + 1, count)
                    state = .valueOrArrayEnd
                    continue
                case UInt8(ascii: "\""):
                    guard let end = scanString(bytes, index + 1, count, quote: byte) else { return nil }
                    index = end
                    state = .afterValue
                    continue
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard let end = scanNumber(bytes, index, count) else { return nil }
                    index = end
                default:
                    guard let literal = literal(startingWith: byte),
                        let end = scanLiteral(literal, bytes, index, count)
                    else { return nil }
                    index = end
                }
                // json-c needs one more byte after a number or literal to know it has ended.
                if index == count { return nil }
                state = .afterValue

            case .afterValue:
                let level = stack.count
                if rootIsObject {
                    if level == 1 {
                        layout.members[layout.members.count - 1].value = memberValueStart..<index
                    } else if level == 2, !stack[1] {
                        layout.members[layout.members.count - 1].elements.append(elementStart..<index)
                    }
                }
                index = skipWhitespace(bytes, index, count)
                guard level > 0 else {
                    layout.rootIsObject = rootIsObject
                    return index == count ? layout : nil
                }
                guard index < count else { return nil }
                let byte = bytes[index]
                if stack[level - 1] {
                    if byte == UInt8(ascii: ",") {
                        index = skipWhitespace(bytes, index + 1, count)
                        state = .key
                    } else if byte == UInt8(ascii: "}") {
                        stack.removeLast()
                        index += 1
                    } else {
                        return nil
                    }
                } else {
                    if byte == UInt8(ascii: ",") {
                        index = skipWhitespace(bytes, index + 1, count)
                        state = .value
                    } else if byte == UInt8(ascii: "]") {
                        stack.removeLast()
                        index += 1
                    } else {
                        return nil
                    }
                }

            case .keyOrObjectEnd, .key:
                guard index < count else { return nil }
                let byte = bytes[index]
                if state == .keyOrObjectEnd, byte == UInt8(ascii: "}") {
                    stack.removeLast()
                    index += 1
                    state = .afterValue
                    continue
                }
                let keyStart = index
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"),
                    let end = scanString(bytes, index + 1, count, quote: byte)
                else { return nil }
                index = end
                if rootIsObject, stack.count == 1 {
                    layout.members.append(
                        JSONLayout.Member(key: keyStart..<index, value: index..<index, elements: []))
                }
                index = skipWhitespace(bytes, index, count)
                guard index < count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index = skipWhitespace(bytes, index + 1, count)
                state = .value
            }
        }
    }

    @inline(__always)
    private static func skipWhitespace(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> Int {
        var index = start
        while index < count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { break }
            index += 1
        }
        return index
    }

    /// Scans a string body from `start` up to the closing `quote`; returns the index after it.
    ///
    /// Plain bytes are skipped eight at a time: a word with no NUL, quote, backslash or byte of
    /// 0x80 and above holds nothing to check, and otherwise the lowest flagged byte is the first
    /// one that does (the borrow of the zero-byte test only ever flags bytes above a real match).
    @inline(__always)
    /// The literal json-c accepts that starts with `byte` (`NaN` and `Infinity` included).
    private static func literal(startingWith byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "t"): "true"
        case UInt8(ascii: "f"): "false"
        case UInt8(ascii: "n"): "null"
        case UInt8(ascii: "N"): "NaN"
        case UInt8(ascii: "I"): "Infinity"
        default: nil
        }
    }

    private static func scanString(
        _ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int, quote: UInt8
    ) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = ones &* UInt64(quote)
        let backslashes = ones &* 0x5C
        let raw = UnsafeRawPointer(bytes)
        var index = start
        while true {
            while index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let quoteBytes = word ^ quotes
                let backslashBytes = word ^ backslashes
                let special =
                    (((word &- ones) & ~word) | ((quoteBytes &- ones) & ~quoteBytes)
                        | ((backslashBytes &- ones) & ~backslashBytes) | word) & highs
                if special != 0 {
                    index += special.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            guard index < count else { return nil }
            let byte = bytes[index]
            if byte == quote { return index + 1 }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < count else { return nil }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    guard index + 4 < count else { return nil }
                    for offset in 1...4 where !isHexDigit(bytes[index + offset]) { return nil }
                    index += 5
                default:
                    return nil
                }
                continue
            }
            if byte < 0x80 {
                // json-c ends its input at NUL; other control characters are kept as they are.
                guard byte != 0 else { return nil }
                index += 1
                continue
            }
            let continuationCount: Int
            if byte & 0xE0 == 0xC0 {
                continuationCount = 1
            } else if byte & 0xF0 == 0xE0 {
                continuationCount = 2
            } else if byte & 0xF8 == 0xF0 {
                continuationCount = 3
            } else {
                return nil
            }
            guard index + continuationCount < count else { return nil }
            for offset in 1...continuationCount where bytes[index + offset] & 0xC0 != 0x80 { return nil }
            index += continuationCount + 1
        }
    }

    @inline(__always)
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }

    /// Scans the longest number json-c would accept from `start`; returns the index after it.
    ///
    /// What follows a shorter match than json-c's own token (`1e`, `1.5.3`) is never valid after
    /// a value, so the verdict is the same as json-c's.
    private static func scanNumber(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        if bytes[start] == UInt8(ascii: "-"), start + 1 < count, bytes[start + 1] == UInt8(ascii: "I") {
            return scanLiteral("Infinity", bytes, start + 1, count)
        }
        guard let token = NumberToken(bytes, start, count) else { return nil }
        // json-c reads integers with strtoull and rejects a leading zero only when the value is
        // not zero; negative integers and doubles go through strtoll/strtod without that check.
        let digits = token.integerDigits
        if !token.isDouble, !token.isNegative, digits.count > 1, bytes[digits.lowerBound] == UInt8(ascii: "0")
        {
            for digit in digits.lowerBound + 1..<token.end where bytes[digit] != UInt8(ascii: "0") {
                return nil
            }
        }
        return token.end
    }

    /// Matches `literal` exactly at `start`; returns the index after it.
    @inline(__always)
    private static func scanLiteral(
        _ literal: StaticString, _ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int
    ) -> Int? {
        let length = literal.utf8CodeUnitCount
        guard start + length <= count else { return nil }
        let expected = literal.utf8Start
        for offset in 0..<length where bytes[start + offset] != expected[offset] { return nil }
        return start + length
    }
}
