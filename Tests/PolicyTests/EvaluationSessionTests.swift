import Policy
import Synchronization
import Testing

/// Expressions evaluated in one session share a context (bound variables, cached chains), and
/// each must still give exactly what it gives on its own: the same value, the same unknown
/// reads, its own step budget.
@Suite("Evaluation sessions")
struct EvaluationSessionTests {
    /// `lookup(x, key)`: member `key` of `x` (a deterministic function, so kept per session),
    /// charging ten steps; its result is unknown for key `"encrypted"` of the resource.
    static let lookup = FunctionOverload(
        "lookup", style: .global, arity: 2, signature: "lookup(x, key)", isDeterministic: true
    ) { arguments, context in
        context.charge(10)
        return member(arguments)
    }

    /// `plain(x, key)`: `lookup` not declared deterministic, so every call runs: what a kept
    /// `lookup` must imitate.
    static let plain = FunctionOverload("plain", style: .global, arity: 2, signature: "plain(x, key)") {
        arguments, context in
        context.charge(10)
        return member(arguments)
    }

    /// How many times `counted` ran (only one test calls it), to tell a kept call from a
    /// repeated one.
    static let countedCalls = Mutex(0)

    /// `counted(x, key)`: `lookup`, counted.
    static let counted = FunctionOverload(
        "counted", style: .global, arity: 2, signature: "counted(x, key)", isDeterministic: true
    ) { arguments, _ in
        countedCalls.withLock { $0 += 1 }
        return member(arguments)
    }

    static func member(_ arguments: [Value]) -> Value {
        guard case .host(let host) = arguments[0], case .string(let key) = arguments[1] else {
            return .error("expects a map and a key")
        }
        return host.member(key)
    }

    static let functions = FunctionLibrary.standard.adding([lookup, plain, counted])

    static let environment = Environment(
        variables: ["resource", "item", "params", "address", "other"], functions: functions)

    /// A resource whose `encrypted` is computed and `kms_key_id` refers to a key, with a list of
    /// rules (one with a computed port) and tags.
    static let resource = Value.host(
        TestDocument(
            value: .map([
                "name": .string("web"),
                "tags": .map(["owner": .string("ops"), "env": .string("prod")]),
                "rules": .list([
                    .map(["port": .int(22), "cidr": .string("0.0.0.0/0")]),
                    .map(["port": .int(443), "cidr": .string("10.0.0.0/8")]),
                ]),
            ]),
            computed: ["encrypted"], references: ["kms_key_id": ["aws_kms_key.cmk"]]))

    static let item = Value.host(
        TestDocument(value: .map(["port": .int(22)]), computed: ["protocol"]))

    static let bindings = Bindings(
        ["resource": resource, "address": .string("aws_instance.web")],
        adding: ("params", .map(["ports": .list([.int(22), .int(3389)])])), and: ("item", item))

    /// Expressions that read the same chains (known and unknown), from variables and from macro
    /// locals, and some that fail or read an unbound variable.
    static let sources = [
        "is_computed(resource.encrypted)",
        "resource.encrypted == true",
        "resource.kms_key_id != null || resource.name == 'web'",
        "has(resource.tags) && resource.tags.owner == 'ops'",
        "resource.tags.env + '/' + resource.name",
        "resource.rules.exists(r, r.port in params.ports && r.cidr == '0.0.0.0/0')",
        "resource.rules.map(r, r.port)",
        "resource.rules.all(r, r.port > 0 && resource.rules.exists(q, q.port == r.port))",
        "item.port in params.ports",
        "item.protocol == 'tcp' || item.port == 22",
        "is_computed(item.protocol) && resource.encrypted == true",
        "address + ': ' + string(size(resource.rules))",
        "other.x == 1",
        "resource.name.x.y",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(n, n > 0)",
        "lookup(resource, 'name') == 'web' && lookup(resource, 'name') != ''",
        "is_computed(lookup(resource, 'encrypted')) || lookup(resource, 'encrypted') == true",
        "resource.rules.exists(r, lookup(r, 'port') == 22) && lookup(item, 'port') == 22",
    ]

    static func compiled(in environment: Environment) throws -> [CompiledExpression] {
        try sources.map { try Expression.compile($0, environment: environment) }
    }

    /// A value and reads in a form that compares errors by their text.
    static func describe(_ result: (value: Value, unknownReads: [UnknownCause])) -> String {
        "\(result.value) reads \(result.unknownReads)"
    }

