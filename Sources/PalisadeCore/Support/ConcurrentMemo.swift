import Synchronization

/// Values computed once per key and then shared by every thread that asks.
///
/// The lock is not held while a value is computed, so two threads asking for the same new key
/// at once may both compute it; the computations are pure, and the second store is harmless.
final class ConcurrentMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    /// The stored value for `key`, or `make()` stored for the next caller.
    func value(for key: Key, make: () -> Value) -> Value {
        if let stored = values.withLock({ $0[key] }) { return stored }
        let made = make()
        values.withLock { $0[key] = made }
        return made
    }
}
