import Dispatch

extension Array where Element: Sendable {
    /// The array transformed element by element on every core, results in the original order.
    ///
    /// `transform` runs concurrently on different elements, so it must not mutate shared state
    /// without a lock; that is what its `@Sendable` requirement enforces.
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            self.withUnsafeBufferPointer { input in
                guard let outputBase = buffer.baseAddress, let inputBase = input.baseAddress else { return }
                let output = ResultSlots(base: outputBase)
                let source = InputSlots(base: inputBase)
                DispatchQueue.concurrentPerform(iterations: input.count) { index in
                    (output.base + index).initialize(to: transform(source.base[index]))
                }
                initialized = input.count
            }
        }
    }
}

// Each iteration reads and writes only its own index, and `concurrentPerform` returns after
// every iteration has finished, so sharing the base pointers across threads is race-free.
private struct ResultSlots<Result>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result>
}

// Read-only across the iterations, for the same reason.
private struct InputSlots<Element>: @unchecked Sendable {
    let base: UnsafePointer<Element>
}
