import Policy
import Testing

@testable import PalisadeCore

/// A hole that is one variable is read from the bindings; every hole must render as its
/// compiled expression would.
@Suite("Message templates")
struct MessageTemplateTests {
    static let environment = Environment(
        variables: ["address", "count", "items", "later", "missing", "_under1"], functions: RulePack.functions
    )

    static let sources = [
        "{{address}} has {{ count }} ({{items}})", "{{ missing }} and {{later}}", "{{true}} {{ null }}",
        "{{ address + '!' }} {{_under1}}", "plain text", "{{address}}{{address}}", "{{ count }}}",
        "open {{ address", "{{ items[0] }} {{ size(items) }}",
    ]

    static let bindings = [
        Bindings([
            "address": .string("aws_s3_bucket.logs"), "count": .int(3),
            "items": .list([.string("a"), .string("b")]),
            "later": .unknown(UnknownCause(path: "x", computed: true)),
            "_under1": .bool(false),
        ]),
        Bindings(["address": .string("ünï"), "count": .double(1.5)]),
        Bindings(["address": .string("a")], stepBudget: 0),
        Bindings(),
    ]

    @Test("the variable holes are found", arguments: ["address", "_under1", "a1"])
    func identifiers(name: String) {
        #expect(MessageTemplate.isIdentifier(name))
    }

    @Test("other holes are not variables", arguments: ["", "1a", "a.b", "a b", "é", "a-b", "(a)"])
    func notIdentifiers(text: String) {
        #expect(!MessageTemplate.isIdentifier(text))
    }

    @Test("renders as the compiled expressions do", arguments: sources)
    func rendersAsExpressions(source: String) throws {
        let template = try MessageTemplate(source, environment: Self.environment)
        let reference = MessageTemplate(
            parts: template.parts.map { part in
                if case .variable(_, let expression) = part { return .expression(expression) }
                return part
            })
        if source.contains("{{address}}") {
            #expect(template.parts.contains { if case .variable = $0 { true } else { false } })
        }
        for bindings in Self.bindings {
            #expect(template.render(bindings) == reference.render(bindings), "\(source)")
            #expect(template.render(bindings, undecided: "?") == reference.render(bindings, undecided: "?"))
            #expect(template.renderIfDecided(bindings) == reference.renderIfDecided(bindings), "\(source)")
        }
    }

