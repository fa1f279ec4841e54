import Foundation

/// An expression compiled on first use, once, whichever thread gets there first.
///
/// `@unchecked Sendable` is safe: `outcome` is the only mutable state, and it is read and
/// written only while `lock` is held.
final class DeferredProgram: @unchecked Sendable {
    private let source: String
    private let environment: Environment
    private let lock = NSLock()
    private var outcome: Result<CompiledProgram, PolicyError>?

    init(source: String, environment: Environment) {
        self.source = source
        self.environment = environment.withCompilationTiming(.immediate)
    }

    /// The compiled program, or why the source does not compile.
    var program: Result<CompiledProgram, PolicyError> {
        lock.lock()
        defer { lock.unlock() }
        if let outcome { return outcome }
        let compiled = Result { () throws(PolicyError) in try Expression.program(source, environment) }
        outcome = compiled
        return compiled
    }
}
