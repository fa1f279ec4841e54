import Dispatch

/// Work started on another thread now, whose result is waited for later.
///
/// For a short job that can overlap a longer one on the calling thread: the rule pack loads
/// while a big plan's text is validated on one core. Nested `concurrentPerform` calls would run
/// serially, so this uses a plain asynchronous job instead.
public final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    // `@unchecked` is safe: `result` is written once by the job before it leaves the group,
    // and read only after `group.wait()`, which orders the write before the read.
    private var result: Result?
    private let group = DispatchGroup()

    /// Starts `work` on a global queue.
    public init(_ work: @escaping @Sendable () -> Result) {
        group.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.group.leave()
        }
    }

    /// Waits for the work to finish and returns its result.
    public func wait() -> Result {
        group.wait()
        // Set before the group was left; `wait` returns only after that.
        return result.unsafelyUnwrapped
    }
}
