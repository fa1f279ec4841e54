import Policy
import Testing

@testable import PalisadeCore

@Suite("Embedded rule definitions")
struct EmbeddedDefinitionTests {
    /// The paths of the embedded rule files.
    static let ruleFiles = EmbeddedPack.files.filter { PackGenerator.isRuleFile($0.path) }.map(\.path)

    @Test("The pack embeds every rule file")
    func everyRuleIsEmbedded() {
        #expect(Self.ruleFiles.count >= 45)
    }

    @Test("Each generated definition equals what the parser makes of the embedded text", arguments: ruleFiles)
    func generatedEqualsParsed(path: String) throws {
        let contents = try #require(EmbeddedPack.files.first { $0.path == path }).contents
        let parsed = try RuleFileParser.parse(yaml: contents, file: "policies/" + path, origin: .builtIn)
        let generated = try #require(
            EmbeddedPack.definition(path: path), "no generated definition for \(path)")
        #expect(generated == parsed)
    }

    @Test("Loading by input kind keeps the rules of that kind, sorted by id")
    func loadsByInputKind() throws {
        let dockerfile = try RulePack.builtInDefinitions(for: [.dockerfile])
        let plan = try RulePack.builtInDefinitions(for: [.tfplan])
        #expect(!dockerfile.isEmpty && dockerfile.allSatisfy { $0.input == .dockerfile })
        #expect(!plan.isEmpty && plan.allSatisfy { $0.input == .tfplan })
        #expect(dockerfile.map(\.id) == dockerfile.map(\.id).sorted())
        #expect(try RulePack.builtInDefinitions().count == dockerfile.count + plan.count)
    }

    @Test("A rule file that does not parse gets no generated definition, so loading reports its errors")
    func unparsableRuleIsLeftToTheLoader() {
        let good = EmbeddedPack.files.first { $0.path == "DF001/rule.yaml" }?.contents ?? ""
        let source = PackGenerator.renderDefinitions([
            (path: "DF001/rule.yaml", contents: good), (path: "DF002/rule.yaml", contents: "id: [unclosed"),
        ])
        #expect(source.contains("case \"DF001/rule.yaml\": rule_DF001()"))
        #expect(!source.contains("DF002"))
    }

    @Test(
        "Strings become literals with the same scalars",
        arguments: [
            ("plain", #""plain""#),
            ("say \"hi\"", #""say \"hi\"""#),
            ("a\\b", #""a\\b""#),
            ("line\nnext\ttab\r", #""line\nnext\ttab\r""#),
            ("café", #""caf\u{E9}""#),
            ("\u{0}\u{7F}", #""\u{0}\u{7F}""#),
            ("#{{ x }}", ##""#{{ x }}""##),
        ])
    func stringLiterals(text: String, literal: String) {
        #expect(DefinitionSource.string(text) == literal)
    }

    @Test(
        "Parameter defaults become literals",
        arguments: [
            (RuleValue.null, ".null"),
            (.bool(true), ".bool(true)"),
            (.int(-9_223_372_036_854_775_808), ".int(-9223372036854775808)"),
            (.double(0.1), ".double(0.1)"),
            (.double(-.infinity), ".double(-Double.infinity)"),
            (.list([.string("a"), .int(1)]), #".list([.string("a"), .int(1)])"#),
            (.map([:]), ".map([:])"),
            (.map(["b": .int(2), "a": .null]), #".map(["a": .null, "b": .int(2)])"#),
        ])
    func valueLiterals(value: RuleValue, literal: String) {
        #expect(DefinitionSource.value(value) == literal)
    }
}
