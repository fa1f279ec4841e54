import Parallel
import TestMaterial
import Testing

/// The parallel sort must order exactly as the standard library's stable sort: reports are
/// compared byte for byte, and findings with equal sort keys keep their order.
@Suite struct ParallelSortTests {
    struct Keyed: Equatable, Sendable {
        let key: Int
        let position: Int
    }

    @Test(arguments: [0, 1, 2, 1_023, 1_024, 1_025, 5_000, 20_001])
    func ordersAsTheStableSortDoes(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        // Few distinct keys, so most elements tie with others.
        let input = (0..<count).map { Keyed(key: Int.random(in: 0..<50, using: &random), position: $0) }
        let expected = input.sorted { $0.key < $1.key }
        #expect(input.parallelSorted { $0.key < $1.key } == expected)
        // Stable: equal keys keep their input order.
        for (one, next) in zip(expected, expected.dropFirst()) where one.key == next.key {
            #expect(one.position < next.position)
        }
    }
}
