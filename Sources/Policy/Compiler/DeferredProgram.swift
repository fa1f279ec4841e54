import Synchronization

/// An expression compiled on first use, then read without locking by every thread.
///
/// Only the first use takes a lock, so that two threads reaching a fresh expression together
/// compile it once: both cores start on the same rules, and duplicate compilations made the
/// instruction count of a one-Dockerfile scan vary by a tenth from run to run.
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
    /// Held while compiling, so that the threads that find no outcome wait for one compilation.
    private let compiling = Mutex(())

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
    var program: Result<CompiledProgram, PolicyError> { withProgram { $0 } }

    /// Calls `body` with the compiled program, or why the source does not compile, without
    /// copying the published outcome (a copy cost retains and releases on every evaluation).
    func withProgram<Output>(_ body: (Result<CompiledProgram, PolicyError>) -> Output) -> Output {
        if let published = UnsafeRawPointer(bitPattern: outcome.load(ordering: .acquiring)) {
            return Unmanaged<Outcome>.fromOpaque(published)._withUnsafeGuaranteedRef { body($0.result) }
        }
        return body(compile())
    }

    /// Compiles and publishes the outcome, once whichever threads ask.
    private func compile() -> Result<CompiledProgram, PolicyError> {
        compiling.withLock { _ in
            // Another thread may have compiled it while this one waited for the lock.
            if let published = UnsafeRawPointer(bitPattern: outcome.load(ordering: .acquiring)) {
                return Unmanaged<Outcome>.fromOpaque(published).takeUnretainedValue().result
            }
            let compiled = Outcome(
                Result { () throws(PolicyError) in try Expression.program(source, environment) })
            outcome.store(UInt(bitPattern: Unmanaged.passRetained(compiled).toOpaque()), ordering: .releasing)
            return compiled.result
        }
    }
}
