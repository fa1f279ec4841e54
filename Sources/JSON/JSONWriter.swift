/// Writes JSON text incrementally, with deterministic layout and correct string escaping.
///
/// Callers emit values in order (`beginObject`, `key`, values, `endObject`); the writer adds
/// commas, indentation and escapes. It never reorders keys, so output is as deterministic as
/// the caller.
public struct JSONWriter: Sendable {
    /// The text written so far, as UTF-8 bytes.
    public var bytes: [UInt8] { buffer.array }
    private var buffer = ByteBuffer(capacity: 4096)
    private let indentUnit: Int
    private var depth = 0
    private var needsComma = false
    private var afterKey = false

    /// Creates a writer; `indent` is the number of spaces per level, 0 for compact output.
    public init(indent: Int = 2) {
        self.indentUnit = indent
    }

    /// The text written so far.
    public var text: String { buffer.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    /// The text written so far and a final newline, made in one copy: a report can be tens of
    /// megabytes, and `text + "\n"` would copy it twice.
    public var document: String {
        buffer.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count + 1) { text in
                _ = text.initialize(fromContentsOf: bytes)
                text[bytes.count] = 0x0A
                return bytes.count + 1
            }
        }
    }

    /// Hands the text written so far to `output` and forgets it, keeping the nesting state, so
    /// that a long document can be written out in pieces and never held whole.
    public mutating func flush(to output: (UnsafeRawBufferPointer) -> Void) {
        buffer.withUnsafeBytes(output)
        buffer.removeAll()
    }

    /// Ends the document with a newline, as ``document`` does, and flushes it to `output`.
    public mutating func finish(to output: (UnsafeRawBufferPointer) -> Void) {
        buffer.append(0x0A)
        flush(to: output)
    }

    private mutating func prepareValue() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma { buffer.append(UInt8(ascii: ",")) }
        if depth > 0 { newline() }
    }

    private mutating func newline() {
        guard indentUnit > 0 else { return }
        buffer.append(0x0A)
        buffer.append(repeating: 0x20, count: depth * indentUnit)
    }

    /// Starts an object.
    public mutating func beginObject() {
        prepareValue()
        buffer.append(UInt8(ascii: "{"))
        depth += 1
        needsComma = false
    }

    /// Ends the current object.
    public mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Starts an array.
    public mutating func beginArray() {
        prepareValue()
        buffer.append(UInt8(ascii: "["))
        depth += 1
        needsComma = false
    }

    /// Ends the current array.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if needsComma { newline() }
        buffer.append(bracket)
        needsComma = true
    }

    /// A writer for elements of the array being written, at this writer's depth.
    ///
    /// Runs of elements can then be written on every core and spliced back in order with
    /// ``appendElements(_:)``, giving the same bytes as writing them here one by one.
    public func elementWriter() -> JSONWriter {
        var writer = JSONWriter(indent: indentUnit)
        writer.depth = depth
        return writer
    }

    /// Appends, in order, the elements that writers from ``elementWriter()`` wrote.
    public mutating func appendElements(_ runs: [JSONWriter]) {
        for run in runs where run.buffer.count > 0 {
            if needsComma { buffer.append(UInt8(ascii: ",")) }
            buffer.append(run.buffer)
            needsComma = true
        }
    }

    /// Writes an object key; the next value written is its value.
    public mutating func key(_ name: String) {
        prepareValue()
        appendString(name)
        buffer.append(UInt8(ascii: ":"))
        if indentUnit > 0 { buffer.append(0x20) }
        afterKey = true
        needsComma = true
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        prepareValue()
        appendString(value)
        needsComma = true
    }

    /// Writes a string value, or `null` when it is nil.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes a boolean value.
    public mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    /// Writes an integer value.
    public mutating func int(_ value: Int64) { raw(String(value)) }

    /// Writes an integer value, or `null` when it is nil.
    public mutating func int(_ value: Int?) {
        if let value { raw(String(value)) } else { null() }
    }

    /// Writes a floating-point value; non-finite numbers become `null` (JSON has none).
    public mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 {
            raw(String(Int64(value)))
        } else {
            raw("\(value)")
        }
    }

    /// Writes a floating-point value that reads back as a fraction, never as an integer (`1.0`,
    /// not `1`), so a reader keeps its type; non-finite numbers become `null`.
    public mutating func fractional(_ value: Double) {
        guard value.isFinite else { return null() }
        // Swift's shortest round-tripping form always has a `.` or an exponent.
        raw("\(value)")
    }

    /// Writes `null`.
    public mutating func null() { raw("null") }

    /// Writes a JSON value from a parsed document as it is.
    public mutating func value(_ json: JSONValue) {
        switch json.kind {
        case .null: null()
        case .bool: bool(json.bool ?? false)
        case .int: int(json.int ?? 0)
        case .double: double(json.double ?? 0)
        case .string: string(json.string ?? "")
        case .array:
            beginArray()
            for element in json.elements { value(element) }
            endArray()
        case .object:
            beginObject()
            json.forEachMember { name, member in
                key(name)
                value(member)
            }
            endObject()
        }
    }

    private mutating func raw(_ text: String) {
        prepareValue()
        buffer.append(text)
        needsComma = true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ value: String) {
        buffer.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            // Runs without anything to escape (nearly all text) are copied whole; they are found
            // eight bytes at a time (see `firstEscape`).
            var runStart = 0
            var index = 0
            while true {
                index = Self.firstEscape(in: base, from: index, count: utf8.count)
                guard index < utf8.count else { break }
                buffer.append(base + runStart, count: index - runStart)
                appendEscape(utf8[index])
                index += 1
                runStart = index
            }
            buffer.append(base + runStart, count: utf8.count - runStart)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Whether JSON text needs `byte` escaped: a control character, DEL, a quote or a backslash.
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The index of the first byte from `start` that needs escaping, or `count`.
    ///
    /// A word of eight bytes is flagged when one of them is below 0x20, DEL, a quote or a
    /// backslash (the borrow of these tests may also flag a byte above a real match, never one
    /// below it, so the lowest flag is checked and the scan goes on after a false one).
    @inline(__always)
    static func firstEscape(in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawPointer(base)
        var index = start
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let quotes = word ^ (ones &* 0x22)
                let backslashes = word ^ (ones &* 0x5C)
                let deletes = word ^ (ones &* 0x7F)
                let flagged =
                    ((word &- ones &* 0x20) | (quotes &- ones) | (backslashes &- ones) | (deletes &- ones))
                    & ~word & highs
                guard flagged != 0 else {
                    index += 8
                    continue
                }
                let candidate = index + flagged.trailingZeroBitCount >> 3
                if needsEscape(base[candidate]) { return candidate }
                index = candidate + 1
            } else {
                if needsEscape(base[index]) { return index }
                index += 1
            }
        }
        return count
    }

    /// Two bytes, without the array a literal would allocate.
    @inline(__always)
    private mutating func appendPair(_ first: UInt8, _ second: UInt8) {
        buffer.append(first)
        buffer.append(second)
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): appendPair(0x5C, 0x22)
        case UInt8(ascii: "\\"): appendPair(0x5C, 0x5C)
        case 0x0A: appendPair(0x5C, UInt8(ascii: "n"))
        case 0x0D: appendPair(0x5C, UInt8(ascii: "r"))
        case 0x09: appendPair(0x5C, UInt8(ascii: "t"))
        default:
            appendPair(0x5C, UInt8(ascii: "u"))
            appendPair(UInt8(ascii: "0"), UInt8(ascii: "0"))
            buffer.append(Self.hexDigits[Int(byte >> 4)])
            buffer.append(Self.hexDigits[Int(byte & 0xF)])
        }
    }
}
