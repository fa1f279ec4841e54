import Foundation

extension Array where Element: Sendable {
    /// ``parallelMap(_:)`` with the elements taken in an order that keeps the ones transformed at
    /// the same time far apart in the array; results in the original order.
    ///
    /// Neighbouring elements often share objects (every work item of one rule reads the rule's
    /// compiled expressions and parameters), and two cores that count references on one object
    /// at the same time pass its cache line back and forth on every count. The elements are
    /// taken from `stripes` equal parts of the array in turn (the first of each part, then the
    /// second of each, ...), so cores that start together work in different parts.
    public func parallelMapApart<Result: Sendable>(
        stripes: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let order = Self.stripedOrder(count: count, stripes: stripes)
        let transformed = withUnsafeBufferPointer { elements in
            let source = ElementsInPlace(elements: elements)
            return order.parallelMap { transform(source.elements[$0]) }
        }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            for (position, index) in order.enumerated() {
                (base + index).initialize(to: transformed[position])
            }
            initialized = count
        }
    }

    /// The indices `0..<count` in the order ``parallelMapApart(stripes:_:)`` takes them: a
    /// permutation that visits `stripes` consecutive parts of the array in turn.
    static func stripedOrder(count: Int, stripes: Int) -> [Int] {
        let stripes = Swift.max(1, Swift.min(stripes, count))
        let stripeLength = (count + stripes - 1) / stripes
        var order: [Int] = []
        order.reserveCapacity(count)
        for offset in 0..<stripeLength {
            for stripe in 0..<stripes {
                let index = stripe * stripeLength + offset
                if index < count { order.append(index) }
            }
        }
        return order
    }
}

// Read-only while the transform runs, and `parallelMap` returns only after every call has.
private struct ElementsInPlace<Element>: @unchecked Sendable {
    let elements: UnsafeBufferPointer<Element>
}
