import Policy
import Testing

/// Engine state a domain function reads through the evaluation context.
final class FakePlanIndex: Sendable {
    init(addresses: [String: String]) { self.addresses = addresses }
    let addresses: [String: String]
}

@Suite("Extensible function table")
struct FunctionLibraryTests {
    /// A domain function that reads engine state from the payload.
    static let lookup = FunctionOverload("lookup", style: .global, arity: 1, signature: "lookup(address)") {
        arguments, context in
        guard case .string(let address) = arguments[0], let index = context.payload as? FakePlanIndex else {
            return .error("lookup() needs a string address and a plan index")
        }
        return index.addresses[address].map(Value.string) ?? .null
    }

    /// A method whose literal argument is validated once, when the rule loads.
    static let inRange = FunctionOverload(
        "in_port_range", style: .method, arity: 1, signature: "port.in_port_range(\"low-high\")",
        specializer: { literals throws(ArgumentRejection) in
            guard let literal = literals[1] else { return nil }
            guard case .string(let text) = literal, let range = parseRange(text) else {
                throw ArgumentRejection(argumentIndex: 1, message: "expected a range like \"20-30\"")
            }
            return { arguments, _ in
                guard case .int(let port) = arguments[0] else { return .error("port must be an int") }
                return .bool(range.contains(port))
            }
        },
        implementation: { arguments, _ in
            guard case .int(let port) = arguments[0], case .string(let text) = arguments[1],
                let range = parseRange(text)
            else { return .error("in_port_range() needs an int and a range") }
            return .bool(range.contains(port))
        })

    static func parseRange(_ text: String) -> ClosedRange<Int64>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Int64(parts[0]), let high = Int64(parts[1]), low <= high else {
            return nil
        }
        return low...high
    }

    static let environment = Environment(
        variables: ["resource", "spec"], functions: FunctionLibrary.standard.adding([lookup, inRange]))

    @Test("domain functions receive the engine payload")
    func payload() throws {
        let compiled = try Expression.compile(
            "lookup('aws_kms_key.cmk') == 'arn:aws:kms:1'", environment: Self.environment)
        let index = FakePlanIndex(addresses: ["aws_kms_key.cmk": "arn:aws:kms:1"])
        #expect(compiled.evaluate(Bindings(payload: index)) == .bool(true))
        #expect(compiled.evaluate(Bindings()).isError)
    }

    @Test("literal arguments are specialised at load time, others at run time")
    func specialisation() throws {
        let literal = try Expression.compile("22.in_port_range('20-30')", environment: Self.environment)
        #expect(literal.evaluate(Bindings()) == .bool(true))
        let dynamic = try Expression.compile("22.in_port_range(spec)", environment: Self.environment)
        #expect(dynamic.evaluate(Bindings(["spec": .string("80-443")])) == .bool(false))
    }

    @Test("a bad literal argument is a compile error at the argument")
    func rejectedLiteral() throws {
        let error = try #require(
            Harness.compileError("22.in_port_range('20:30')", environment: Self.environment))
        #expect(error.kind == .invalidArgument)
        #expect(error.position.column == 18)
        #expect(error.message.contains("expected a range"))
    }

    @Test("domain functions get arity, style and spelling checks too")
    func checks() {
        #expect(Harness.compileError("lookup()", environment: Self.environment)?.kind == .wrongArity)
        #expect(Harness.compileError("'x'.lookup()", environment: Self.environment)?.kind == .wrongCallStyle)
        #expect(
            Harness.compileError("lokup('x')", environment: Self.environment)?.message.contains(
                "did you mean 'lookup'?")
                == true)
        #expect(Harness.compileError("lookup('x')")?.kind == .unknownFunction)
    }

    @Test("domain functions propagate unknowns unless they accept them")
    func unknownArguments() throws {
        let compiled = try Expression.compile("lookup(resource)", environment: Self.environment)
        let unknown = Value.unknown(Harness.unknownCause)
        #expect(compiled.evaluate(Bindings(["resource": unknown])) == unknown)
    }

    @Test("adding an overload with the same name, style and arity replaces it")
    func replacement() {
        let shout = FunctionOverload("size", style: .global, arity: 1, signature: "size(x)") { _, _ in
            .int(-1)
        }
        let library = FunctionLibrary.standard.adding([shout])
        #expect(
            Harness.evaluate("size('abc')", environment: Environment(variables: [], functions: library))
                == .int(-1))
        #expect(FunctionLibrary.standard.overloads(named: "size").count == 2)
        #expect(FunctionLibrary.standard.names.contains("is_computed"))
    }

    @Test("a compiled expression evaluates concurrently")
    func concurrentEvaluation() async throws {
        let compiled = try Expression.compile("[1, 2, 3].map(x, x * n)", environment: Harness.environment)
        let results = await withTaskGroup(of: Value.self) { group in
            for number in 0..<16 {
                group.addTask { compiled.evaluate(Bindings(["n": .int(Int64(number))])) }
            }
            var collected: [Value] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 16)
        #expect(results.contains(.list([.int(3), .int(6), .int(9)])))
    }
}
