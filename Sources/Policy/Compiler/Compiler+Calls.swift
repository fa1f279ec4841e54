/// The macros CEL expands at compile time rather than calling as functions.
enum Macro: String, CaseIterable {
    case has, all, exists
    case existsOne = "exists_one"
    case filter, map
}

extension Compiler {
    mutating func call(
        _ name: String, target: SyntaxNode?, arguments: [SyntaxNode], at position: SourcePosition
    )
        throws(PolicyError) -> CompiledNode
    {
        let style: CallStyle = target == nil ? .global : .method
        let library = environment.functions
        if let macro = Macro(rawValue: name),
            library.overload(named: name, style: style, arity: arguments.count) == nil
        {
            return try expandMacro(macro, target: target, arguments: arguments, at: position)
        }
        guard let overload = library.overload(named: name, style: style, arity: arguments.count) else {
            throw callError(name, style: style, arity: arguments.count, at: position)
        }
        var compiled: [CompiledNode] = []
        if let target { compiled.append(try compile(target)) }
        compiled += try compileAll(arguments)
        var implementation = overload.implementation
        if let specializer = overload.specializer {
            do {
                if let specialized = try specializer(compiled.map(\.constant)) {
                    implementation = specialized
                }
            } catch {
                let nodes = (target.map { [$0] } ?? []) + arguments
                let culprit =
                    nodes.indices.contains(error.argumentIndex)
                    ? nodes[error.argumentIndex].position : position
                throw PolicyError(.invalidArgument, "\(name)(): \(error.message)", at: culprit)
            }
        }
        let evaluators = compiled.map(\.evaluate)
        let acceptsUnknowns = overload.acceptsUnknowns
        let chosen = implementation
        let call: Evaluator = { context in
            located(position, context) {
                var values = context.takeArgumentArray()
                for evaluate in evaluators { values.append(evaluate(context)) }
                let result: Value
                if !acceptsUnknowns, let undecided = Value.strictOutcome(of: values) {
                    result = undecided
                } else {
                    result = chosen(values, context)
                }
                context.recycle(consume values)
                return result
            }
        }
        guard overload.isDeterministic,
            let key = try callCacheKey(name, style: style, nodes: (target.map { [$0] } ?? []) + arguments),
            let entry = chainCacheEntry(key: key)
        else { return CompiledNode(call) }
        return CompiledNode(Self.cachedCall(call, entry: entry))
    }

    /// The cache key of a call whose arguments are all literal scalars or environment variables,
    /// which do not change during a session (and whose reading records no unknown); nil for any
    /// other call.
    private mutating func callCacheKey(
        _ name: String, style: CallStyle, nodes: [SyntaxNode]
    ) throws(PolicyError) -> String? {
        var key = "call " + (style == .method ? "." : "") + name + "("
        for node in nodes {
            switch node.kind {
            case .literal(.string(let text)): key += "s\(text.utf8.count):\(text),"
            case .literal(.int(let number)): key += "i\(number),"
            case .literal(.bool(let flag)): key += "b\(flag),"
            case .literal(.null): key += "n,"
            case .identifier(let variable):
                switch try resolve(variable, at: node.position) {
                case .environment(let slot), .constant(_, let slot): key += "v\(slot),"
                case .local, .definition: return nil
                }
            default: return nil
            }
        }
        return key + ")"
    }

    /// A call kept in cache entry `entry` for the rest of the evaluation or session.
    ///
    /// A repeated call gives the kept value and charges the steps the first one took. An error
    /// is not kept (each occurrence places its own), nor a value computed past the step budget.
    static func cachedCall(_ call: @escaping Evaluator, entry: Int) -> Evaluator {
        { context in
            if let value = context.cachedChain(entry) {
                guard context.charge(context.callSteps(entry)) else { return context.budgetError }
                return value
            }
            let before = context.stepsTaken
            let value = call(context)
            if !value.isError, !context.isExhausted {
                context.cacheCall(value, steps: context.stepsTaken - before, at: entry)
            }
            return value
        }
    }

    /// Explains why no overload fits: wrong style, wrong arity, or an unknown name.
    private func callError(
        _ name: String, style: CallStyle, arity: Int, at position: SourcePosition
    ) -> PolicyError {
        let overloads = environment.functions.overloads(named: name)
        let sameStyle = overloads.filter { $0.style == style }
        if !sameStyle.isEmpty {
            let arities = sameStyle.map { String($0.arity) }.joined(separator: " or ")
            let plural = sameStyle.count == 1 && sameStyle[0].arity == 1 ? "" : "s"
            return PolicyError(
                .wrongArity,
                "'\(name)' takes \(arities) argument\(plural), got \(arity); write "
                    + sameStyle.map(\.signature).joined(separator: " or "), at: position)
        }
        if let other = overloads.first {
            let kind = other.style == .method ? "a method" : "a global function"
            return PolicyError(
                .wrongCallStyle, "'\(name)' is \(kind); write \(other.signature)", at: position)
        }
        let candidates = environment.functions.names + Macro.allCases.map(\.rawValue)
        return PolicyError(
            .unknownFunction,
            "unknown function '\(name)'" + NameSuggestion.hint(for: name, among: candidates),
            at: position)
    }

