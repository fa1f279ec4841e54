/// Entry point of the policy language: compiles expression source for an environment.
public enum Expression {
    /// Parses and checks `source` against `environment` and compiles it for repeated evaluation.
    ///
    /// Throws a `PolicyError` at the exact position of the first problem: a lexical or syntax
    /// error, an unknown name or function, a wrong arity or call style, a misused macro, a type
    /// mismatch visible in literals, excessive nesting, or a literal argument a function rejects.
    /// In an environment whose timing is ``CompilationTiming/onFirstUse`` nothing is checked
    /// here: the first evaluation compiles (see ``CompilationTiming``).
    public static func compile(
        _ source: String, environment: Environment
    ) throws(PolicyError)
        -> CompiledExpression
    {
        switch environment.compilationTiming {
        case .immediate:
            return CompiledExpression(source: source, compiled: try program(source, environment))
        case .onFirstUse:
            return CompiledExpression(
                source: source, deferred: DeferredProgram(source: source, environment: environment))
        }
    }

    /// Parses, checks and compiles `source` now.
    static func program(_ source: String, _ environment: Environment) throws(PolicyError) -> CompiledProgram {
        let tree = try Parser.parse(source, maximumDepth: environment.maximumNestingDepth)
        var numbering = environment.numberings.now
        var compiler = Compiler(environment: environment, numbering: numbering)
        var root = try compiler.compile(tree)
        // Out of the cache entries earlier expressions took: once more with a fresh numbering
        // (an expression with more chains than entries keeps the rest uncached).
        if compiler.lackedChainEntry {
            numbering = environment.numberings.renewing(numbering)
            compiler = Compiler(environment: environment, numbering: numbering)
            root = try compiler.compile(tree)
        }
        return CompiledProgram(
            root: root.evaluate, variables: compiler.variablesRead, numbering: numbering,
            localSlots: compiler.slotCount)
    }
}

/// A checked, compiled expression: evaluate it any number of times, from any thread.
public struct CompiledExpression: Sendable {
    /// The source text it was compiled from.
    public let source: String
    // Compiled now or on first use: exactly one of the two is set. Two references rather than
    // a two-case enum, which keeps its case in the spare bits of the reference, where
    // LeakSanitizer sees no pointer: it reported everything a program compiled on first use
    // holds as leaked.
    private let compiled: CompiledProgram?
    private let deferred: DeferredProgram?

    /// An expression compiled now.
    init(source: String, compiled: CompiledProgram) {
        self.source = source
        self.compiled = compiled
        self.deferred = nil
    }

    /// An expression compiled on its first use.
    init(source: String, deferred: DeferredProgram) {
        self.source = source
        self.compiled = nil
        self.deferred = deferred
    }

    /// The environment variables the expression reads, for engines that bind lazily.
    ///
    /// Compiles a deferred expression; empty when that fails.
    public var referencedVariables: Set<String> {
        if let compiled { return compiled.referencedVariables }
        return (try? deferred?.program.get())?.referencedVariables ?? []
    }

    /// Compiles an expression deferred to its first use now, so that its first evaluation does
    /// not; a compiled one is left as it is.
    ///
    /// A source that does not compile is not reported here: every evaluation is an error naming
    /// the problem, as without this call.
    public func compileIfDeferred() {
        deferred?.withProgram { _ in }
    }

    /// Evaluates the expression; never throws and always terminates.
    ///
    /// Runtime failures come back as `.error`; values that cannot be known before apply as
    /// `.unknown`. Running past `bindings.stepBudget` yields an error, whatever the partial result.
    /// A deferred expression compiles on its first evaluation; if that fails, every evaluation
    /// is an error naming the problem.
    public func evaluate(_ bindings: Bindings) -> Value {
        evaluate(bindings, recordingUnknownReads: false).value
    }

    /// Evaluates the expression like ``evaluate(_:)`` and also returns the causes of every
    /// unknown that reading a field or an element produced, in the order met.
    ///
    /// The result may be a definite bool although an unknown was read (`is_computed(x)` is
    /// `true`); these causes then say which attributes the outcome depended on.
    public func evaluateRecordingUnknownReads(
        _ bindings: Bindings
    ) -> (value: Value, unknownReads: [UnknownCause]) {
        evaluate(bindings, recordingUnknownReads: true)
    }

    private func evaluate(
        _ bindings: Bindings, recordingUnknownReads: Bool
    ) -> (
        value: Value, unknownReads: [UnknownCause]
    ) {
        withProgram { $0.evaluate(bindings, recordingUnknownReads: recordingUnknownReads) }
    }

    /// Evaluates the compiled program with `body`; an expression that does not compile gives
    /// the error naming the problem instead.
    func withProgram(
        _ body: (CompiledProgram) -> (value: Value, unknownReads: [UnknownCause])
    ) -> (value: Value, unknownReads: [UnknownCause]) {
        if let compiled { return body(compiled) }
        // Exactly one is set (see the initializers): without a compiled program, a deferred one.
        return deferred.unsafelyUnwrapped.withProgram { program in
            switch program {
            case .success(let compiled):
                return body(compiled)
            case .failure(let error):
                return (
                    .error(
                        EvaluationError("expression does not compile: \(error.message)", at: error.position)),
                    []
                )
            }
        }
    }
}

/// The closures an expression compiled to, with what evaluating them needs.
///
/// A class: an expression's storage is copied on every evaluation, and a reference is one
/// retain where the closure and the variable list were two.
final class CompiledProgram: Sendable {
    let root: Evaluator
    /// The variables the expression reads.
    let variableNames: [String]
    /// Their slots, in the environment's numbering (`variableSlots[i]` holds `variableNames[i]`).
    let variableSlots: [Int]
    /// The numbering its slots and chain entries follow: the environment's.
    let numbering: SlotNumbering
    /// The bits of `variableSlots`; nil when the environment has more variables than bits.
    let variableMask: UInt64?
    /// Where the iteration locals start: after every variable of the environment.
    let localBase: Int
    let localSlots: Int

    init(
        root: @escaping Evaluator, variables: [(name: String, slot: Int)], numbering: SlotNumbering,
        localSlots: Int
    ) {
        self.root = root
        self.variableNames = variables.map(\.name)
        self.variableSlots = variables.map(\.slot)
        self.numbering = numbering
        self.localBase = numbering.variables.count
        self.variableMask =
            localBase <= UInt64.bitWidth ? variables.reduce(0) { $0 | 1 << UInt64($1.slot) } : nil
        self.localSlots = localSlots
    }

    var referencedVariables: Set<String> { Set(variableNames) }

    func evaluate(
        _ bindings: borrowing Bindings, recordingUnknownReads: Bool = false
    ) -> (
        value: Value, unknownReads: [UnknownCause]
    ) {
        EvaluationContext.withContext(bindings: bindings) { context in
            context.run(self, recordingUnknownReads: recordingUnknownReads)
        }
    }
}
