import TextDecoding

/// Finds what json-c accepts but a strict reader of machine-written JSON refuses: a key named
/// twice in one object with different values, `NaN` and `Infinity`, and numbers json-c cannot
/// hold (integers beyond 64 bits, doubles beyond their range).
///
/// json-c reads each of them without a word, and each reads wrongly: it keeps the last value of
/// a repeated key, so `{"acl": "private", "acl": "public-read"}` reads as public; it clamps
/// `18446744073709551616` to `18446744073709551615` and reads `1e999` as infinity; and `NaN`
/// compares false with everything, so a rule's comparison could pass by accident. Terraform
/// writes none of them (Go's encoder refuses `NaN` and never repeats a key), so a plan or state
/// that has one was made or edited by something else, and readers of plans refuse it.
///
/// Keys compare as json-c stores them: escapes decoded (`"\u0061cl"` is `"acl"`), a lone
/// surrogate as U+FFFD, and the key cut at its first NUL (json-c keeps keys as C strings). The
/// same key with the very same value text is not ambiguous and is accepted. A number too small
/// for a double (`1e-999`) rounds to zero, as any decimal fraction rounds, and is accepted.
///
/// The scan runs on text that json-c has accepted; it never recurses, and an object with many
/// keys switches from a linear search to a hash table, so hostile input stays linear.
public enum StrictJSON {
    /// One thing a strict reader refuses, where it is.
    public struct Problem: Sendable, Equatable {
        /// What is wrong.
        public enum Kind: Sendable, Equatable {
            /// A key named a second time in one object; `firstOffset` is where it was first named.
            case duplicateKey(key: String, firstOffset: Int)
            /// `NaN`, `Infinity` or `-Infinity`.
            case notANumber(literal: String)
            /// An integer beyond 64 bits or a double beyond its range.
            case numberOutOfRange(text: String, readAs: String)
        }

        /// The byte offset of the offending token (a duplicate's second key).
        public let offset: Int
        /// What is wrong there.
        public let kind: Kind
    }

    /// Throws, at the first problem in document order, when `utf8` has one.
    public static func check(_ utf8: UnsafeRawBufferPointer) throws(JSONParseError) {
        if let problem = firstProblem(in: utf8) { throw error(problem, in: utf8) }
    }

    /// The first problem in `utf8` (JSON text json-c accepted), in document order.
    public static func firstProblem(in utf8: UnsafeRawBufferPointer) -> Problem? {
        firstProblem(in: utf8, range: 0..<utf8.count)
    }

    /// The error that reports `problem` at its line and column of `utf8`.
    static func error(_ problem: Problem, in utf8: UnsafeRawBufferPointer) -> JSONParseError {
        let (line, column) = TextDecoding.lineAndColumn(of: problem.offset, in: utf8)
        let message: String
        switch problem.kind {
        case .duplicateKey(let key, let firstOffset):
            let (firstLine, firstColumn) = TextDecoding.lineAndColumn(of: firstOffset, in: utf8)
            message =
                "duplicate key \"\(key)\" in one object (first at \(firstLine):\(firstColumn));"
                + " which value counts is ambiguous, and Terraform never writes one"
        case .notANumber(let literal):
            message =
                "\(literal) is not a number JSON allows; it compares false with everything, and"
                + " Terraform never writes one"
        case .numberOutOfRange(let text, let readAs):
            message =
                "number \(text) is out of range: json-c would read it as \(readAs), and Terraform"
                + " writes no number a provider cannot hold"
        }
        return JSONParseError(message: message, line: line, column: column)
    }

    /// Keys of one object at most this many are compared one by one; more use a hash table.
    private static let linearSearchLimit = 32

    /// The first problem among the values in `range` of `utf8` (whole values, or a run of array
    /// elements separated by commas); offsets are from the start of `utf8`.
    static func firstProblem(in utf8: UnsafeRawBufferPointer, range: Range<Int>) -> Problem? {
        guard let raw = utf8.baseAddress, !range.isEmpty else { return nil }
        var scanner = Scanner(bytes: raw.assumingMemoryBound(to: UInt8.self), count: range.upperBound)
        return scanner.run(from: range.lowerBound)
    }

