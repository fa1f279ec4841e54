extension Range where Bound == Int {
    /// The range cut into consecutive pieces of `size` (the last may be shorter): units of work
    /// small enough to balance the cores and large enough to amortise scheduling.
    public func chunks(of size: Int) -> [Range<Int>] {
        let step = Swift.max(1, size)
        return stride(from: lowerBound, to: upperBound, by: step).map {
            $0..<Swift.min($0 + step, upperBound)
        }
    }
}
