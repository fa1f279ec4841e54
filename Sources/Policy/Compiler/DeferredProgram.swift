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
    private let outcome = AtomicLazyReference<Outcome>()

    init(source: String, environment: Environment) {
        self.source = source
        self.environment = environment.withCompilationTiming(.immediate)
    }

    /// The compiled program, or why the source does not compile.
    var program: Result<CompiledProgram, PolicyError> {
        if let published = outcome.load() { return published.result }
        let compiled = Outcome(
            Result { () throws(PolicyError) in try Expression.program(source, environment) })
        return outcome.storeIfNil(compiled).result
    }
}