    /// The first root key in `keys` (token ranges of the root object's keys, in order) named
    /// before, unless its value text is the same; `values` are the matching value ranges.
    static func firstRootDuplicate(
        keys: [Range<Int>], values: [Range<Int>], in utf8: UnsafeRawBufferPointer
    ) -> Problem? {
        guard let raw = utf8.baseAddress else { return nil }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        var seen: [[UInt8]: Int] = [:]
        for (index, token) in keys.enumerated() {
            let key = Scanner.storedKey(bytes, token.lowerBound + 1..<token.upperBound - 1)
            guard let earlier = seen[key] else {
                seen[key] = index
                continue
            }
            let (first, second) = (values[earlier], values[index])
            let same =
                first.count == second.count
                && UnsafeBufferPointer(start: bytes + first.lowerBound, count: first.count).elementsEqual(
                    UnsafeBufferPointer(start: bytes + second.lowerBound, count: second.count))
            if !same {
                return Problem(
                    offset: token.lowerBound,
                    kind: .duplicateKey(
                        key: String(decoding: key, as: UTF8.self), firstOffset: keys[earlier].lowerBound))
            }
        }
        return nil
    }

    /// The scan's state: the keys of every open object, innermost last.
    private struct Scanner: ~Copyable {
        let bytes: UnsafePointer<UInt8>
        let count: Int
        /// Keys of the open objects, the first `keyCount` of them.
        ///
        /// `frames` say where each object's keys start. Both are stacks whose storage is reused,
        /// not shrunk: the scan pushes and pops them for every object and key.
        var keys = TrivialStack<Key>()
        var keyCount = 0
        var frames = TrivialStack<Frame>()
        var frameCount = 0
        /// Decoded bytes of keys with escapes, innermost object last.
        var decoded: [UInt8] = []
        /// Hash tables of the open objects with many keys, innermost last.
        ///
        /// Open addressing: each slot holds a key's position in `keys`, or -1. Only the
        /// innermost object gets keys, so only the last table grows.
        var slots: [Int32] = []
        var expectsKey = false

        init(bytes: UnsafePointer<UInt8>, count: Int) {
            self.bytes = bytes
            self.count = count
        }

        /// One key of an open object: where it is and, when it has escapes, where its decoded
        /// bytes are in `decoded`.
        struct Key {
            let offset: Int
            let start: Int
            let length: Int
            /// Start in `decoded`, or -1 when the key is compared where it lies.
            let decodedStart: Int
            let hash: UInt64
        }

        /// An open object or array; arrays push one too, which never gets keys.
        struct Frame {
            let keyStart: Int
            let decodedStart: Int
            let isObject: Bool
            /// Where the object's table starts in `slots`, or -1.
            var table: Int
            /// The table's size less one (a power of two less one).
            var tableMask = 0
            /// A 128-bit filter of the object's key hashes: a key whose bit is clear is new, and
            /// most keys are, so most never search the object's keys.
            var filter: (low: UInt64, high: UInt64) = (0, 0)

            /// Sets the filter's bit for `hash`; returns whether it was set already.
            mutating func noteInFilter(_ hash: UInt64) -> Bool {
                let bit = UInt64(1) << (hash & 63)
                if hash & 64 == 0 {
                    defer { filter.low |= bit }
                    return filter.low & bit != 0
                }
                defer { filter.high |= bit }
                return filter.high & bit != 0
            }
        }

