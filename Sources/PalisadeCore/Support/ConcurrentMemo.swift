import Foundation

/// Values computed once per key and then shared by every thread that asks.
///
/// The lock is not held while a value is computed, so two threads asking for the same new key
/// at once may both compute it; the computations are pure, and the second store is harmless.
final class ConcurrentMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var values: [Key: Value] = [:]

    /// The stored value for `key`, or `make()` stored for the next caller.
    func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        let stored = values[key]
        lock.unlock()
        if let stored { return stored }
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}
