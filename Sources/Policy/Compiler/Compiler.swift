/// Checks a syntax tree against an environment and turns it into a tree of closures.
///
/// Every name, function, arity, call style and macro shape is resolved here, once, so the
/// evaluator never looks anything up by name except variable bindings.
struct Compiler {
    let environment: Environment
    /// Iteration variables in scope, innermost last, with their local slots.
    private var scopes: [(name: String, slot: Int)] = []
    /// How many local slots the deepest macro nesting needs.
    private(set) var slotCount = 0
    /// The environment variables the expression reads, in the order met, with their slots (the
    /// environment's numbering): an evaluation looks each one up once, and the nodes read it by
    /// slot.
    private(set) var variablesRead: [(name: String, slot: Int)] = []
    /// The cache entries of selection chains from each iteration variable slot: a macro forgets
    /// them whenever it binds its variable, so an entry only serves within one element.
    var localChainMasks: [Int: UInt64] = [:]

    /// The numbering of variable slots and chain entries it compiles with.
    let numbering: SlotNumbering
    /// The first local slot this compiler's iteration variables take: a definition compiled for
    /// a use inside a macro keeps its own iteration variables clear of the macro's.
    private var localBase = 0
    /// The definitions being compiled around this one, outermost first: naming one of them again
    /// would define it in terms of itself.
    private var definitionsInProgress: [String] = []
    /// Set when a chain found no cache entry left in `numbering`.
    var lackedChainEntry = false

    init(environment: Environment, numbering: SlotNumbering) {
        self.environment = environment
        self.numbering = numbering
    }

    mutating func compile(_ node: SyntaxNode) throws(PolicyError) -> CompiledNode {
        // Captured by the closures below instead of `node`, which would keep the syntax tree.
        let position = node.position
        switch node.kind {
        case .literal(let value):
            return CompiledNode({ _ in value }, constant: value, staticType: value.typeName)
        case .identifier(let name):
            return try identifier(name, at: node.position)
        case .select:
            return try selectChain(node)
        case .index(let operand, let key):
            let compiledOperand = try compile(operand)
            try requireAggregate(compiledOperand, allowingList: true, "index", at: node.position)
            let compiledKey = try compile(key)
            let (evaluateOperand, evaluateKey) = (compiledOperand.evaluate, compiledKey.evaluate)
            return CompiledNode(
                { context in
                    located(position, context) {
                        let operand = evaluateOperand(context)
                        let value = Access.index(operand, evaluateKey(context))
                        context.noteRead(value, from: operand)
                        return value
                    }
                })
        case .call(let name, let target, let arguments):
            return try call(name, target: target, arguments: arguments, at: node.position)
        case .list(let elements):
            return try list(elements, at: node.position)
        case .map(let entries):
            return try map(entries, at: node.position)
        case .unary(let operation, let operand):
            return try unary(operation, operand, at: node.position)
        case .binary(let operation, let left, let right):
            return try binary(operation, left, right, at: node.position)
        case .conditional(let condition, let whenTrue, let whenFalse):
            let compiledCondition = try compile(condition)
            try require(compiledCondition, is: "bool", "the condition of '?:'", at: node.position)
            let (test, first, second) = (
                compiledCondition.evaluate, try compile(whenTrue).evaluate, try compile(whenFalse).evaluate
            )
            return CompiledNode(
                { context in
                    located(position, context) {
                        Logic.conditional(test(context), { first(context) }, { second(context) })
                    }
                })
        }
    }

    // MARK: - Names

    private mutating func identifier(
        _ name: String, at position: SourcePosition
    ) throws(PolicyError)
        -> CompiledNode
    {
        switch try resolve(name, at: position) {
        case .local(let slot):
            return CompiledNode { context in context.local(slot) }
        case .environment(let slot):
            return CompiledNode({ context in located(position, context) { context.slots[slot] } })
        case .constant(let value, _):
            return CompiledNode({ _ in value }, constant: value, staticType: value.typeName)
        case .definition(let evaluate):
            return CompiledNode(evaluate)
        }
    }