        mutating func run(from start: Int) -> Problem? {
            var index = start
            while index < count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    let (end, escaped) = Self.skipString(bytes, index, count, quote: byte)
                    if expectsKey, frameCount > 0, let problem = addKey(at: index, end: end, escaped: escaped)
                    {
                        return problem
                    }
                    expectsKey = false
                    index = end
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let frame = Frame(
                        keyStart: keyCount, decodedStart: decoded.count, isObject: byte == UInt8(ascii: "{"),
                        table: -1)
                    frames.set(frameCount, to: frame)
                    frameCount += 1
                    expectsKey = frame.isObject
                    index += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if frameCount > 0 {
                        frameCount -= 1
                        let frame = frames[frameCount]
                        keyCount = frame.keyStart
                        if decoded.count > frame.decodedStart {
                            decoded.removeSubrange(frame.decodedStart...)
                        }
                        if frame.table >= 0 { slots.removeSubrange(frame.table...) }
                    }
                    expectsKey = false
                    index += 1
                case UInt8(ascii: ","):
                    expectsKey = frameCount > 0 && frames[frameCount - 1].isObject
                    index += 1
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let (end, problem) = Self.number(bytes, index, count)
                    if let problem { return problem }
                    index = end
                case UInt8(ascii: "N"):
                    return Problem(offset: index, kind: .notANumber(literal: "NaN"))
                case UInt8(ascii: "I"):
                    return Problem(offset: index, kind: .notANumber(literal: "Infinity"))
                default:
                    index += 1
                }
            }
            return nil
        }

        /// Records the key token `start..<end`; a problem when the object named it before.
        private mutating func addKey(at start: Int, end: Int, escaped: Bool) -> Problem? {
            let content = start + 1..<end - 1
            var key: Key
            if escaped {
                let stored = Self.storedKey(bytes, content)
                key = Key(
                    offset: start, start: content.lowerBound, length: stored.count,
                    decodedStart: decoded.count,
                    hash: stored.withUnsafeBufferPointer { Self.hash($0.baseAddress!, $0.count) })
                decoded.append(contentsOf: stored)
            } else {
                key = Key(
                    offset: start, start: content.lowerBound, length: content.count, decodedStart: -1,
                    hash: Self.hash(
                        bytes + content.lowerBound, content.count, readableBefore: content.lowerBound))
            }
            let frameIndex = frameCount - 1
            // The filter's bits come from the hash's top bits; the table uses all of it.
            let filtered = frames[frameIndex].noteInFilter(key.hash >> 57)
            let frame = frames[frameIndex]
            if filtered || frame.table >= 0,
                let earlier = position(
                    of: key, from: frame.keyStart, table: frame.table, mask: frame.tableMask)
            {
                let first = keys[earlier].offset
                // The same key with the very same value text is not ambiguous (hand-edited test
                // plans repeat `"x": true`); any other repeat is.
                guard Self.sameValue(afterKeyAt: first, and: start, bytes, count) else {
                    return Problem(
                        offset: start,
                        kind: .duplicateKey(
                            key: String(decoding: storedBytes(of: key), as: UTF8.self), firstOffset: first))
                }
                if escaped { decoded.removeLast(key.length) }
                return nil
            }
            keys.set(keyCount, to: key)
            keyCount += 1
            let objectKeys = keyCount - frame.keyStart
            if frame.table >= 0, 2 * objectKeys <= frame.tableMask + 1 {
                insert(keyCount - 1, in: frame.table, mask: frame.tableMask)
            } else if objectKeys > linearSearchLimit {
                // A first table, or a bigger one: at most half full, so probes stay short.
                let start = frame.table >= 0 ? frame.table : slots.count
                let size = max(128, (frame.tableMask + 1) * 2)
                slots.removeSubrange(start...)
                slots.append(contentsOf: repeatElement(-1, count: size))
                for position in frame.keyStart..<keyCount { insert(position, in: start, mask: size - 1) }
                frames[frameIndex].table = start
                frames[frameIndex].tableMask = size - 1
            }
            return nil
        }

        /// Where `key` is among the current object's keys, if it is there: found in the
        /// object's table when it has one, else by comparing it with each key.
        private func position(of key: Key, from start: Int, table: Int, mask: Int) -> Int? {
            if table >= 0 {
                var slot = Int(truncatingIfNeeded: key.hash) & mask
                while true {
                    let position = Int(slots[table + slot])
                    guard position >= 0 else { return nil }
                    if equal(keys[position], key) { return position }
                    slot = (slot + 1) & mask
                }
            }
            for position in start..<keyCount where equal(keys[position], key) { return position }
            return nil
        }

        /// Puts the key at `position` in the first free slot of the table at `table` from its hash.
        private mutating func insert(_ position: Int, in table: Int, mask: Int) {
            var slot = Int(truncatingIfNeeded: keys[position].hash) & mask
            while slots[table + slot] >= 0 { slot = (slot + 1) & mask }
            slots[table + slot] = Int32(truncatingIfNeeded: position)
        }

        private func equal(_ one: Key, _ other: Key) -> Bool {
            guard one.hash == other.hash, one.length == other.length else { return false }
            return withStoredBytes(of: one) { first in
                withStoredBytes(of: other) { second in memcmpEqual(first, second, one.length) }
            }
        }

        private func withStoredBytes<Result>(
            of key: Key, _ body: (UnsafePointer<UInt8>) -> Result
        ) -> Result {
            guard key.decodedStart >= 0 else { return body(bytes + key.start) }
            return decoded.withUnsafeBufferPointer { body($0.baseAddress! + key.decodedStart) }
        }

        private func storedBytes(of key: Key) -> [UInt8] {
            withStoredBytes(of: key) { Array(UnsafeBufferPointer(start: $0, count: key.length)) }
        }

        private func memcmpEqual(
            _ one: UnsafePointer<UInt8>, _ other: UnsafePointer<UInt8>, _ length: Int
        ) -> Bool {
            for offset in 0..<length where one[offset] != other[offset] { return false }
            return true
        }

        /// Chosen at random for each process: the hash decides only where a key goes in a big
        /// object's table, never a verdict, and a text crafted to put many keys in one slot
        /// (quadratic probing) cannot be written without knowing it.
        private static let hashSeed = UInt64.random(in: .min ... .max)

        /// A hash of `length` bytes, eight at a time; most comparisons of different keys end here.
        ///
        /// When `readableBefore` bytes before `start` may be read too, a key of at most eight
        /// bytes is one load of the word that ends with it (most keys are that short), and a
        /// longer key's last word overlaps the one before: no byte-by-byte tail.
        static func hash(_ start: UnsafePointer<UInt8>, _ length: Int, readableBefore: Int = 0) -> UInt64 {
            let raw = UnsafeRawPointer(start)
            func word(at offset: Int) -> UInt64 {
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
            func mix(_ value: UInt64) -> UInt64 {
                let mixed = (value ^ (value >> 29)) &* 0xBF58_476D_1CE4_E5B9
                return mixed ^ (mixed >> 32)
            }
            let seed = hashSeed ^ UInt64(truncatingIfNeeded: length)
            guard length > 8 else {
                guard length > 0 else { return mix(seed) }
                var last: UInt64 = 0
                if readableBefore + length >= 8 {
                    last = word(at: length - 8) >> UInt64(64 - 8 * length)
                } else {
                    for offset in 0..<length { last |= UInt64(start[offset]) << UInt64(8 * offset) }
                }
                return mix(seed ^ last)
            }
            var value = seed
            var offset = 0
            while offset + 8 < length {
                value = mix(value ^ word(at: offset))
                offset += 8
            }
            return mix(value ^ word(at: length - 8))
        }

        /// Skips the string opening at `start`; returns the index after it and its escapes.
        ///
        /// Plain bytes are skipped eight at a time.
        @inline(__always)
        static func skipString(
            _ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int, quote: UInt8
        ) -> (end: Int, escaped: Bool) {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let quotes = ones &* UInt64(quote)
            let backslashes = ones &* 0x5C
            let raw = UnsafeRawPointer(bytes)
            var index = start + 1
            var escaped = false
            while true {
                while index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let quoteBytes = word ^ quotes
                    let backslashBytes = word ^ backslashes
                    let found =
                        (((quoteBytes &- ones) & ~quoteBytes) | ((backslashBytes &- ones) & ~backslashBytes))
                        & highs
                    if found != 0 {
                        index += found.trailingZeroBitCount >> 3
                        break
                    }
                    index += 8
                }
                guard index < count else { return (count + 1, escaped) }
                let byte = bytes[index]
                if byte == quote { return (index + 1, escaped) }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    index += 2
                } else {
                    index += 1
                }
            }
        }

        /// Scans the number token at `start` (json-c accepted it); returns the index after it and
        /// a problem when json-c cannot hold its value.
        static func number(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> (Int, Problem?) {
            if bytes[start] == UInt8(ascii: "-"), start + 1 < count, bytes[start + 1] == UInt8(ascii: "I") {
                return (start + 1, Problem(offset: start, kind: .notANumber(literal: "-Infinity")))
            }
            // json-c accepted the text, so a token is there.
            guard let token = NumberToken(bytes, start, count) else { return (start + 1, nil) }
            let (index, isDouble, hasExponent, negative) = (
                token.end, token.isDouble, token.hasExponent, token.isNegative
            )
            // 20 digits can exceed 64 bits; a double needs more than 308 digits or an exponent.
            let integerDigits = token.integerDigits.count
            guard isDouble ? hasExponent || integerDigits > 300 : integerDigits >= 19 else {
                return (index, nil)
            }
            let text = String(
                decoding: UnsafeBufferPointer(start: bytes + start, count: index - start), as: UTF8.self)
            let readAs: String?
            if isDouble {
                let value = Double(text) ?? 0
                readAs = value.isInfinite ? (value < 0 ? "-infinity" : "infinity") : nil
            } else if negative {
                readAs = Int64(text) == nil ? String(Int64.min) : nil
            } else {
                readAs = UInt64(text) == nil ? String(UInt64.max) : nil
            }
            guard let readAs else { return (index, nil) }
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return (index, Problem(offset: start, kind: .numberOutOfRange(text: shown, readAs: readAs)))
        }

        /// Whether the values after the keys at two offsets are the same text.
        static func sameValue(
            afterKeyAt first: Int, and second: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int
        ) -> Bool {
            let one = valueSpan(afterKeyAt: first, bytes, count)
            let other = valueSpan(afterKeyAt: second, bytes, count)
            guard one.count == other.count else { return false }
            return UnsafeBufferPointer(start: bytes + one.lowerBound, count: one.count).elementsEqual(
                UnsafeBufferPointer(start: bytes + other.lowerBound, count: other.count))
        }

        /// The bytes of the value that follows the key opening at `keyOffset`.
        static func valueSpan(
            afterKeyAt keyOffset: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int
        ) -> Range<Int> {
            var index = skipString(bytes, keyOffset, count, quote: bytes[keyOffset]).end
            while index < count, bytes[index] != UInt8(ascii: ":") { index += 1 }
            index += 1
            while index < count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
            let start = index
            var depth = 0
            while index < count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    index = skipString(bytes, index, count, quote: byte).end
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

        /// A key's content with escapes, decoded as json-c stores it.
        static func storedKey(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
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
            guard let nul = decoded.firstIndex(of: 0) else { return decoded }
            return Array(decoded[..<nul])
        }

        /// Appends a scalar's UTF-8 encoding.
        private static func append(_ scalar: UInt32, to bytes: inout [UInt8]) {
            let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            bytes.append(contentsOf: Array(String(character).utf8))
        }
    }

    /// A stack of plain values whose storage only grows, read and written without the checks of
    /// an array: the scan reads and writes one per key and per object.
    private struct TrivialStack<Element: BitwiseCopyable>: ~Copyable {
        private var base = UnsafeMutablePointer<Element>.allocate(capacity: 64)
        private var capacity = 64

        deinit { base.deallocate() }

        /// The element at `index`, which was set before.
        subscript(index: Int) -> Element {
            get { base[index] }
            set { base[index] = newValue }
        }

        /// Sets the element at `index`, at most one past the highest set so far, growing as needed.
        mutating func set(_ index: Int, to element: Element) {
            if index >= capacity {
                let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
                grown.initialize(from: base, count: capacity)
                base.deallocate()
                base = grown
                capacity *= 2
            }
            base[index] = element
        }
    }
}
