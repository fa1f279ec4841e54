import JSON
import PackGeneration
import Policy
import Testing

@testable import PalisadeCore

@Suite("Embedded rule definitions")
struct EmbeddedDefinitionTests {
    /// The rule files under policies/, by path relative to it.
    static let ruleFiles: [String] = {
        let files = (try? RuleFolderFiles.collect(policiesDirectory: RepositoryPaths.policies)) ?? []
        return files.filter { RuleFolderFiles.isRuleFile($0.path) }.map(\.path)
    }()

    /// The rule file named `path` as the generator embeds it, read back through the JSON layer.
    static func embeddedRoot(
        yaml: String, path: String = "TEST-001/rule.yaml"
    ) throws -> JSONRuleNode {
        let rules = try #require(try PackGenerator.documents([(path, yaml)]).rules.first)
        let document = try JSONDocument.parse(rules.json)
        return try #require(EmbeddedPack.ruleFiles(in: document).first { $0.path == path }).root
    }

    @Test("The pack embeds every rule file of policies/")
    func everyRuleIsEmbedded() throws {
        #expect(Self.ruleFiles.count >= 45)
        #expect(try EmbeddedPack.ruleFiles().map(\.path) == Self.ruleFiles)
    }

    @Test("Each embedded rule reads as the same definition as its YAML text", arguments: ruleFiles)
    func embeddedEqualsParsed(path: String) throws {
        let file = "policies/" + path
        let text = String(decoding: try FileSystem.read(RepositoryPaths.policies + "/" + path), as: UTF8.self)
        let parsed = try RuleFileParser.parse(yaml: text, file: file, origin: .builtIn)
        let root = try #require(try EmbeddedPack.ruleFiles().first { $0.path == path }).root
        let embedded = try RuleFileParser.parse(root, file: file, origin: .builtIn)
        #expect(embedded == parsed)
    }

    @Test("A scan of one input kind reads only that kind's rule files; the ids need no rule parsed")
    func ruleFilesByKind() throws {
        let all = try EmbeddedPack.ruleFiles()
        for input in RuleInput.allCases {
            let files = try EmbeddedPack.ruleFiles(for: [input])
            #expect(!files.isEmpty)
            #expect(files.map(\.path) == all.filter { $0.input == input.rawValue }.map(\.path))
        }
        #expect(EmbeddedPack.ruleIDs == Set(all.map { String($0.path.dropLast("/rule.yaml".count)) }))
        #expect(RulePack.builtInIDs == EmbeddedPack.ruleIDs)
    }

    @Test("A rule whose input field names no kind is embedded where every scan reads it")
    func ruleOfNoKindIsReadByEveryScan() throws {
        let documents = try PackGenerator.documents([
            ("A-001/rule.yaml", "id: A-001\ninput: dockerfile\n"),
            ("B-001/rule.yaml", "id: B-001\ninput: helm\n"),
            ("C-001/rule.yaml", "id: C-001\n"), ("D-001/rule.yaml", "id: D-001\ninput: tfplan\n"),
        ])
        #expect(documents.rules.map(\.input) == ["", "dockerfile", "tfplan"])
        let unread = try JSONDocument.parse(try #require(documents.rules.first).json)
        #expect(EmbeddedPack.ruleFiles(in: unread).map(\.path) == ["B-001/rule.yaml", "C-001/rule.yaml"])
    }

    @Test("The digest covers the whole pack, not only the kind a scan reads")
    func digestCoversEveryKind() throws {
        let dockerfile = ("A-001/rule.yaml", "id: A-001\ninput: dockerfile\n")
        let before = try PackGenerator.documents([
            dockerfile, ("D-001/rule.yaml", "id: D-001\ninput: tfplan\n"),
        ])
        let after = try PackGenerator.documents([
            dockerfile, ("D-001/rule.yaml", "id: D-002\ninput: tfplan\n"),
        ])
        #expect(before.rules[0].json == after.rules[0].json)
        #expect(before.digest != after.digest)
        #expect(
            try RulePack.load(configuration: Configuration(), inputs: [.dockerfile]).digest
                == EmbeddedPack.digest)
    }

    @Test("Loading by input kind keeps the rules whose input field names that kind, sorted by id")
    func loadsByInputKind() throws {
        let dockerfile = try RulePack.builtInDefinitions(for: [.dockerfile])
        let plan = try RulePack.builtInDefinitions(for: [.tfplan])
        #expect(!dockerfile.isEmpty && dockerfile.allSatisfy { $0.input == .dockerfile })
        #expect(!plan.isEmpty && plan.allSatisfy { $0.input == .tfplan })
        #expect(dockerfile.map(\.id) == dockerfile.map(\.id).sorted())
        #expect(try RulePack.builtInDefinitions().count == dockerfile.count + plan.count)
    }

