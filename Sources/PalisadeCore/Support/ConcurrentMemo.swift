import Foundation

/// Values computed once per key and then shared by every thread that asks.
///
/// The lock is not held while a value is computed, so two threads asking for the same new key
/// at once may both compute it; the computations are pure, and the second store is harmless.
///
/// `@unchecked`: `values` is read and written only while `lock` is held. The lock is a pthread
/// mutex (`NSLock`) rather than `Synchronization.Mutex` because ThreadSanitizer sees pthread
/// locking, and a Mutex's contended path runs in the uninstrumented runtime, which it reports
/// as a race between two accesses that the lock orders.
final class ConcurrentMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    /// The stored value for `key`, or `make()` stored for the next caller.
    func value(for key: Key, make: () -> Value) -> Value {
        if let stored = lock.withLock({ values[key] }) { return stored }
        let made = make()
        lock.withLock { values[key] = made }
        return made
    }

    /// The stored value for `key`, or `make()` computed once while the lock is held.
    ///
    /// For values that threads ask for at the same moment (the rules selecting one resource
    /// type start together), where computing twice costs more than waiting.
    func valueComputedOnce(for key: Key, make: () -> Value) -> Value {
        lock.withLock {
            if let stored = values[key] { return stored }
            let made = make()
            values[key] = made
            return made
        }
    }
}
