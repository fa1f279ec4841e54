import Foundation

/// Wall-clock and CPU times of a scan's phases, printed to standard error when `PALISADE_TIMINGS` is set.
///
/// The benchmark uses it to show where a scan spends its time; it costs one environment
/// lookup when off.
public enum PhaseTimings {
    /// Whether timings are being recorded (`PALISADE_TIMINGS` is set and not empty).
    public static let enabled: Bool = {
        guard let value = getenv("PALISADE_TIMINGS") else { return false }
        return value.pointee != 0
    }()

    /// Runs `body` and, when enabled, reports how long it took under `name` (built only then).
    @inline(__always)
    public static func measure<T, E: Error>(
        _ name: @autoclosure () -> String, _ body: () throws(E) -> T
    ) throws(E) -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = processCPUNanoseconds()
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            let cpu = Double(processCPUNanoseconds() - startCPU) / 1e6
            let line =
                "palisade timing: \(name()) \(String(format: "%.1f", elapsed)) ms"
                + " (CPU \(String(format: "%.1f", cpu)) ms)\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        return try body()
    }

    /// CPU time of the whole process so far (every thread, user and system): on a shared
    /// machine wall time also counts other processes, CPU time does not.
    static func processCPUNanoseconds() -> UInt64 { cpuNanoseconds(CLOCK_PROCESS_CPUTIME_ID) }

    /// The wall times of the steps of one phase, reported together on one line.
    struct Steps {
        private var parts: [(name: String, milliseconds: Double)] = []

        /// Runs `body` and, when timings are on, records its wall time under `name`.
        mutating func measure<T>(_ name: String, _ body: () -> T) -> T {
            guard enabled else { return body() }
            let start = monotonicNanoseconds()
            defer { record(name, milliseconds: Double(monotonicNanoseconds() - start) / 1e6) }
            return body()
        }

        /// Records a step measured elsewhere (on another thread).
        mutating func record(_ name: String, milliseconds: Double) {
            parts.append((name, milliseconds))
        }

        /// Prints `palisade timing: NAME: step 1.2 ms, ...` when timings are on.
        func report(_ name: @autoclosure () -> String) {
            guard enabled, !parts.isEmpty else { return }
            let steps = parts.map { "\($0.name) \(String(format: "%.1f", $0.milliseconds)) ms" }
            FileHandle.standardError.write(
                Data("palisade timing: \(name()): \(steps.joined(separator: ", "))\n".utf8))
        }
    }

    /// The wall time of `body` in milliseconds when timings are on, else 0.
    static func wallMilliseconds(_ body: () -> Void) -> Double {
        guard enabled else {
            body()
            return 0
        }
        let start = monotonicNanoseconds()
        body()
        return Double(monotonicNanoseconds() - start) / 1e6
    }

    /// The monotonic clock, read without a system call: for dividing a measured CPU time among
    /// the pieces of work it covered.
    static func monotonicNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The CPU time of the calling thread so far.
    static func threadCPUNanoseconds() -> UInt64 { cpuNanoseconds(CLOCK_THREAD_CPUTIME_ID) }

    private static func cpuNanoseconds(_ clock: clockid_t) -> UInt64 {
        var time = timespec()
        clock_gettime(clock, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
