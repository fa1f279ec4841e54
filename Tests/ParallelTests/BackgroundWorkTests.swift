import Dispatch
import Parallel
import Synchronization
import Testing

@Suite struct BackgroundWorkTests {
    @Test func theResultIsTheWorksAndItRunsOnce() {
        let runs = Atomic(0)
        let work = BackgroundWork { () -> [Int] in
            runs.wrappingAdd(1, ordering: .relaxed)
            return (0..<10_000).map { $0 * 2 }
        }
        #expect(work.wait() == (0..<10_000).map { $0 * 2 })
        #expect(work.wait().count == 10_000)
        #expect(runs.load(ordering: .relaxed) == 1)
    }

    /// The work runs while the caller does other work: it finishes although the caller blocks
    /// on a semaphore that only the work signals.
    @Test func itRunsBesideTheCaller() {
        let started = DispatchSemaphore(value: 0)
        let work = BackgroundWork { () -> String in
            started.signal()
            return "done"
        }
        #expect(started.wait(timeout: .now() + 30) == .success)
        #expect(work.wait() == "done")
    }
}
