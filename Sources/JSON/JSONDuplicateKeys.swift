import TextDecoding

/// Finds an object that names the same key twice with different values, the way json-c would
/// see the two keys.
///
/// json-c keeps the last value of a repeated key without a word, so `{"acl": "private",
/// "acl": "public-read"}` would read as public. Terraform never writes a repeated key; an input
/// that has one was edited, and which value counts is ambiguous, so readers of plans refuse it.
///
/// Keys compare as json-c stores them: escapes decoded (`"\u0061cl"` is `"acl"`), a lone
/// surrogate as U+FFFD, and the key cut at its first NUL (json-c keeps keys as C strings).
/// The scan runs on text that json-c has accepted; it never recurses, and an object with many
/// keys switches from a linear search to a hash set, so hostile input stays linear.
public enum JSONDuplicateKeys {
    /// A key named twice in one object.
    public struct Duplicate: Sendable, Equatable {
        /// The byte offset of the second occurrence's opening quote.
        public let offset: Int
        /// The byte offset of the first occurrence's opening quote.
        public let firstOffset: Int
        /// The key as decoded (UTF-8, lossy for display only).
        public let key: String
    }

    /// Throws, at the second occurrence, when `utf8` names a key twice in one object.
    public static func check(_ utf8: UnsafeRawBufferPointer) throws(JSONParseError) {
        guard let duplicate = first(in: utf8) else { return }
        let (line, column) = TextDecoding.lineAndColumn(of: duplicate.offset, in: utf8)
        let (firstLine, firstColumn) = TextDecoding.lineAndColumn(of: duplicate.firstOffset, in: utf8)
        throw JSONParseError(
            message:
                "duplicate key \"\(duplicate.key)\" in one object (first at \(firstLine):\(firstColumn));"
                + " which value counts is ambiguous, and Terraform never writes one",
            line: line, column: column)
    }

    /// Keys of one object at most this many are compared one by one; more use a set.
    private static let linearSearchLimit = 32

