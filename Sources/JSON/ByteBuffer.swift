/// A growable byte buffer with value semantics, whose appends are a capacity check and a copy.
///
/// `[UInt8].append(contentsOf:)` costs about a hundred instructions however few bytes it
/// copies, and a report appends a handful of bytes (a key, a comma, an indentation) hundreds of
/// thousands of times. Copies share the storage until one of them is written (copy on write).
struct ByteBuffer: Sendable {
    // Mutated only through a uniquely referenced buffer: a shared one is copied first.
    private final class Storage: @unchecked Sendable {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        func copy() -> Storage {
            let copy = Storage(capacity: capacity)
            copy.base.initialize(from: base, count: count)
            copy.count = count
            return copy
        }
    }

    private var storage: Storage

    init(capacity: Int) {
        storage = Storage(capacity: capacity)
    }

    /// The number of bytes written.
    var count: Int { storage.count }

    /// Room for `extra` more bytes in a storage of this buffer's own; where they go.
    @inline(__always)
    private mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        if storage.count + extra > storage.capacity { grow(toHold: storage.count + extra) }
        return storage.base + storage.count
    }

    private mutating func grow(toHold needed: Int) {
        let capacity = max(needed, storage.capacity * 2)
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        base.initialize(from: storage.base, count: storage.count)
        storage.base.deallocate()
        storage.base = base
        storage.capacity = capacity
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1).initialize(to: byte)
        storage.count += 1
    }

    /// Appends `count` bytes from `start`.
    @inline(__always)
    mutating func append(_ start: UnsafePointer<UInt8>, count: Int) {
        guard count > 0 else { return }
        reserve(count).initialize(from: start, count: count)
        storage.count += count
    }

    /// Appends `byte` `count` times.
    mutating func append(repeating byte: UInt8, count: Int) {
        guard count > 0 else { return }
        reserve(count).initialize(repeating: byte, count: count)
        storage.count += count
    }

    /// Appends the UTF-8 bytes of `text`.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            if let base = utf8.baseAddress { append(base, count: utf8.count) }
        }
    }

    /// Appends the bytes of another buffer.
    mutating func append(_ other: ByteBuffer) {
        other.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress {
                append(base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            }
        }
    }

    /// Forgets the bytes, keeping the capacity when the storage is this buffer's own.
    mutating func removeAll() {
        if isKnownUniquelyReferenced(&storage) {
            storage.count = 0
        } else {
            storage = Storage(capacity: storage.capacity)
        }
    }

    /// Calls `body` with the bytes written.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
    }

    /// The bytes written, as an array.
    var array: [UInt8] { withUnsafeBytes { Array($0) } }
}