    /// A custom rule with parameter defaults of every scalar type and block scalars, whose
    /// positions the embedding must keep.
    static let typedRule = """
        id: ACME-T-001
        title: Typed values
        description: >-
          Folded text
          over two lines.
        severity: low
        category: secrets
        input: dockerfile
        select: {subject: stage}
        params:
          count: {default: 3, doc: an integer}
          hex: {default: 0x1F, doc: an integer in hex}
          ratio: {default: 1.0, doc: a fraction that must stay one}
          small: {default: 2.5e-3, doc: an exponent}
          flag: {default: true, doc: a boolean}
          quoted: {default: "true", doc: text that looks like a boolean}
          nothing: {default: ~, doc: the empty value}
          nested: {default: {list: [1, two, {three: 3.0}], empty: {}}, doc: containers}
        assert: |
          stage.index >= params.count
            && params.flag
        message: 'Stage {{ stage.index }}'
        remediation: Fix it.
        """

    @Test("Every scalar type, container and position survives the embedding")
    func typesAndPositionsSurvive() throws {
        let yaml = try RuleFileParser.parse(yaml: Self.typedRule, file: "t.yaml", origin: .custom)
        let json = try RuleFileParser.parse(
            try Self.embeddedRoot(yaml: Self.typedRule), file: "t.yaml", origin: .custom)
        #expect(json == yaml)
        let defaults = Dictionary(uniqueKeysWithValues: json.parameters.map { ($0.name, $0.defaultValue) })
        #expect(defaults["ratio"] == .double(1.0))
        #expect(defaults["hex"] == .int(31))
        #expect(defaults["quoted"] == .string("true"))
        #expect(defaults["nothing"] == .null)
        #expect(json.assertion.line == 20 && json.assertion.column == 3)
        #expect(json.message.line == 22 && json.message.column == 11)
    }

    @Test(
        "An invalid embedded rule reports the same errors at the same places as its YAML text",
        arguments: [
            "id: DF999\ntitle: 3\n",
            "id: DF001\nfamily: image.unpinned\ntitel: x\nseverity: urgent\nselect: [1]\n",
            "id: DF001\nparams:\n  bad name: {default: 1, doc: x}\nseverity_cases: {}\n",
            "- not a mapping\n",
        ])
    func invalidRulesReportAlike(text: String) throws {
        let file = "policies/TEST-001/rule.yaml"
        let fromYAML = #expect(throws: RuleLoadError.self) {
            try RuleFileParser.parse(yaml: text, file: file, origin: .builtIn)
        }
        let root = try Self.embeddedRoot(yaml: text)
        let fromJSON = #expect(throws: RuleLoadError.self) {
            try RuleFileParser.parse(root, file: file, origin: .builtIn)
        }
        #expect(fromYAML?.diagnostics.isEmpty == false)
        #expect(fromJSON?.diagnostics == fromYAML?.diagnostics)
    }

    @Test(
        "What JSON cannot hold as it is stops the generator at its position",
        arguments: [
            ("id: DF001\n1: x\n", 2, 1, "a key that is not text"),
            ("id: DF001\nwhen: 2024-01-01\n", 2, 7, "YAML type"),
            ("id: DF001\nbig: 99999999999999999999\n", 2, 6, "out of range"),
            ("id: DF001\ninf: .inf\n", 2, 6, "JSON cannot hold"),
            ("id: [unclosed\n", 2, 1, "invalid YAML"),
        ])
    func unembeddableValues(text: String, line: Int, column: Int, what: String) {
        let error = #expect(throws: InputError.self) {
            try PackGenerator.documents([("TEST-001/rule.yaml", text)])
        }
        #expect(error?.file == "policies/TEST-001/rule.yaml")
        #expect(error?.line == line && error?.column == column, "\(String(describing: error))")
        #expect(error?.message.contains(what) == true, "\(String(describing: error))")
    }

    @Test("Non-rule files are embedded as text for explain, rule files only as data")
    func filesHoldFixtureSources() throws {
        let files = try EmbeddedPack.files()
        #expect(files.contains { $0.path == "DF001/expected.yaml" && $0.contents.contains("pass") })
        #expect(files.contains { $0.path.hasPrefix("DF001/fixtures/") && $0.path.hasSuffix("Dockerfile") })
        #expect(!files.contains { RuleFolderFiles.isRuleFile($0.path) })
    }
}
