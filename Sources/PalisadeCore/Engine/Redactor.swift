/// Removes secret values from every string that leaves the engine.
///
/// The plan itself is secret material: sensitive attributes, root variable
/// values and literal provider credentials are collected per input, and any occurrence of
/// them in a message or quoted line is replaced, whatever path put it there. A secret made of
/// letters only is a word, and is replaced only where it stands as one: a URL password `pass`
/// is hidden in `user:pass@host` but `password` stays a word, so the rule's own text does not
/// read `(sensitive)word`. Any other secret is replaced wherever it occurs, glued to letters
/// or not (`hunter2hunter2`, `%3Dsecret2`). Secrets are kept
/// in a hash set and indexed by their first four bytes with the lengths seen for that prefix,
/// so adding one is O(1) and redacting a message costs one bit test per three bytes where no
/// secret can start, and a few hash lookups where one may, however many secrets a large plan
/// holds.
public struct Redactor: Sendable {
    /// What replaces a secret.
    public static let replacement = "(sensitive)"
    /// Shorter values are not redacted: they would mangle ordinary text and reveal little.
    static let minimumLength = 4

    /// Every secret as UTF-8.
    private var secrets: Set<[UInt8]> = []
    /// For each four-byte prefix, the lengths of the secrets starting with it, longest first.
    private var lengthsByPrefix: [UInt32: [Int]] = [:]
    /// One bit per hashed four-byte prefix: a clear bit means no secret starts there.
    ///
    /// It spares the dictionary lookup at the positions the block filter lets through. Allocated
    /// with the first secret, as ``blockFilter`` is: most inputs (a Dockerfile, say) have none,
    /// and a scan may hold hundreds of them.
    private var prefixFilter: [UInt64] = []
    private static let filterWords = 1024
    /// One bit per two-byte block that occurs in some secret's first four bytes.
    ///
    /// The block at `i + 2` lies inside the first four bytes of any secret starting at `i`,
    /// `i + 1` or `i + 2`, so a clear bit rules out three positions with one load: most messages
    /// are read three bytes at a time.
    private var blockFilter: [UInt64] = []
    private static let blockFilterWords = 65_536 / 64

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
        if prefixFilter.isEmpty {
            prefixFilter = [UInt64](repeating: 0, count: Self.filterWords)
            blockFilter = [UInt64](repeating: 0, count: Self.blockFilterWords)
        }
        let key = Self.prefix(bytes)
        let slot = Self.filterSlot(key)
        prefixFilter[slot.word] |= slot.bit
        for offset in 0..<3 {
            let block = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
            blockFilter[block >> 6] |= 1 << UInt64(block & 63)
        }
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
    ///
    /// At each position the longest secret that starts there is replaced, and the scan goes on
    /// after it.
    private func redacted(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        prefixFilter.withUnsafeBufferPointer { prefixes in
            blockFilter.withUnsafeBufferPointer { blocks in
                redacted(bytes, prefixes: prefixes, blocks: blocks)
            }
        }
    }

    /// ``redacted(_:)`` with both filters read in place.
    private func redacted(
        _ bytes: UnsafeBufferPointer<UInt8>, prefixes: UnsafeBufferPointer<UInt64>,
        blocks: UnsafeBufferPointer<UInt64>
    ) -> [UInt8]? {
        var output: [UInt8] = []
        var changed = false
        var copiedUpTo = 0
        // The first position not yet ruled out.
        var index = 0
        scan: while index + Self.minimumLength <= bytes.count {
            let block = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard blocks[block >> 6] & (1 << UInt64(block & 63)) != 0 else {
                index += 3
                continue
            }
            for start in index..<min(index + 3, bytes.count - Self.minimumLength + 1) {
                guard let length = secretLength(at: start, in: bytes, prefixes: prefixes) else { continue }
                output.append(contentsOf: bytes[copiedUpTo..<start])
                output.append(contentsOf: Self.replacement.utf8)
                index = start + length
                copiedUpTo = index
                changed = true
                continue scan
            }
            index += 3
        }
        guard changed else { return nil }
        output.append(contentsOf: bytes[copiedUpTo...])
        return output
    }

    /// The length of the longest secret starting at `start`, if one does.
    private func secretLength(
        at start: Int, in bytes: UnsafeBufferPointer<UInt8>, prefixes: UnsafeBufferPointer<UInt64>
    ) -> Int? {
        let key = Self.prefix(bytes[start..<start + Self.minimumLength])
        let slot = Self.filterSlot(key)
        guard prefixes[slot.word] & slot.bit != 0, let lengths = lengthsByPrefix[key] else { return nil }
        return lengths.first {
            start + $0 <= bytes.count && Self.standsApartIfWord(start..<start + $0, in: bytes)
                && secrets.contains(Array(bytes[start..<start + $0]))
        }
    }

    /// Whether the text at `range` may be replaced: it holds a byte that is not a letter, or,
    /// all letters (a word), it does not continue a word: no letter beside it.
    static func standsApartIfWord(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in range where !isLetter(bytes[index]) { return true }
        if range.lowerBound > 0, isLetter(bytes[range.lowerBound - 1]), isLetter(bytes[range.lowerBound]) {
            return false
        }
        if range.upperBound < bytes.count, isLetter(bytes[range.upperBound]),
            isLetter(bytes[range.upperBound - 1])
        {
            return false
        }
        return true
    }

    /// An ASCII letter, or a byte of a non-ASCII letter's encoding (any byte from 0x80 on).
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x80
    }
}
