/// A compiled expression node: evaluates itself in a context.
typealias Evaluator = @Sendable (EvaluationContext) -> Value

/// The runtime of the iteration macros `all`, `exists`, `exists_one`, `filter` and `map`.
///
/// Each iterates a finite list (or a map's keys), binding the element to a local slot. Lists
/// may hold unknown elements (a host list of partly known values); the quantifiers then decide
/// as CEL does: a definite element result can settle the answer despite unknowns and errors.
enum Comprehension {
    /// The iteration variable's local slot, and the cache entries of the selection chains that
    /// read from it (see `EvaluationContext.setLocal(_:to:forgetting:)`).
    typealias IterationLocal = (slot: Int, chains: UInt64)

    /// The elements to iterate, or the value that ends the macro (unknown, error, bad type).
    private static func elements(of range: Value, macro: String) -> Result<ListView, Failure> {
        switch range {
        case .unknown, .error: return .failure(Failure(value: range))
        default:
            guard let view = range.iterationView else {
                return .failure(
                    Failure(value: .error("\(macro)() needs a list or map, got \(range.typeName)")))
            }
            return .success(view)
        }
    }

    /// A value that ends a macro early, wrapped so it can travel in a `Result`.
    private struct Failure: Error {
        let value: Value
    }

    /// `all` (absorbing `false`) and `exists` (absorbing `true`).
    static func quantify(
        _ range: Value, macro: String, absorbing: Bool, local: IterationLocal, predicate: Evaluator,
        context: EvaluationContext
    ) -> Value {
        let view: ListView
        switch elements(of: range, macro: macro) {
        case .success(let elements): view = elements
        case .failure(let failure): return failure.value
        }
        var undecided: [Value] = []
        for index in 0..<view.count {
            guard context.charge() else { return context.budgetError }
            context.setLocal(local.slot, to: view[index], forgetting: local.chains)
            let outcome = predicate(context)
            switch outcome {
            case .bool(absorbing): return outcome
            case .bool: continue
            case .unknown, .error: undecided.append(outcome)
            default:
                undecided.append(.error("the predicate of \(macro)() must be bool, got \(outcome.typeName)"))
            }
        }
        return Value.strictOutcome(of: undecided) ?? .bool(!absorbing)
    }

    /// `exists_one`: exactly one element satisfies the predicate.
    static func existsOne(
        _ range: Value, local: IterationLocal, predicate: Evaluator, context: EvaluationContext
    ) -> Value {
        let view: ListView
        switch elements(of: range, macro: "exists_one") {
        case .success(let elements): view = elements
        case .failure(let failure): return failure.value
        }
        var matches = 0
        var undecided: [Value] = []
        for index in 0..<view.count {
            guard context.charge() else { return context.budgetError }
            context.setLocal(local.slot, to: view[index], forgetting: local.chains)
            let outcome = predicate(context)
            switch outcome {
            case .bool(let flag): matches += flag ? 1 : 0
            case .unknown, .error: undecided.append(outcome)
            default:
                undecided.append(
                    .error("the predicate of exists_one() must be bool, got \(outcome.typeName)"))
            }
            // Two matches settle the answer whatever the undecided elements turn out to be.
            if matches > 1 { return .bool(false) }
        }
        return Value.strictOutcome(of: undecided) ?? .bool(matches == 1)
    }

    /// `filter(x, p)`, and `map(x, p, e)` when `transform` is given; `map(x, e)` has no predicate.
    static func filterMap(
        _ range: Value, macro: String, local: IterationLocal, predicate: Evaluator?, transform: Evaluator?,
        context: EvaluationContext
    ) -> Value {
        let view: ListView
        switch elements(of: range, macro: macro) {
        case .success(let elements): view = elements
        case .failure(let failure): return failure.value
        }
        var results: [Value] = []
        var undecided: [Value] = []
        for index in 0..<view.count {
            guard context.charge() else { return context.budgetError }
            let element = view[index]
            context.setLocal(local.slot, to: element, forgetting: local.chains)
            if let predicate {
                let keep = predicate(context)
                switch keep {
                case .bool(false): continue
                case .bool(true): break
                case .unknown, .error:
                    undecided.append(keep)
                    continue
                default:
                    undecided.append(.error("the predicate of \(macro)() must be bool, got \(keep.typeName)"))
                    continue
                }
            }
            guard let transform else {
                results.append(element)
                continue
            }
            let mapped = transform(context)
            // A mapped unknown stays an element, as in a host list; an error ends the macro.
            if case .error = mapped { return mapped }
            results.append(mapped)
        }
        if let outcome = Value.strictOutcome(of: undecided) { return outcome }
        return .list(results)
    }
}