    /// Evaluates `expressions` in sessions on `bindings`, in `rounds` random orders with
    /// repeats, and records an issue wherever one gives other than `expected` (its value and
    /// unknown reads as ``describe(_:)`` writes them); `sources` name them in the issue.
    static func expectEveryOrder(
        of expressions: [CompiledExpression], sources: [String], toGive expected: [String],
        on bindings: Bindings, rounds: Int
    ) {
        // A failure names the order, so that it can be replayed.
        for round in 0..<rounds {
            let order = (0..<Int.random(in: 1...12)).map { _ in Int.random(in: 0..<expressions.count) }
            var results: [String] = []
            EvaluationSession.with(bindings) { session in
                for index in order {
                    results.append(describe(session.evaluateRecordingUnknownReads(expressions[index])))
                }
            }
            for (index, result) in zip(order, results) where result != expected[index] {
                Issue.record(
                    "round \(round), order \(order): `\(sources[index])` gave \(result), expected \(expected[index])"
                )
            }
        }
    }

    @Test("any sequence of expressions in a session gives what each gives alone")
    func sequencesMatchSeparateEvaluations() throws {
        let expressions = try Self.compiled(in: Self.environment)
        let alone = expressions.map { Self.describe($0.evaluateRecordingUnknownReads(Self.bindings)) }
        Self.expectEveryOrder(
            of: expressions, sources: Self.sources, toGive: alone, on: Self.bindings, rounds: 300)
    }

    @Test("an unknown chain one expression cached is recorded again by the next that reads it")
    func unknownReadsAreRecordedPerExpression() throws {
        let first = try Expression.compile("is_computed(resource.encrypted)", environment: Self.environment)
        let second = try Expression.compile(
            "resource.name == 'web' && is_computed(resource.encrypted)", environment: Self.environment)
        var reads: [[UnknownCause]] = []
        EvaluationSession.with(Self.bindings) { session in
            reads.append(session.evaluateRecordingUnknownReads(first).unknownReads)
            reads.append(session.evaluateRecordingUnknownReads(second).unknownReads)
            reads.append(session.evaluateRecordingUnknownReads(first).unknownReads)
        }
        let encrypted = UnknownCause(path: "encrypted", computed: true)
        #expect(reads == [[encrypted], [encrypted], [encrypted]])
    }

    @Test("each evaluation in a session has the whole step budget")
    func budgetPerEvaluation() throws {
        // About 25 steps each: together they pass a budget of 40 that each fits.
        let walk = try Expression.compile(
            "[1, 2, 3, 4, 5, 6, 7, 8].all(n, n > 0)", environment: Self.environment)
        let bindings = Bindings(["resource": Self.resource], stepBudget: 40)
        #expect(walk.evaluate(bindings) == .bool(true))
        var values: [Value] = []
        EvaluationSession.with(bindings) { session in
            for _ in 0..<3 { values.append(session.evaluate(walk)) }
        }
        #expect(values == [.bool(true), .bool(true), .bool(true)])
    }

    @Test("expressions of another environment are evaluated in the same session on their own")
    func otherEnvironments() throws {
        let other = Environment(variables: ["item", "zeta"])
        let mine = try Expression.compile("resource.name + '!'", environment: Self.environment)
        let theirs = try Expression.compile("item.port + 1", environment: other)
        var values: [Value] = []
        EvaluationSession.with(Self.bindings) { session in
            values.append(session.evaluate(mine))
            values.append(session.evaluate(theirs))
            values.append(session.evaluate(mine))
        }
        #expect(values == [.string("web!"), .int(23), .string("web!")])
    }

    @Test("an environment that compiled more chains than a context caches starts a new numbering")
    func numberingRenewsWhenChainsRunOut() throws {
        let environment = Environment(
            variables: ["resource", "item", "params", "address", "other"], functions: Self.functions)
        // Forty expressions of four chains each, every chain read twice: 160 chains, more than
        // a context caches. With a new numbering when the entries run out, each expression
        // still reads each of its members once; without, the later ones would read them twice.
        let expressions = try (0..<40).map { index in
            try Expression.compile(
                (0..<4).map { "resource.f\(index)_\($0) == null && resource.f\(index)_\($0) == null" }
                    .joined(separator: " && "),
                environment: environment)
        }
        let counting = CountingDocument()
        let bindings = Bindings(["resource": .host(counting)])
        #expect(expressions.map { $0.evaluate(bindings) } == Array(repeating: .bool(true), count: 40))
        #expect(counting.reads == 160)
        var values: [Value] = []
        EvaluationSession.with(bindings) { session in
            for expression in expressions + expressions { values.append(session.evaluate(expression)) }
        }
        #expect(values == Array(repeating: .bool(true), count: 80))
        let alone = try Self.compiled(in: environment).map {
            Self.describe($0.evaluateRecordingUnknownReads(Self.bindings))
        }
        var together: [String] = []
        let compiled = try Self.compiled(in: environment)
        EvaluationSession.with(Self.bindings) { session in
            for expression in compiled + compiled.reversed() {
                together.append(Self.describe(session.evaluateRecordingUnknownReads(expression)))
            }
        }
        #expect(together == alone + alone.reversed())
    }