    // MARK: - Macros

    private mutating func expandMacro(
        _ macro: Macro, target: SyntaxNode?, arguments: [SyntaxNode], at position: SourcePosition
    ) throws(PolicyError) -> CompiledNode {
        if macro == .has {
            return try has(target: target, arguments: arguments, at: position)
        }
        let usage: String
        switch macro {
        case .map: usage = "list.map(x, expression) or list.map(x, predicate, expression)"
        case .filter: usage = "list.filter(x, predicate)"
        default: usage = "list.\(macro.rawValue)(x, predicate)"
        }
        guard let target else {
            throw PolicyError(
                .wrongCallStyle, "'\(macro.rawValue)' is a method; write \(usage)", at: position)
        }
        let allowedCounts = macro == .map ? [2, 3] : [2]
        guard allowedCounts.contains(arguments.count) else {
            throw PolicyError(
                .macroMisuse, "\(macro.rawValue)() takes a variable name and an expression; write \(usage)",
                at: position)
        }
        guard case .identifier(let variable) = arguments[0].kind else {
            throw PolicyError(
                .macroMisuse,
                "the first argument of \(macro.rawValue)() must be a variable name; write \(usage)",
                at: arguments[0].start)
        }
        let range = try compile(target)
        if let type = range.staticType, type != "list", type != "map" {
            throw PolicyError(
                .typeMismatch, "\(macro.rawValue)() needs a list or map, got \(type)", at: position)
        }
        let body = try withLocal(variable) { (compiler: inout Compiler, slot: Int) throws(PolicyError) in
            (slot, try compiler.compileAll(Array(arguments.dropFirst())))
        }
        let slot = body.0
        let parts = body.1
        // Read after the body compiled: every chain from the variable is in it.
        let chains = localChainMasks[slot] ?? 0
        for (index, part) in parts.enumerated() where macro != .map || (arguments.count == 3 && index == 0) {
            try require(
                part, is: "bool", "the predicate of \(macro.rawValue)()", at: arguments[index + 1].start)
        }
        let evaluateRange = range.evaluate
        let first = parts[0].evaluate
        let second = parts.count > 1 ? parts[1].evaluate : nil
        switch macro {
        case .all, .exists:
            let absorbing = macro == .exists
            let name = macro.rawValue
            return CompiledNode(
                { context in
                    located(position, context) {
                        Comprehension.quantify(
                            evaluateRange(context), macro: name, absorbing: absorbing,
                            local: (slot, chains), predicate: first, context: context)
                    }
                }, staticType: "bool")
        case .existsOne:
            return CompiledNode(
                { context in
                    located(position, context) {
                        Comprehension.existsOne(
                            evaluateRange(context), local: (slot, chains), predicate: first, context: context)
                    }
                }, staticType: "bool")
        case .filter:
            return CompiledNode(
                { context in
                    located(position, context) {
                        Comprehension.filterMap(
                            evaluateRange(context), macro: "filter", local: (slot, chains), predicate: first,
                            transform: nil,
                            context: context)
                    }
                }, staticType: "list")
        case .map, .has:
            let predicate = second == nil ? nil : first
            let transform = second ?? first
            return CompiledNode(
                { context in
                    located(position, context) {
                        Comprehension.filterMap(
                            evaluateRange(context), macro: "map", local: (slot, chains), predicate: predicate,
                            transform: transform,
                            context: context)
                    }
                }, staticType: "list")
        }
    }

    private mutating func has(
        target: SyntaxNode?, arguments: [SyntaxNode], at position: SourcePosition
    )
        throws(PolicyError) -> CompiledNode
    {
        guard target == nil else {
            throw PolicyError(
                .wrongCallStyle, "'has' is a global macro; write has(value.field)", at: position)
        }
        guard arguments.count == 1, case .select(let operand, let field) = arguments[0].kind else {
            throw PolicyError(
                .macroMisuse, "has() takes one field selection, such as has(resource.values.tags)",
                at: arguments.first?.position ?? position)
        }
        let compiled = try compile(operand)
        if let type = compiled.staticType, type != "map" {
            throw PolicyError(
                .typeMismatch, "has() cannot test a field of a \(type)", at: arguments[0].position)
        }
        let evaluate = compiled.evaluate
        return CompiledNode(
            { context in located(position, context) { Access.has(evaluate(context), field: field) } },
            staticType: "bool")
    }
}
