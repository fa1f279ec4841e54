extension Compiler {
    /// One field read of a selection chain, with the position its errors carry.
    struct SelectStep {
        let field: String
        let position: SourcePosition
    }

    /// Compiles `base.a.b.c` to one node that reads the fields in turn.
    ///
    /// A node per field cost a closure call, a step charge and a position check for every field
    /// read, and most reads are chains such as `resource.values.x.y`. The node charges the steps
    /// the nested nodes would have charged before any of them read (the selections and, for a
    /// variable base, the variable), and stamps an error with the position of the selection
    /// that made it, so results, errors and budgets are those of the nested nodes.
    mutating func selectChain(_ node: SyntaxNode) throws(PolicyError) -> CompiledNode {
        var steps: [SelectStep] = []
        var base = node
        while case .select(let operand, let field) = base.kind {
            steps.append(SelectStep(field: field, position: base.position))
            base = operand
        }
        steps.reverse()
        let chainBase: ChainBase
        var charges = steps.count
        if case .identifier(let name) = base.kind {
            switch try resolve(name, at: base.position) {
            case .local(let slot):
                // Kept until the macro binds its variable to the next element (see
                // `localChainMasks`): a predicate often reads `b.values.tags` several times.
                let entry = chainCacheEntry(local: slot, steps)
                let prefix = steps.count > 1 ? chainCacheEntry(local: slot, [steps[0]]) : nil
                if let entry {
                    return CompiledNode(
                        Compiler.cachedChain(
                            steps, from: .local(slot), charging: steps.count, entry: entry,
                            prefixEntry: prefix))
                }
                chainBase = .local(slot)
            case .environment(let slot):
                let entry = chainCacheEntry(slot, steps)
                let prefix = steps.count > 1 ? chainCacheEntry(slot, [steps[0]]) : nil
                if let entry {
                    return CompiledNode(
                        Compiler.cachedChain(
                            steps, from: .environment(slot, base.position), charging: steps.count + 1,
                            entry: entry, prefixEntry: prefix))
                }
                charges += 1
                chainBase = .environment(slot, base.position)
            case .constant(let value, let slot):
                // Read now when every field is there: a rule's `params.ports` is a literal list.
                if let folded = Self.fold(steps, from: value) {
                    return CompiledNode({ _ in folded }, constant: folded, staticType: folded.typeName)
                }
                charges += 1
                chainBase = .environment(slot, base.position)
            case .definition(let evaluate):
                // The definition's value is kept; the fields read from it are read each time.
                chainBase = .node(evaluate)
            }
        } else {
            let compiled = try compile(base)
            try requireAggregate(
                compiled, allowingList: false, "select field '\(steps[0].field)' from", at: steps[0].position)
            chainBase = .node(compiled.evaluate)
        }
        return CompiledNode(Compiler.chain(steps, from: chainBase, charging: charges))
    }

    /// The value the fields `steps` read from `value`, when each is a member of a literal map;
    /// nil when one is not (the chain is then read at run time, where it fails as it should).
    private static func fold(_ steps: [SelectStep], from value: Value) -> Value? {
        var current = value
        for step in steps {
            guard case .map(let map) = current, let member = map[step.field] else { return nil }
            current = member
        }
        return current
    }

    /// The cache entry of the chain `steps` from environment variable `slot`, or nil when the
    /// evaluation context has no room for another.
    private mutating func chainCacheEntry(_ slot: Int, _ steps: [SelectStep]) -> Int? {
        chainCacheEntry(key: steps.reduce(String(slot)) { $0 + "." + $1.field })
    }

    /// The cache entry of the chain `steps` from iteration variable `slot`, noted in the slot's
    /// mask, or nil when the evaluation context has no room for another.
    private mutating func chainCacheEntry(local slot: Int, _ steps: [SelectStep]) -> Int? {
        guard let entry = chainCacheEntry(key: steps.reduce("local " + String(slot)) { $0 + "." + $1.field })
        else { return nil }
        localChainMasks[slot, default: 0] |= 1 << UInt64(entry)
        return entry
    }

    /// The entry of the chain named `key`, shared by its occurrences in every expression of the
    /// environment; nil when the context is full.
    mutating func chainCacheEntry(key: String) -> Int? {
        let entry = numbering.chainEntry(for: key)
        if entry == nil { lackedChainEntry = true }
        return entry
    }

    /// A chain that reads the document once per evaluation (from an environment variable) or
    /// once per element (from an iteration variable, whose entries the macro forgets when it
    /// binds the next element).
    ///
    /// Its value, and that of its first field (`resource.values`, shared by most chains), are
    /// kept in the context. An error is not kept: each occurrence places it at its own selection.
    private static func cachedChain(
        _ steps: [SelectStep], from base: ChainBase, charging charges: Int, entry: Int, prefixEntry: Int?
    ) -> Evaluator {
        let first = steps[0]
        let rest = Array(steps.dropFirst())
        return { context in
            guard context.charge(charges) else { return context.budgetError }
            if let value = context.cachedChain(entry) { return value }
            var value: Value
            if let prefixEntry, let known = context.cachedChain(prefixEntry) {
                value = known
            } else {
                value = select(first, from: base.read(context), context: context)
                if let prefixEntry, !value.isError { context.cacheChain(value, at: prefixEntry) }
            }
            for step in rest { value = select(step, from: value, context: context) }
            if !value.isError { context.cacheChain(value, at: entry) }
            return value
        }
    }

    /// What a chain reads its first field from.
    enum ChainBase {
        /// An iteration variable, which charges no step.
        case local(Int)
        /// An environment variable, whose node charged a step and placed an unbound
        /// variable's error at the name.
        case environment(Int, SourcePosition)
        /// Any other expression.
        case node(Evaluator)

        @inline(__always)
        func read(_ context: EvaluationContext) -> Value {
            switch self {
            case .local(let slot):
                return context.local(slot)
            case .environment(let slot, let position):
                let value = context.slots[slot]
                guard case .error(let error) = value, error.position == nil else { return value }
                return .error(EvaluationError(error.message, at: position))
            case .node(let evaluate):
                return evaluate(context)
            }
        }
    }

    /// The evaluator of a chain: the common one- and two-field chains read their fields from
    /// the closure's captures, longer ones loop over the steps.
    private static func chain(
        _ steps: [SelectStep], from base: ChainBase, charging charges: Int
    ) -> Evaluator {
        switch steps.count {
        case 1:
            let first = steps[0]
            return { context in
                guard context.charge(charges) else { return context.budgetError }
                return select(first, from: base.read(context), context: context)
            }
        case 2:
            let (first, second) = (steps[0], steps[1])
            return { context in
                guard context.charge(charges) else { return context.budgetError }
                return select(
                    second, from: select(first, from: base.read(context), context: context), context: context)
            }
        default:
            return { context in
                guard context.charge(charges) else { return context.budgetError }
                var value = base.read(context)
                for step in steps { value = select(step, from: value, context: context) }
                return value
            }
        }
    }

    /// One field read of a chain, as the nested select node made it: the field of `operand`,
    /// the read noted when it gives an unknown, an unplaced error placed at the selection.
    @inline(__always)
    private static func select(
        _ step: SelectStep, from operand: consuming Value, context: EvaluationContext
    ) -> Value {
        let value = Access.select(operand, field: step.field)
        context.noteRead(value, from: operand)
        guard case .error(let error) = value, error.position == nil else { return value }
        return .error(EvaluationError(error.message, at: step.position))
    }
}
