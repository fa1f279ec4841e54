#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The evaluation context each thread keeps between evaluations.
///
/// A rule evaluates several expressions on every subject (`applies_if`, `assert`, severity
/// cases, templates); allocating and freeing a context for each cost about 500 instructions, a
/// tenth of a simple expression. A thread-local slot holds one context, retained until the
/// thread ends.
enum SpareContext {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        #if canImport(Glibc)
            let status = pthread_key_create(&key) { spare in
                if let spare { Unmanaged<EvaluationContext>.fromOpaque(spare).release() }
            }
        #else
            let status = pthread_key_create(&key) { spare in
                Unmanaged<EvaluationContext>.fromOpaque(spare).release()
            }
        #endif
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()

    /// A context for one evaluation: the thread's spare when no evaluation is using it (a
    /// function may evaluate an expression inside another), else a new one.
    static func take() -> EvaluationContext {
        if let raw = pthread_getspecific(key) {
            let spare = Unmanaged<EvaluationContext>.fromOpaque(raw).takeUnretainedValue()
            return spare.isInUse ? EvaluationContext() : spare
        }
        let context = EvaluationContext()
        pthread_setspecific(key, Unmanaged.passRetained(context).toOpaque())
        return context
    }
}
