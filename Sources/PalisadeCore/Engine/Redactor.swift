/// Removes secret values from every string that leaves the engine.
///
/// The plan itself is secret material: sensitive attributes, root variable
/// values and literal provider credentials are collected per input, and any occurrence of
/// them in a message or quoted line is replaced, whatever path put it there. Secrets are kept
/// in a hash set and indexed by their first four bytes with the lengths seen for that prefix,
/// so adding one is O(1) and redacting a message costs a few hash lookups per byte, however
/// many secrets a large plan holds.
public struct Redactor: Sendable {
    /// What replaces a secret.
    public static let replacement = "(sensitive)"
    /// Shorter values are not redacted: they would mangle ordinary text and reveal little.
    static let minimumLength = 4

    /// Every secret as UTF-8.
    private var secrets: Set<[UInt8]> = []
    /// For each four-byte prefix, the lengths of the secrets starting with it, longest first.
    private var lengthsByPrefix: [UInt32: [Int]] = [:]
    /// One bit per hashed four-byte prefix: a clear bit means no secret starts there, which
    /// spares the dictionary lookup at nearly every position of a message.
    private var prefixFilter = [UInt64](repeating: 0, count: Redactor.filterWords)
    private static let filterWords = 1024

    private static func filterSlot(_ key: UInt32) -> (word: Int, bit: UInt64) {
        let hashed = Int((key &* 0x9E37_79B1) >> 16)
        return (hashed >> 6, 1 << UInt64(hashed & 63))
    }

    /// An empty redactor.
    public init() {}

    private static func prefix(_ bytes: some Collection<UInt8>) -> UInt32 {
        bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Adds a secret value to hide.
    public mutating func add(_ secret: String) {
        let bytes = Array(secret.utf8)
        guard bytes.count >= Self.minimumLength else { return }
        guard secrets.insert(bytes).inserted else { return }
        let key = Self.prefix(bytes)
        let slot = Self.filterSlot(key)
        prefixFilter[slot.word] |= slot.bit
        var lengths = lengthsByPrefix[key, default: []]
        if !lengths.contains(bytes.count) {
            lengths.append(bytes.count)
            lengths.sort(by: >)
            lengthsByPrefix[key] = lengths
        }
    }

    /// True when there is nothing to hide.
    public var isEmpty: Bool { secrets.isEmpty }

    /// `text` with every known secret replaced.
    public func redact(_ text: String) -> String {
        guard !secrets.isEmpty, text.utf8.count >= Self.minimumLength else { return text }
        var text = text
        // Read in place: nearly every message holds no secret and comes back as it was.
        guard let output = text.withUTF8({ redacted($0) }) else { return text }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of `bytes` with every known secret replaced, or nil when there is none.
    private func redacted(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        prefixFilter.withUnsafeBufferPointer { redacted(bytes, filter: $0) }
    }

    /// ``redacted(_:)`` with the prefix filter read in place (it is read at every byte).
    private func redacted(
        _ bytes: UnsafeBufferPointer<UInt8>, filter: UnsafeBufferPointer<UInt64>
    ) -> [UInt8]? {
        var output: [UInt8] = []
        var changed = false
        var index = 0
        var key: UInt32 = 0
        // Rolling four-byte window: key holds bytes[index..<index+4].
        for offset in 0..<3 { key = key << 8 | UInt32(bytes[offset]) }
        var copiedUpTo = 0
        while index + Self.minimumLength <= bytes.count {
            key = key << 8 | UInt32(bytes[index + 3])
            let slot = Self.filterSlot(key)
            if filter[slot.word] & slot.bit != 0, let lengths = lengthsByPrefix[key],
                let length = lengths.first(where: {
                    index + $0 <= bytes.count && secrets.contains(Array(bytes[index..<index + $0]))
                })
            {
                output.append(contentsOf: bytes[copiedUpTo..<index])
                output.append(contentsOf: Self.replacement.utf8)
                index += length
                copiedUpTo = index
                changed = true
                guard index + Self.minimumLength <= bytes.count else { break }
                key = 0
                for offset in 0..<3 { key = key << 8 | UInt32(bytes[index + offset]) }
                continue
            }
            index += 1
        }
        guard changed else { return nil }
        output.append(contentsOf: bytes[copiedUpTo...])
        return output
    }
}
