extension Array {
    /// Reorders the array in place so that element `i` is the one that was at `positions[i]`,
    /// as `positions.map { self[$0] }` would, by swaps.
    ///
    /// A swap moves two elements; the copy the `map` makes retains every reference an element
    /// holds (a finding holds about twenty strings), and releasing the old array releases them.
    /// `positions` must be a permutation of the indices.
    mutating func permute(toPositions positions: [Int]) {
        precondition(positions.count == count, "a permutation of every index")
        var placed = [Bool](repeating: false, count: count)
        // Through the buffer: `swapAt` on the array copied the elements it swapped.
        withUnsafeMutableBufferPointer { elements in
            for start in elements.indices where !placed[start] {
                // Each cycle start → positions[start] → ... → start is closed by swaps along it.
                var current = start
                while positions[current] != start {
                    let next = positions[current]
                    precondition(!placed[next], "a permutation of every index")
                    swap(&elements[current], &elements[next])
                    placed[current] = true
                    current = next
                }
                placed[current] = true
            }
        }
    }
}
