import Foundation

/// Wall-clock times of a scan's phases, printed to standard error when `PALISADE_TIMINGS` is set.
///
/// The benchmark uses it to show where a scan spends its time; it costs one environment
/// lookup when off.
public enum PhaseTimings {
    /// Whether timings are being recorded (`PALISADE_TIMINGS` is set and not empty).
    public static let enabled: Bool = {
        guard let value = getenv("PALISADE_TIMINGS") else { return false }
        return value.pointee != 0
    }()

    /// Runs `body` and, when enabled, reports how long it took under `name`.
    @inline(__always)
    public static func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            let line = "palisade timing: \(name) \(String(format: "%.1f", elapsed)) ms\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        return try body()
    }
}
