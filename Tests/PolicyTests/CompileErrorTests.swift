import Policy
import Testing

@Suite("Compile-time errors at the exact offending token")
struct CompileErrorTests {
    struct Case: Sendable, CustomStringConvertible {
        let source: String
        let kind: PolicyError.Kind
        let line: Int
        let column: Int
        let fragment: String

        init(_ source: String, _ kind: PolicyError.Kind, _ line: Int, _ column: Int, _ fragment: String) {
            (self.source, self.kind, self.line, self.column, self.fragment) = (
                source, kind, line, column, fragment
            )
        }

        var description: String { source }
    }

    static let cases: [Case] = [
        Case("1 +", .syntax, 1, 4, "ends too early"),
        Case("resource.values.startswith('a')", .unknownFunction, 1, 17, "did you mean 'startsWith'?"),
        Case("resourse.type == 'x'", .unknownIdentifier, 1, 1, "did you mean 'resource'?"),
        Case("lenght(resource)", .unknownFunction, 1, 1, "unknown function 'lenght'"),
        Case("size(1, 2)", .wrongArity, 1, 1, "'size' takes 1 argument, got 2"),
        Case("'a'.startsWith()", .wrongArity, 1, 5, "write string.startsWith(prefix)"),
        Case("startsWith('a', 'b')", .wrongCallStyle, 1, 1, "'startsWith' is a method"),
        Case("[1].is_unknown()", .wrongCallStyle, 1, 5, "'is_unknown' is a global function"),
        Case("[1].all(1, x)", .macroMisuse, 1, 9, "must be a variable name"),
        Case("[1].exists(x)", .macroMisuse, 1, 5, "exists() takes a variable name"),
        Case("all([1], x, x > 0)", .wrongCallStyle, 1, 1, "'all' is a method"),
        Case("has(resource)", .macroMisuse, 1, 5, "one field selection"),
        Case("[1].all(x, 2 * 3)", .typeMismatch, 1, 12, "predicate of all() must be bool, got int"),
        Case("\"a\" - 1", .typeMismatch, 1, 5, "no operator '-' for string and int"),
        Case("1 + 2.0", .typeMismatch, 1, 3, "convert one side with int() or double()"),
        Case("!1", .typeMismatch, 1, 1, "operand of '!' must be bool"),
        Case("1 < 'a'", .typeMismatch, 1, 3, "cannot order int and string"),
        Case("true && 'yes'", .typeMismatch, 1, 6, "right operand of '&&' must be bool"),
        Case("'abc", .lexical, 1, 1, "unterminated string"),
        Case("1 # 2", .lexical, 1, 3, "unexpected character '#'"),
        Case("resource & item", .lexical, 1, 10, "did you mean '&&'?"),
        Case("(1 + 2", .syntax, 1, 7, "expected ')'"),
        Case("[1, 2", .syntax, 1, 6, "expected ']'"),
        Case("resource ? 1", .syntax, 1, 13, "expected ':'"),
        Case("resource.values &&\n  item ==", .syntax, 2, 10, "ends too early"),
        Case(
            "'ok' == 'ok' &&\n\n    unknown_thing", .unknownIdentifier, 3, 5,
            "unknown variable 'unknown_thing'"),
        Case("9223372036854775808", .lexical, 1, 1, "out of range"),
        Case("1u", .lexical, 1, 1, "unsigned integers are not supported"),
        Case("{'a': 1, 'a': 2}", .typeMismatch, 1, 10, "duplicate map key 'a'"),
        Case("'bad \\q escape'", .lexical, 1, 6, "invalid escape"),
        Case("resource.if", .syntax, 1, 10, "reserved word"),
        Case("b'bytes'", .lexical, 1, 1, "bytes literals"),
        Case("resource.values)", .syntax, 1, 16, "unexpected ')'"),
        Case("size", .unknownIdentifier, 1, 1, "is a function, not a variable"),
        Case("Resource{}", .syntax, 1, 9, "message construction"),
        Case("'é' + 1", .typeMismatch, 1, 5, "no operator '+' for string and int"),
    ]

    @Test("bad expressions report kind, line:column and an author-facing message", arguments: cases)
    func badExpression(testCase: Case) {
        guard let error = Harness.compileError(testCase.source) else {
            Issue.record("\(testCase.source) compiled but should not")
            return
        }
        #expect(error.kind == testCase.kind, "\(error)")
        #expect(error.position.line == testCase.line && error.position.column == testCase.column, "\(error)")
        #expect(error.message.contains(testCase.fragment), "\(error)")
    }

    @Test("PolicyError prints as line:column: message")
    func errorDescription() {
        let error = Harness.compileError("1 +\n  )")
        #expect(error?.description == "2:3: expected a value, found ')'")
    }

    @Test("the environment decides which variables exist")
    func environmentVariables() throws {
        let dockerfile = Environment(variables: ["instruction", "stage"])
        #expect(Harness.compileError("instruction.keyword == 'RUN'", environment: dockerfile) == nil)
        let error = try #require(Harness.compileError("resource.type", environment: dockerfile))
        #expect(error.kind == .unknownIdentifier)
        #expect(error.message.contains("available: instruction, stage"))
    }

    @Test("compiled expressions report the variables they read")
    func referencedVariables() throws {
        let compiled = try Expression.compile(
            "[1].all(x, x < n) && resource.a == 1", environment: Harness.environment)
        #expect(compiled.referencedVariables == ["n", "resource"])
    }
}