    /// The first repeated key in `utf8`, in document order; nil when there is none.
    public static func first(in utf8: UnsafeRawBufferPointer) -> Duplicate? {
        guard let raw = utf8.baseAddress else { return nil }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        let count = utf8.count
        // The keys of every open object, innermost last; `frames` holds where each object's
        // keys start in `keys` (arrays push a frame too, which never gets keys).
        var keys: [Key] = []
        var frames: [(start: Int, isObject: Bool, set: [Int: Int]?)] = []
        var expectsKey = false
        var index = 0
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                frames.append((keys.count, true, nil))
                expectsKey = true
                index += 1
            case UInt8(ascii: "["):
                frames.append((keys.count, false, nil))
                expectsKey = false
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let frame = frames.popLast() { keys.removeSubrange(frame.start...) }
                expectsKey = false
                index += 1
            case UInt8(ascii: ","):
                expectsKey = frames.last?.isObject == true
                index += 1
            case UInt8(ascii: ":"):
                expectsKey = false
                index += 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let (end, escaped) = scanString(bytes, index, count, quote: byte)
                if expectsKey, !frames.isEmpty {
                    // Most keys have no escape and are compared where they lie; others are decoded.
                    let decoded = escaped ? decode(bytes, index + 1..<end - 1) : nil
                    let key = Key(
                        offset: index, raw: index + 1..<end - 1, decoded: decoded,
                        hash: decoded.map { hash($0) }
                            ?? hash(UnsafeBufferPointer(start: bytes + index + 1, count: end - index - 2)))
                    let frameIndex = frames.count - 1
                    let start = frames[frameIndex].start
                    if let earlier = firstOffset(
                        of: key, in: keys, from: start, set: frames[frameIndex].set, bytes)
                    {
                        // The same key with the very same value text is not ambiguous (hand-edited
                        // test plans in the corpus repeat `"x": true`); any other repeat is.
                        if !sameValue(afterKeyAt: earlier, and: index, bytes, count) {
                            return Duplicate(
                                offset: index, firstOffset: earlier,
                                key: String(decoding: key.bytes(bytes), as: UTF8.self))
                        }
                        expectsKey = false
                        index = end
                        continue
                    }
                    keys.append(key)
                    if var set = frames[frameIndex].set {
                        frames[frameIndex].set = nil
                        if set[key.hash] == nil { set[key.hash] = keys.count - 1 }
                        frames[frameIndex].set = set
                    } else if keys.count - start > linearSearchLimit {
                        var set: [Int: Int] = [:]
                        for position in start..<keys.count where set[keys[position].hash] == nil {
                            set[keys[position].hash] = position
                        }
                        frames[frameIndex].set = set
                    }
                }
                expectsKey = false
                index = end
            default:
                index += 1
            }
        }
        return nil
    }

    /// One key of an open object: where it is, and its decoded bytes when it has escapes.
    private struct Key {
        let offset: Int
        let raw: Range<Int>
        let decoded: [UInt8]?
        /// FNV-1a of the key's bytes: most comparisons end here.
        let hash: Int

        /// The key as json-c stores it.
        func bytes(_ text: UnsafePointer<UInt8>) -> [UInt8] {
            decoded ?? Array(UnsafeBufferPointer(start: text + raw.lowerBound, count: raw.count))
        }

        func equals(_ other: Key, _ text: UnsafePointer<UInt8>) -> Bool {
            guard hash == other.hash else { return false }
            if decoded == nil, other.decoded == nil {
                guard raw.count == other.raw.count else { return false }
                return UnsafeBufferPointer(start: text + raw.lowerBound, count: raw.count).elementsEqual(
                    UnsafeBufferPointer(start: text + other.raw.lowerBound, count: other.raw.count))
            }
            return bytes(text) == other.bytes(text)
        }
    }

    /// Where `key` first appears among the current object's keys, if it does.
    ///
    /// A big object's set maps a hash to its first key; on a hash collision between different
    /// keys the object is searched key by key, so the answer is always exact.
    private static func firstOffset(
        of key: Key, in keys: [Key], from start: Int, set: [Int: Int]?, _ text: UnsafePointer<UInt8>
    ) -> Int? {
        if let set {
            guard let position = set[key.hash] else { return nil }
            if keys[position].equals(key, text) { return keys[position].offset }
        }
        for entry in keys[start...] where entry.equals(key, text) { return entry.offset }
        return nil
    }

    private static func hash(_ bytes: some Sequence<UInt8>) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: value)
    }

    /// Whether the values after the keys at two offsets are the same text.
    private static func sameValue(
        afterKeyAt first: Int, and second: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int
    ) -> Bool {
        let one = valueSpan(afterKeyAt: first, bytes, count)
        let other = valueSpan(afterKeyAt: second, bytes, count)
        guard one.count == other.count else { return false }
        return UnsafeBufferPointer(start: bytes + one.lowerBound, count: one.count).elementsEqual(
            UnsafeBufferPointer(start: bytes + other.lowerBound, count: other.count))
    }

    /// The bytes of the value that follows the key opening at `keyOffset` (text json-c accepted).
    private static func valueSpan(
        afterKeyAt keyOffset: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int
    ) -> Range<Int> {
        var index = scanString(bytes, keyOffset, count, quote: bytes[keyOffset]).end
        while index < count, bytes[index] != UInt8(ascii: ":") { index += 1 }
        index += 1
        while index < count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        let start = index
        var depth = 0
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index = scanString(bytes, index, count, quote: byte).end
                if depth == 0 { return start..<min(index, count) }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return start..<index }
                depth -= 1
                if depth == 0 { return start..<index + 1 }
            case UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
                if depth == 0 { return start..<index }
            default:
                break
            }
            index += 1
        }
        return start..<count
    }

    /// Skips the string opening at `start`; returns the index after it and whether it has escapes.
    private static func scanString(
        _ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int, quote: UInt8
    ) -> (end: Int, escaped: Bool) {
        var index = start + 1
        var escaped = false
        while index < count {
            let byte = bytes[index]
            // Most bytes are neither, so test the cheap case first.
            if byte != quote && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if byte == quote { return (index + 1, escaped) }
            escaped = true
            index += 2
        }
        return (count + 1, escaped)
    }

    /// The content of a string with escapes, decoded as json-c decodes it.
    private static func decode(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var decoded: [UInt8] = []
        var index = range.lowerBound
        var pendingHighSurrogate: UInt32?
        func flushSurrogate() {
            if pendingHighSurrogate != nil { append(0xFFFD, to: &decoded) }
            pendingHighSurrogate = nil
        }
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < range.upperBound else {
                flushSurrogate()
                decoded.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            if escape == UInt8(ascii: "u"), index + 4 <= range.upperBound,
                let unit = TextDecoding.hexUnit(bytes, at: index)
            {
                index += 4
                if (0xD800...0xDBFF).contains(unit) {
                    flushSurrogate()
                    pendingHighSurrogate = unit
                } else if (0xDC00...0xDFFF).contains(unit) {
                    if let high = pendingHighSurrogate {
                        append(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &decoded)
                        pendingHighSurrogate = nil
                    } else {
                        append(0xFFFD, to: &decoded)
                    }
                } else {
                    flushSurrogate()
                    append(unit, to: &decoded)
                }
                continue
            }
            flushSurrogate()
            switch escape {
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            default: decoded.append(escape)
            }
        }
        flushSurrogate()
        return cutAtNUL(decoded)
    }

    private static func cutAtNUL(_ key: [UInt8]) -> [UInt8] {
        guard let nul = key.firstIndex(of: 0) else { return key }
        return Array(key[..<nul])
    }

    /// Appends a scalar's UTF-8 encoding.
    private static func append(_ scalar: UInt32, to bytes: inout [UInt8]) {
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        bytes.append(contentsOf: Array(String(character).utf8))
    }
}