    @Test("an environment with more variables than a session binds at once looks each one up")
    func manyVariables() throws {
        let names = (0..<70).map { "v\($0)" }
        let environment = Environment(variables: names)
        let sources = ["v3 + v68", "v68 * 2", "v3 + v10", "[1, 2].map(x, x + v68)"]
        let expressions = try sources.map { try Expression.compile($0, environment: environment) }
        let bindings = Bindings(["v3": .int(3), "v68": .int(68)])
        let alone = expressions.map { "\($0.evaluate(bindings))" }
        #expect(alone[0] == "\(Value.int(71))")
        #expect(alone[2].contains("no value is bound to variable 'v10'"))
        var together: [String] = []
        EvaluationSession.with(bindings) { session in
            for expression in expressions + expressions.reversed() {
                together.append("\(session.evaluate(expression))")
            }
        }
        #expect(together == alone + alone.reversed())
    }

    @Test("a deterministic call with literal and variable arguments runs once per session")
    func repeatedCallsAreKept() throws {
        let twice = try Expression.compile(
            "counted(resource, 'name') + counted(resource, 'name')", environment: Self.environment)
        let again = try Expression.compile(
            "counted(resource, 'name') == 'web'", environment: Self.environment)
        // An iteration variable changes within the evaluation: that call is not kept.
        let perElement = try Expression.compile(
            "resource.rules.map(r, counted(r, 'port'))", environment: Self.environment)
        Self.countedCalls.withLock { $0 = 0 }
        var values: [Value] = []
        EvaluationSession.with(Self.bindings) { session in
            values.append(session.evaluate(twice))
            values.append(session.evaluate(again))
            values.append(session.evaluate(perElement))
            values.append(session.evaluate(perElement))
        }
        #expect(
            values == [
                .string("webweb"), .bool(true), .list([.int(22), .int(443)]), .list([.int(22), .int(443)]),
            ])
        #expect(Self.countedCalls.withLock { $0 } == 1 + 4)
        // Alone, each evaluation runs its calls again.
        Self.countedCalls.withLock { $0 = 0 }
        #expect(twice.evaluate(Self.bindings) == .string("webweb"))
        #expect(again.evaluate(Self.bindings) == .bool(true))
        #expect(Self.countedCalls.withLock { $0 } == 2)
    }

    @Test("a kept call charges the steps it took, so the budget runs out where it did")
    func keptCallsChargeTheirSteps() throws {
        let source = "lookup(resource, 'name') + lookup(resource, 'name') + lookup(resource, 'name')"
        let kept = try Expression.compile(source, environment: Self.environment)
        let repeated = try Expression.compile(
            source.replacing("lookup", with: "plain"), environment: Self.environment)
        // Each call takes about a dozen steps: some of these budgets hold two calls, not three.
        for budget in [5, 10, 20, 30, 35, 40, 60] {
            let bindings = Bindings(["resource": Self.resource], stepBudget: budget)
            let expected = "\(repeated.evaluate(bindings))"
            #expect("\(kept.evaluate(bindings))" == expected, "budget \(budget)")
            var inSession: Value = .null
            EvaluationSession.with(bindings) { session in inSession = session.evaluate(kept) }
            #expect("\(inSession)" == expected, "budget \(budget), in a session")
        }
        #expect(kept.evaluate(Bindings(["resource": Self.resource], stepBudget: 30)).isError)
        #expect(kept.evaluate(Bindings(["resource": Self.resource], stepBudget: 60)) == .string("webwebweb"))
    }
}

/// A host map whose members are all null, counting how many times they are read.
final class CountingDocument: HostValue {
    private let readCount = Mutex(0)

    /// How many members were read.
    var reads: Int { readCount.withLock { $0 } }

    var kind: HostValueKind { .map }
    var count: Int { 0 }
    var keys: [String] { [] }
    func member(_ name: String) -> Value {
        readCount.withLock { $0 += 1 }
        return .null
    }
    func hasMember(_ name: String) -> Value { .bool(false) }
    func element(at index: Int) -> Value { .null }
}
