import Foundation

/// A value computed on first use and then shared read-only; safe to use from several threads.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let make: @Sendable () -> Value
    // Guarded by `lock`; written once.
    private var computed: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let value = make()
        computed = value
        return value
    }
}
