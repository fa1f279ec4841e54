import Synchronization

/// A value computed on first use and then shared read-only; safe to use from several threads.
///
/// The first caller computes the value while holding the lock, so it is computed once.
final class Lazy<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let computed = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        computed.withLock { computed in
            if let computed { return computed }
            let value = make()
            computed = value
            return value
        }
    }
}