    @Test("A rendering says whether its backticks are all the template's: a hole's backtick is input")
    func backticksFromHoles() throws {
        let template = try MessageTemplate("`{{address}}` is `set`", environment: Self.environment)
        let render = { (address: String) in
            var result: (text: String, marksCode: Bool) = ("", false)
            EvaluationSession.with(Bindings(["address": .string(address)])) {
                result = template.renderMarkingCode($0, undecided: "?")
            }
            return result
        }
        #expect(render("aws_s3_bucket.logs") == ("`aws_s3_bucket.logs` is `set`", true))
        // The rule's own literal, chosen by a condition, is the author's words.
        let authored = try MessageTemplate(
            "{{ address == 'a' ? '`encrypted` is not set' : 'it is ' + address }}",
            environment: Self.environment)
        EvaluationSession.with(Bindings(["address": .string("a")])) {
            #expect(authored.renderMarkingCode($0, undecided: "?") == ("`encrypted` is not set", true))
        }
        EvaluationSession.with(Bindings(["address": .string("`b`")])) {
            #expect(authored.renderMarkingCode($0, undecided: "?") == ("it is `b`", false))
        }
        // The rule's literals joined around a value: the value brings no backtick, so they mark code.
        let joined = try MessageTemplate(
            "{{ 'the group `' + address + '` is not managed' }}", environment: Self.environment)
        EvaluationSession.with(Bindings(["address": .string("shared-tls")])) {
            #expect(
                joined.renderMarkingCode($0, undecided: "?") == (
                    "the group `shared-tls` is not managed", true
                ))
        }
        EvaluationSession.with(Bindings(["address": .string("a`b")])) {
            #expect(joined.renderMarkingCode($0, undecided: "?") == ("the group `a`b` is not managed", false))
        }
        let hostile = render("x` **bold** `y")
        #expect(hostile.text == "`x` **bold** `y` is `set`" && !hostile.marksCode)
    }

    @Test("The engine's sentence about values marks code unless a name it quotes holds a backtick")
    func sentenceBackticks() {
        let plain = [UnknownValue(attribute: "encrypted", state: "computed", references: [])]
        #expect(
            plain.sentenceMarksCode
                && plain.sentence
                    == "`encrypted` is not set in the configuration, so the provider computes it at apply"
        )
        for hostile in [
            UnknownValue(attribute: "tags[\"a`b\"]", state: "computed", references: []),
            UnknownValue(
                attribute: "acl", state: "unknown_reference", references: ["terraform_data.x[\"`\"]"]),
            UnknownValue(
                attribute: "name", state: "computed", references: [],
                resource: "aws_db_parameter_group.p[\"`\"]"),
        ] {
            #expect(!(plain + [hostile]).sentenceMarksCode, "\(hostile)")
        }
    }

    @Test("Values in blocks the plan's configuration may leave out share one clause, where the first stands")
    func unshownBlockSentence() {
        let cidr = UnknownValue(attribute: "ingress[0].cidr_blocks", state: "unshown_block", references: [])
        let size = UnknownValue(attribute: "size", state: "computed", references: [])
        let protocolValue = UnknownValue(
            attribute: "ingress[0].protocol", state: "unshown_block", references: ["aws_eip.office"])
        let shared =
            "in a block the plan's configuration may leave out (Terraform writes no `dynamic` block there), "
            + "so the plan cannot tell whether the configuration sets"
        #expect(
            [cidr].sentence
                == "`ingress[0].cidr_blocks` is known only after apply, \(shared) it or the provider "
                + "computes it")
        #expect(
            [cidr, size, protocolValue].sentence
                == "`ingress[0].cidr_blocks` and `ingress[0].protocol` are known only after apply, \(shared) "
                + "them or the provider computes them (the blocks it shows refer to `aws_eip.office`); "
                + "`size` is not set in the configuration, so the provider computes it at apply")
    }

    @Test("Taking a hole's literals out of its text removes what String.replacing removes")
    func literalRemovalAgreesWithReplacing() {
        var generator = SystemRandomNumberGenerator()
        func word(_ length: Int) -> String {
            String((0..<length).map { _ in "ab`".randomElement(using: &generator)! })
        }
        for _ in 0..<2_000 {
            let text = word(Int.random(in: 0...24, using: &generator))
            let literals = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                word(Int.random(in: 1...4, using: &generator))
            }.sorted { $0.utf8.count > $1.utf8.count }
            var replaced = text
            for literal in literals { replaced = replaced.replacing(literal, with: "") }
            var removed = Array(text.utf8)
            for literal in literals {
                removed = MessageTemplate.removingOccurrences(of: Array(literal.utf8), from: removed)
            }
            #expect(String(decoding: removed, as: UTF8.self) == replaced, "\(text) without \(literals)")
            #expect(MessageTemplate.isAuthored(text, literals: literals) == !replaced.contains("`"))
        }
    }

    @Test("A redactor masks a secret in the input's values, never in the rule's own words")
    func redactsValuesOnly() throws {
        var redactor = Redactor()
        redactor.add("root")
        let template = try MessageTemplate(
            #"runs as root, {{ count > 1 ? "usually root" : "uid 0" }}; user {{address}}; {{ "as " + address }}"#,
            environment: Self.environment)
        var text = ""
        EvaluationSession.with(Bindings(["address": .string("root"), "count": .int(2)])) {
            text = template.render($0, redactor: redactor)
        }
        // The literal text and a hole that shows one of its own literals stay; the input's value
        // is masked, alone or joined to a literal.
        #expect(text == "runs as root, usually root; user (sensitive); as (sensitive)")
    }
}
