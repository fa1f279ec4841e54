import Synchronization

/// An expression compiled on first use, then read without locking by every thread.
///
/// Two threads reaching a fresh expression together may both compile it; one result is kept
/// and both are equal, which is cheaper than taking a lock on every evaluation of a scan that
/// runs on all cores.
final class DeferredProgram: Sendable {
    /// The compilation result, boxed so it can be published atomically.
    private final class Outcome: Sendable {
        let result: Result<CompiledProgram, PolicyError>

        init(_ result: Result<CompiledProgram, PolicyError>) {
            self.result = result
        }
    }

    private let source: String
    private let environment: Environment
    /// The address of the published outcome, retained once by this program; 0 until the first
    /// compilation.
    ///
    /// An address in an `Atomic` rather than an `AtomicLazyReference`, whose `load()` is an
    /// unspecialised library call costing about 640 instructions on every evaluation.
    private let outcome = Atomic<UInt>(0)

    init(source: String, environment: Environment) {
        self.source = source
        self.environment = environment.withCompilationTiming(.immediate)
    }

    deinit {
        if let published = UnsafeRawPointer(bitPattern: outcome.load(ordering: .acquiring)) {
            Unmanaged<Outcome>.fromOpaque(published).release()
        }
    }

    /// The compiled program, or why the source does not compile.
    var program: Result<CompiledProgram, PolicyError> {
        if let published = UnsafeRawPointer(bitPattern: outcome.load(ordering: .acquiring)) {
            return Unmanaged<Outcome>.fromOpaque(published).takeUnretainedValue().result
        }
        let compiled = Outcome(
            Result { () throws(PolicyError) in try Expression.program(source, environment) })
        let retained = Unmanaged.passRetained(compiled).toOpaque()
        let (exchanged, original) = outcome.compareExchange(
            expected: 0, desired: UInt(bitPattern: retained), ordering: .acquiringAndReleasing)
        guard !exchanged, let original = UnsafeRawPointer(bitPattern: original) else {
            return compiled.result
        }
        // Another thread published first: keep its outcome, drop ours.
        Unmanaged<Outcome>.fromOpaque(retained).release()
        return Unmanaged<Outcome>.fromOpaque(original).takeUnretainedValue().result
    }
}