    /// Where a name's value is read from during an evaluation.
    enum NameSlot {
        /// An iteration variable's local slot.
        case local(Int)
        /// An environment variable's slot, bound when an evaluation starts.
        case environment(Int)
        /// An environment variable whose value the environment fixes (see
        /// ``Environment/constants``), and its slot, where evaluations bind it all the same.
        case constant(Value, slot: Int)
        /// A named definition's value, computed on its first use in a session and then kept.
        case definition(Evaluator)
    }

    /// The slot of variable `name`, or an error naming the variables in scope.
    mutating func resolve(_ name: String, at position: SourcePosition) throws(PolicyError) -> NameSlot {
        if let local = scopes.last(where: { $0.name == name }) {
            return .local(local.slot)
        }
        // The numbering holds exactly the environment's variables.
        guard let slot = numbering.slot(of: name) else {
            if let source = environment.definitions[name] {
                return .definition(try definition(name, source: source, at: position))
            }
            let candidates = environment.variables.union(scopes.map(\.name))
                .union(environment.definitions.keys)
            if !environment.functions.overloads(named: name).isEmpty || Macro(rawValue: name) != nil {
                throw PolicyError(
                    .unknownIdentifier, "'\(name)' is a function, not a variable; call it with parentheses",
                    at: position)
            }
            throw PolicyError(
                .unknownIdentifier,
                "unknown variable '\(name)'" + NameSuggestion.hint(for: name, among: candidates)
                    + Compiler.availableNames(candidates), at: position)
        }
        // A constant counts as read too: engines share work between expressions by the
        // variables they read.
        if !variablesRead.contains(where: { $0.slot == slot }) { variablesRead.append((name, slot)) }
        if let value = environment.constants[name] { return .constant(value, slot: slot) }
        return .environment(slot)
    }

    private static func availableNames(_ names: Set<String>) -> String {
        guard !names.isEmpty else { return "" }
        return " (available: \(names.sorted().joined(separator: ", ")))"
    }

    /// The evaluator of definition `name` for a use at `position`: its source compiled on its
    /// own (it sees the environment's variables and definitions, not the iteration variables
    /// around the use), kept in a cache entry so that a session computes it once.
    ///
    /// A problem inside the definition is reported at the use, naming the definition; a rule
    /// compiles each definition alone first, which places its own problems exactly.
    private mutating func definition(
        _ name: String, source: String, at position: SourcePosition
    ) throws(PolicyError) -> Evaluator {
        if definitionsInProgress.contains(name) {
            let path = (definitionsInProgress.drop { $0 != name } + [name]).joined(separator: " -> ")
            throw PolicyError(
                .unknownIdentifier, "'\(name)' is defined in terms of itself (\(path))", at: position)
        }
        var inner = Compiler(environment: environment, numbering: numbering)
        inner.localBase = localBase + scopes.count
        inner.definitionsInProgress = definitionsInProgress + [name]
        let compiled: CompiledNode
        do throws(PolicyError) {
            compiled = try inner.compile(
                try Parser.parse(source, maximumDepth: environment.maximumNestingDepth))
        } catch {
            throw PolicyError(error.kind, "in '\(name)': \(error.message)", at: position)
        }
        // The use's program binds what the definition reads and makes room for its locals.
        for read in inner.variablesRead where !variablesRead.contains(where: { $0.slot == read.slot }) {
            variablesRead.append(read)
        }
        slotCount = max(slotCount, inner.slotCount)
        for (slot, mask) in inner.localChainMasks { localChainMasks[slot, default: 0] |= mask }
        if inner.lackedChainEntry { lackedChainEntry = true }
        // Errors carry the use's position: a position inside the definition's text would be
        // placed in the using expression's.
        let evaluate = compiled.evaluate
        let placed: Evaluator = { context in
            let value = evaluate(context)
            guard case .error(let error) = value else { return value }
            return .error(EvaluationError("in '\(name)': \(error.message)", at: position))
        }
        guard let entry = chainCacheEntry(key: "definition " + name) else { return placed }
        return Self.cachedCall(placed, entry: entry)
    }

