import TestMaterial
import Testing

@testable import PalisadeCore

@Suite("Array permutation in place")
struct ArrayPermutationTests {
    @Test("gives what a map over the positions gives", arguments: 0..<100)
    func matchesMap(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let count = Int(generator.next() % 40)
        let elements = (0..<count).map { "element \($0) " + String(repeating: "x", count: $0) }
        let positions = Array(0..<count).shuffled(using: &generator)
        var permuted = elements
        permuted.permute(toPositions: positions)
        #expect(permuted == positions.map { elements[$0] })
    }

    @Test("the identity and one cycle")
    func edges() {
        var identity = [1, 2, 3]
        identity.permute(toPositions: [0, 1, 2])
        #expect(identity == [1, 2, 3])
        var rotated = ["a", "b", "c", "d"]
        rotated.permute(toPositions: [3, 0, 1, 2])
        #expect(rotated == ["d", "a", "b", "c"])
        var empty: [Int] = []
        empty.permute(toPositions: [])
        #expect(empty.isEmpty)
    }
}
