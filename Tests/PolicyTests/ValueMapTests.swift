import Policy
import TestMaterial
import Testing

/// A map searches its keys one by one while small and by a table once large: random edits across
/// that size must read exactly as a plain list of pairs does.
@Suite("Value maps")
struct ValueMapTests {
    @Test(arguments: [1, 2, 3])
    func randomEditsMatchAListOfPairs(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var map = ValueMap()
        var pairs: [(String, Value)] = []
        for step in 0..<3_000 {
            // Twenty-four keys, so the map grows past its linear-search size and shrinks back.
            let key = "k\(Int.random(in: 0..<24, using: &random))"
            if Int.random(in: 0..<3, using: &random) == 0 {
                map[key] = nil
                pairs.removeAll { $0.0 == key }
            } else {
                let value = Value.int(Int64(step))
                map[key] = value
                if let index = pairs.firstIndex(where: { $0.0 == key }) {
                    pairs[index].1 = value
                } else {
                    pairs.append((key, value))
                }
            }
            #expect(map.keys == pairs.map(\.0))
            #expect(map.values == pairs.map(\.1))
            for probe in 0..<24 {
                let name = "k\(probe)"
                #expect(map[name] == pairs.first { $0.0 == name }?.1)
                #expect(map.contains(key: name) == pairs.contains { $0.0 == name })
            }
        }
        // Built at once, with a repeated key: the later value wins at the first position.
        let built = ValueMap(pairs + [(pairs.first?.0 ?? "k0", .string("last"))])
        #expect(built.keys == (pairs.isEmpty ? ["k0"] : pairs.map(\.0)))
        #expect(built[pairs.first?.0 ?? "k0"] == .string("last"))
    }
}
