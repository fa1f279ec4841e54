import Dispatch
import Parallel
import Synchronization
import Testing

@Suite struct BackgroundWorkTests {
    @Test func theResultIsTheWorksAndItRunsOnce() {
        let runs = Mutex(0)
        let work = BackgroundWork { () -> [Int] in
            runs.withLock { $0 += 1 }
            return (0..<10_000).map { $0 * 2 }
        }
        #expect(work.wait() == (0..<10_000).map { $0 * 2 })
        #expect(work.wait().count == 10_000)
        #expect(runs.withLock { $0 } == 1)
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
