import Policy
import Testing

@testable import PalisadeCore

/// A rule's `let:` names are checked when the rule compiles, and problems inside a definition
/// are placed in its own text.
@Suite("let in rule files")
struct RuleLetTests {
    /// A custom plan rule with `let` and `assert` lines as given.
    static func rule(defining definitions: String, assert: String = "open_port") -> String {
        """
        id: ACME-SG-001
        title: Security group opens a port
        description: Port 22 must stay closed.
        severity: high
        category: network
        input: tfplan
        select:
          resources: [aws_security_group]
        let:
        \(definitions)
        assert: \(assert)
        message: "{{address}} {{ open_port ? 'opens' : 'keeps' }} port 22"
        remediation: Close it.

        """
    }

    static func compileError(_ yaml: String) -> InputError? {
        do {
            let definition = try RuleFileParser.parse(yaml: yaml, file: "rule.yaml", origin: .custom)
            _ = try RuleCompiler.compile(definition, overrides: [:])
            return nil
        } catch let error as InputError {
            return error
        } catch {
            return InputError(file: "?", message: "\(error)")
        }
    }

    @Test("A definition used by the assertion and the message compiles")
    func validDefinitions() {
        let yaml = Self.rule(
            defining: "  open_port: resource.values.ingress.exists(i, i.from_port <= 22 && 22 <= i.to_port)",
            assert: "'!open_port'")
        #expect(Self.compileError(yaml) == nil)
    }

    @Test(
        "A let name that is a variable, a function or a macro is refused at the definition",
        arguments: [
            ("resource", "is a variable of this rule's input"), ("size", "is a function"),
            ("exists", "is a function"),
        ])
    func reservedNames(name: String, fragment: String) {
        let yaml = Self.rule(defining: "  \(name): true\n  open_port: true")
        let error = Self.compileError(yaml)
        #expect(error?.message.contains("let '\(name)' \(fragment)") == true, "\(String(describing: error))")
        #expect(error?.line == 10)
        #expect(error?.column == 3 + name.count + 2)
    }

    @Test("A problem inside a definition is placed in its own text")
    func problemsArePlacedInTheDefinition() {
        let yaml = Self.rule(
            defining: "  open_port: resource.values.ingres.exists(i, i.to_port == 22) && nope")
        let error = Self.compileError(yaml)
        #expect(error?.message.contains("unknown variable 'nope'") == true, "\(String(describing: error))")
        #expect(error?.line == 10)
        #expect(error?.column == 67)
    }

    @Test("A definition defined in terms of itself is refused")
    func cycles() {
        let yaml = Self.rule(defining: "  open_port: closed_port\n  closed_port: '!open_port'")
        let error = Self.compileError(yaml)
        #expect(
            error?.message.contains("is defined in terms of itself") == true, "\(String(describing: error))")
    }

    @Test("A definition no expression of the rule names is refused")
    func unusedDefinitions() {
        let yaml = Self.rule(defining: "  open_port: true\n  opne_port: false")
        let error = Self.compileError(yaml)
        #expect(
            error?.message == "let 'opne_port' is not used by any expression of the rule",
            "\(String(describing: error))")
        #expect(error?.line == 11)
    }

    @Test("select.each may not use a definition")
    func eachCannotUseDefinitions() {
        let yaml = Self.rule(
            defining: "  ingress_rules: resource.values.ingress\n  open_port: item.from_port == 22"
        )
        .replacingOccurrences(
            of: "  resources: [aws_security_group]",
            with: "  resources: [aws_security_group]\n  each: ingress_rules")
        let error = Self.compileError(yaml)
        #expect(
            error?.message.hasPrefix("select.each may not use let 'ingress_rules'") == true,
            "\(String(describing: error))")
        #expect(error?.line == 9)
    }

    @Test("A field or a string with a definition's name is not a use of it")
    func fieldsAndStringsAreNotUses() {
        // `each: resource.values.ingress` selects a field called like the definition: allowed.
        let shared = Self.rule(
            defining: "  ingress: item.from_port <= 22 && 22 <= item.to_port\n  open_port: ingress",
            assert: "'!open_port'"
        )
        .replacingOccurrences(
            of: "  resources: [aws_security_group]",
            with: "  resources: [aws_security_group]\n  each: resource.values.ingress")
        #expect(Self.compileError(shared) == nil)
        // Named only inside a string literal and as a field, the definition is unused.
        let unused = Self.rule(
            defining: "  open_port: true\n  ports: 'x'",
            assert: "'open_port && \"ports\" != resource.values.ports'")
        #expect(Self.compileError(unused)?.message == "let 'ports' is not used by any expression of the rule")
    }
}
