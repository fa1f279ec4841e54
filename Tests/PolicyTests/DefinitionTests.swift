import Policy
import Synchronization
import Testing

/// Named sub-expressions (a rule's `let:`): an expression that names one gives what it gives
/// with the definition written out in its place, and a session computes the definition once.
@Suite("Named definitions")
struct DefinitionTests {
    /// How many times `counted` ran, to tell a kept definition from a repeated one.
    static let countedCalls = Mutex(0)

    /// `counted(x)`: `x`, counted.
    static let counted = FunctionOverload("counted", style: .global, arity: 1, signature: "counted(x)") {
        arguments, _ in
        countedCalls.withLock { $0 += 1 }
        return arguments[0]
    }

    static let functions = FunctionLibrary.standard.adding([counted])

    static let definitions = [
        "open_rule": "resource.rules.exists(r, r.port in params.ports && r.cidr == '0.0.0.0/0')",
        "owner": "resource.tags.owner",
        "ports": "resource.rules.map(r, r.port)",
        "encrypted": "resource.encrypted == true",
        "label": "owner + '/' + resource.name",
        "first_port": "ports[0]",
        "broken": "resource.name + 1",
        "inner_macro": "[10, 20].map(y, y + 1)",
    ]

    static let environment = Environment(
        variables: ["resource", "item", "params", "address"], functions: functions, definitions: definitions)

    /// Each expression with definitions, and the same with every definition written out.
    static let pairs: [(uses: String, writtenOut: String)] = [
        ("open_rule", "resource.rules.exists(r, r.port in params.ports && r.cidr == '0.0.0.0/0')"),
        (
            "!open_rule && owner == 'ops'",
            "!(resource.rules.exists(r, r.port in params.ports && r.cidr == '0.0.0.0/0')) && (resource.tags.owner) == 'ops'"
        ),
        ("label", "((resource.tags.owner) + '/' + resource.name)"),
        (
            "first_port + size(ports)",
            "((resource.rules.map(r, r.port))[0]) + size(resource.rules.map(r, r.port))"
        ),
        ("encrypted || owner == 'ops'", "(resource.encrypted == true) || (resource.tags.owner) == 'ops'"),
        (
            "is_computed(resource.encrypted) && encrypted",
            "is_computed(resource.encrypted) && (resource.encrypted == true)"
        ),
        ("[1, 2].map(x, x + inner_macro[x - 1])", "[1, 2].map(x, x + ([10, 20].map(y, y + 1))[x - 1])"),
        ("[1, 2].map(y, y + inner_macro[y - 1])", "[1, 2].map(y, y + ([10, 20].map(q, q + 1))[y - 1])"),
        (
            "resource.rules.all(r, r.port in ports)",
            "resource.rules.all(r, r.port in (resource.rules.map(q, q.port)))"
        ),
    ]

    static let bindings = Bindings(
        ["resource": EvaluationSessionTests.resource, "address": .string("aws_instance.web")],
        adding: ("params", .map(["ports": .list([.int(22), .int(3389)])])),
        and: ("item", EvaluationSessionTests.item))

    static func describe(_ result: (value: Value, unknownReads: [UnknownCause])) -> String {
        EvaluationSessionTests.describe(result)
    }

    @Test(
        "an expression gives what it gives with its definitions written out, alone and in any session order")
    func definitionsAgreeWithTheirText() throws {
        let plain = Environment(
            variables: ["resource", "item", "params", "address"], functions: Self.functions)
        let uses = try Self.pairs.map { try Expression.compile($0.uses, environment: Self.environment) }
        let writtenOut = try Self.pairs.map { try Expression.compile($0.writtenOut, environment: plain) }
        let expected = writtenOut.map { Self.describe($0.evaluateRecordingUnknownReads(Self.bindings)) }
        #expect(uses.map { Self.describe($0.evaluateRecordingUnknownReads(Self.bindings)) } == expected)
        EvaluationSessionTests.expectEveryOrder(
            of: uses, sources: Self.pairs.map(\.uses), toGive: expected, on: Self.bindings, rounds: 200)
    }

    @Test("a session computes a definition once, whichever of its expressions names it")
    func computedOncePerSession() throws {
        let environment = Environment(
            variables: ["resource"], functions: Self.functions,
            definitions: ["name": "counted(resource.name)"])
        let first = try Expression.compile("name == 'web'", environment: environment)
        let second = try Expression.compile("name + '!' + name", environment: environment)
        let bindings = Bindings(["resource": EvaluationSessionTests.resource])
        Self.countedCalls.withLock { $0 = 0 }
        var values: [Value] = []
        EvaluationSession.with(bindings) { session in
            values.append(session.evaluate(first))
            values.append(session.evaluate(second))
        }
        #expect(values == [.bool(true), .string("web!web")])
        #expect(Self.countedCalls.withLock { $0 } == 1)
        // A new session computes it again: a definition is never shared across subjects.
        EvaluationSession.with(bindings) { session in _ = session.evaluate(second) }
        #expect(Self.countedCalls.withLock { $0 } == 2)
    }

    @Test("a definition that names itself, directly or through another, does not compile")
    func cyclesAreRejected() {
        let environment = Environment(
            variables: ["resource"], definitions: ["a": "b + 1", "b": "a * 2", "c": "c"])
        for (source, path) in [("a > 0", "a -> b -> a"), ("c", "c -> c")] {
            #expect {
                _ = try Expression.compile(source, environment: environment)
            } throws: { error in
                (error as? PolicyError)?.message.contains("defined in terms of itself (\(path))") == true
            }
        }
    }

    @Test("a problem inside a definition is reported at its use, naming it")
    func problemsNameTheDefinition() throws {
        #expect {
            _ = try Expression.compile(
                "true && nope",
                environment: Environment(
                    variables: ["resource"], definitions: ["nope": "resource.x + missing"]))
        } throws: { error in
            guard let error = error as? PolicyError else { return false }
            return error.message.hasPrefix("in 'nope': unknown variable 'missing'")
                && error.position.column == 9
        }
        let broken = try Expression.compile("broken", environment: Self.environment)
        guard case .error(let error) = broken.evaluate(Self.bindings) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.message.hasPrefix("in 'broken': "))
        #expect(error.position?.column == 1)
    }

    @Test("an unknown name lists the definitions among the names in scope")
    func unknownNamesSuggestDefinitions() {
        #expect {
            _ = try Expression.compile("ownr == 'ops'", environment: Self.environment)
        } throws: { error in
            (error as? PolicyError)?.message.contains("did you mean 'owner'") == true
        }
    }
}