    /// Declares an iteration variable for the duration of `body`.
    mutating func withLocal<Result>(
        _ name: String, _ body: (inout Compiler, Int) throws(PolicyError) -> Result
    ) throws(PolicyError) -> Result {
        let slot = localBase + scopes.count
        scopes.append((name, slot))
        slotCount = max(slotCount, slot + 1)
        defer { scopes.removeLast() }
        return try body(&self, slot)
    }

    // MARK: - Aggregates

    private mutating func list(
        _ elements: [SyntaxNode], at position: SourcePosition
    ) throws(PolicyError)
        -> CompiledNode
    {
        let compiled = try compileAll(elements)
        let constants = compiled.compactMap(\.constant)
        if constants.count == compiled.count {
            let value = Value.list(constants)
            return CompiledNode({ _ in value }, constant: value, staticType: "list")
        }
        let evaluators = compiled.map(\.evaluate)
        return CompiledNode(
            { context in
                located(position, context) {
                    var values: [Value] = []
                    values.reserveCapacity(evaluators.count)
                    for evaluate in evaluators {
                        let value = evaluate(context)
                        // Unknown elements stay in the list (as in a host list); an error ends it.
                        if case .error = value { return value }
                        values.append(value)
                    }
                    return .list(values)
                }
            }, staticType: "list")
    }

    private mutating func map(
        _ entries: [MapEntry], at position: SourcePosition
    ) throws(PolicyError)
        -> CompiledNode
    {
        var seenKeys: Set<String> = []
        var compiledEntries: [(key: Evaluator, value: Evaluator)] = []
        for entry in entries {
            let key = try compile(entry.key)
            if let type = key.staticType, type != "string" {
                throw PolicyError(
                    .typeMismatch, "map keys must be strings, got \(type)", at: entry.key.position)
            }
            if case .string(let literal) = key.constant, !seenKeys.insert(literal).inserted {
                throw PolicyError(.typeMismatch, "duplicate map key '\(literal)'", at: entry.key.position)
            }
            compiledEntries.append((key.evaluate, try compile(entry.value).evaluate))
        }
        let evaluators = compiledEntries
        return CompiledNode(
            { context in
                located(position, context) {
                    var map = ValueMap()
                    for entry in evaluators {
                        let key = entry.key(context)
                        switch key {
                        case .string(let name):
                            guard !map.contains(key: name) else {
                                return .error("duplicate map key '\(name)'")
                            }
                            let value = entry.value(context)
                            if case .error = value { return value }
                            map[name] = value
                        case .unknown, .error: return key
                        default: return .error("map keys must be strings, got \(key.typeName)")
                        }
                    }
                    return .map(map)
                }
            }, staticType: "map")
    }

    mutating func compileAll(_ nodes: [SyntaxNode]) throws(PolicyError) -> [CompiledNode] {
        var compiled: [CompiledNode] = []
        for node in nodes { compiled.append(try compile(node)) }
        return compiled
    }

    // MARK: - Static checks

    func require(
        _ node: CompiledNode, is type: String, _ role: String, at position: SourcePosition
    )
        throws(PolicyError)
    {
        if let actual = node.staticType, actual != type {
            throw PolicyError(.typeMismatch, "\(role) must be \(type), got \(actual)", at: position)
        }
    }

    func requireAggregate(
        _ node: CompiledNode, allowingList: Bool, _ action: String, at position: SourcePosition
    ) throws(PolicyError) {
        guard let type = node.staticType else { return }
        if type == "map" || (allowingList && type == "list") { return }
        throw PolicyError(.typeMismatch, "cannot \(action) a value of type \(type)", at: position)
    }
}
