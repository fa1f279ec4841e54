import Synchronization
import Testing

@testable import Parallel

@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, 2, 3, 17, 10_000])
    func resultsKeepTheInputOrder(count: Int) {
        let input = Array(0..<count)
        #expect(input.parallelMap { $0 * 3 + 1 } == input.map { $0 * 3 + 1 })
    }

    @Test func everyElementIsTransformedExactlyOnce() {
        // An atomic, not a Mutex: ThreadSanitizer does not see a contended Mutex's ordering and
        // reports its two locked accesses as a race.
        let calls = Atomic(0)
        let input = Array(repeating: "x", count: 5_000)
        let output = input.parallelMap { element in
            calls.wrappingAdd(1, ordering: .relaxed)
            return element + "y"
        }
        #expect(calls.load(ordering: .relaxed) == 5_000)
        #expect(output.allSatisfy { $0 == "xy" })
    }

    @Test func nonTrivialResultsAreOwnedByTheArray() {
        // Class results must be retained once by the array, not leaked or freed early.
        final class Box: Sendable {
            let value: Int
            init(_ value: Int) { self.value = value }
        }
        let boxes = Array(0..<1_000).parallelMap { Box($0) }
        #expect(boxes.map(\.value) == Array(0..<1_000))
    }
}

@Suite("Range chunks")
struct RangeChunkTests {
    @Test("chunks cover the range in order, every piece full but the last")
    func cover() {
        #expect((0..<10).chunks(of: 4) == [0..<4, 4..<8, 8..<10])
        #expect((3..<7).chunks(of: 4) == [3..<7])
        #expect((0..<8).chunks(of: 4) == [0..<4, 4..<8])
        #expect((5..<5).chunks(of: 4).isEmpty)
        #expect((0..<3).chunks(of: 0) == [0..<1, 1..<2, 2..<3])
    }
}

@Suite("Parallel map with neighbours apart")
struct ParallelMapApartTests {
    @Test(arguments: [0, 1, 2, 3, 7, 16, 17, 1_000])
    func resultsKeepTheInputOrder(count: Int) {
        let input = Array(0..<count)
        for stripes in [1, 2, 3, 8] {
            #expect(input.parallelMapApart(stripes: stripes) { "\($0)" } == input.map { "\($0)" })
        }
    }

    @Test("the order visits every index once and alternates between the parts")
    func stripedOrder() {
        #expect([Int].stripedOrder(count: 0, stripes: 2) == [])
        #expect([Int].stripedOrder(count: 1, stripes: 2) == [0])
        #expect([Int].stripedOrder(count: 5, stripes: 2) == [0, 3, 1, 4, 2])
        #expect([Int].stripedOrder(count: 6, stripes: 2) == [0, 3, 1, 4, 2, 5])
        #expect([Int].stripedOrder(count: 7, stripes: 3) == [0, 3, 6, 1, 4, 2, 5])
        #expect([Int].stripedOrder(count: 4, stripes: 1) == [0, 1, 2, 3])
        for count in 0..<50 {
            for stripes in 1...6 {
                #expect([Int].stripedOrder(count: count, stripes: stripes).sorted() == Array(0..<count))
            }
        }
    }
}
