extension Array where Element: Sendable {
    /// The array sorted by `areInIncreasingOrder` as a stable sort orders it, the two halves
    /// sorted at the same time and then merged.
    ///
    /// Equal elements keep their order, as with the standard library's `sorted(by:)`, so the
    /// result is the same as that sort's on the same input; short arrays are sorted in place.
    ///
    /// Inlinable so that callers get a sort specialised for their element and comparator: the
    /// generic one calls the comparator through thunks, several times slower.
    @inlinable
    public func parallelSorted(
        by areInIncreasingOrder: @Sendable (Element, Element) -> Bool
    ) -> [Element] {
        guard count >= 1024 else { return sorted(by: areInIncreasingOrder) }
        let middle = count / 2
        let halves = [0..<middle, middle..<count].parallelMap { range in
            self[range].sorted(by: areInIncreasingOrder)
        }
        let (left, right) = (halves[0], halves[1])
        var merged: [Element] = []
        merged.reserveCapacity(count)
        var (i, j) = (0, 0)
        while i < left.count, j < right.count {
            // The left element first unless the right one is strictly smaller: stable.
            if areInIncreasingOrder(right[j], left[i]) {
                merged.append(right[j])
                j += 1
            } else {
                merged.append(left[i])
                i += 1
            }
        }
        merged.append(contentsOf: left[i...])
        merged.append(contentsOf: right[j...])
        return merged
    }
}
