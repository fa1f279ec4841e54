import Foundation
import Testing

@testable import PalisadeCore

@Suite("Rule pack loading")
struct RulePackLoadTests {
    /// A custom rule whose assertion calls a function that does not exist, on line 8 column 9.
    static let brokenRule = """
        id: ORG-BAD-001
        title: A rule that does not compile
        description: Calls a function that does not exist.
        severity: low
        category: supply-chain
        input: dockerfile
        select: {subject: file}
        assert: lenght(file) > 0
        message: never shown
        remediation: fix the rule
        """

    /// The first error of loading the pack with the custom rule `text` in a folder `id`, under
    /// `configuration` (its policy folder set here).
    private func firstLoadError(
        ofRule id: String, _ text: String, configuration: Configuration = Configuration()
    ) throws -> InputError {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-rulepack-\(UUID().uuidString)")
        let folder = root.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try text.write(to: folder.appendingPathComponent("rule.yaml"), atomically: true, encoding: .utf8)
        var configuration = configuration
        configuration.policyFolders = [root.path]
        let error = #expect(throws: RulePackError.self) {
            try RulePack.load(configuration: configuration, inputs: [.dockerfile])
        }
        return try #require(error?.errors.first)
    }

    @Test("A custom rule is still compiled when the pack loads, so its error is reported at FILE:LINE:COL")
    func customRulesCompileAtLoad() throws {
        let problem = try firstLoadError(ofRule: "ORG-BAD-001", Self.brokenRule)
        #expect(problem.file.hasSuffix("ORG-BAD-001/rule.yaml"))
        #expect(problem.line == 8 && problem.column == 9)
        #expect(problem.message.contains("unknown function 'lenght'"))
    }

    @Test(
        "Errors on later lines of a block expression point at the rule file's column",
        arguments: [
            ("assert: |-\n  file.path != \"\" &&\n    lenght(file) > 0", 10, 5, "unknown function 'lenght'"),
            ("assert: |-\n  true\n  && file.nope(", 10, 16, "expected"),
            ("assert: 'true &&  )'", 8, 19, "found ')'"),
            ("assert: file.path != \"\"\n  && lenght(file) > 0", 9, 6, "unknown function 'lenght'"),
            ("assert: >-\n  file.path != \"\"\n    && lenght(file) > 0", 10, 8, "unknown function 'lenght'"),
        ])
    func blockExpressionPositions(assert: String, line: Int, column: Int, message: String) throws {
        let text = Self.brokenRule.replacingOccurrences(of: "assert: lenght(file) > 0", with: assert)
        let problem = try firstLoadError(ofRule: "ORG-BAD-001", text)
        #expect(problem.line == line && problem.column == column, "\(problem.description)")
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test("A param the config sets is checked where the rule uses it when the pack loads")
    func overriddenParameterChecked() throws {
        var configuration = Configuration()
        configuration.source = "/project/.palisade.yaml"
        configuration.parameters = ["AWS-ELB-002": ["allowed_policy_pattern": .string("(")]]
        let error = #expect(throws: RulePackError.self) {
            try RulePack.load(configuration: configuration, inputs: [.tfplan])
        }
        let problem = try #require(error?.errors.first)
        // The config's problem, named as the config's, with the place the rule uses the value.
        #expect(problem.file == "/project/.palisade.yaml", "\(problem.description)")
        #expect(
            problem.message.hasPrefix("params: AWS-ELB-002 allowed_policy_pattern: "), "\(problem.message)")
        #expect(problem.message.contains("invalid regular expression"), "\(problem.message)")
        #expect(problem.message.contains("where the rule uses it: policies/AWS-ELB-002/rule.yaml:"))
        // A misspelt parameter is the config's too, with the name meant.
        configuration.parameters = ["AWS-ELB-002": ["allowed_polcy_pattern": .string("x")]]
        let misspelt = #expect(throws: RulePackError.self) {
            try RulePack.load(configuration: configuration, inputs: [.tfplan])
        }
        #expect(misspelt?.errors.first?.file == "/project/.palisade.yaml")
        #expect(misspelt?.errors.first?.message.contains("did you mean 'allowed_policy_pattern'") == true)
        // A valid pattern loads.
        configuration.parameters = [
            "AWS-ELB-002": ["allowed_policy_pattern": .string("^ELBSecurityPolicy-TLS13")]
        ]
        _ = try RulePack.load(configuration: configuration, inputs: [.tfplan])
    }

    @Test("A param the config sets is the config's problem in a message hole too")
    func overriddenParameterInMessage() throws {
        let rule =
            Self.brokenRule.replacingOccurrences(of: "ORG-BAD-001", with: "ORG-BAD-003")
            .replacingOccurrences(of: "assert: lenght(file) > 0", with: "assert: file.path != \"\"")
            .replacingOccurrences(
                of: "message: never shown",
                with: "message: \"{{ file.path.matches(params.pattern) ? 'named' : 'other' }}\"")
            + "\nparams:\n  pattern: {default: \"^a\", doc: A pattern.}\n"
        var configuration = Configuration()
        configuration.source = "/project/.palisade.yaml"
        configuration.parameters = ["ORG-BAD-003": ["pattern": .string("(")]]
        let problem = try firstLoadError(ofRule: "ORG-BAD-003", rule, configuration: configuration)
        #expect(problem.file == "/project/.palisade.yaml", "\(problem.description)")
        #expect(problem.message.hasPrefix("params: ORG-BAD-003 pattern: "), "\(problem.message)")
    }

    @Test("A rule's own error stays the rule's when the config sets one of its params")
    func ruleErrorBesideOverride() throws {
        let rule =
            Self.brokenRule.replacingOccurrences(of: "ORG-BAD-001", with: "ORG-BAD-002")
            + "\nparams:\n  pattern: {default: \"^a\", doc: A pattern.}\n"
        var configuration = Configuration()
        configuration.source = "/project/.palisade.yaml"
        configuration.parameters = ["ORG-BAD-002": ["pattern": .string("^b")]]
        let problem = try firstLoadError(ofRule: "ORG-BAD-002", rule, configuration: configuration)
        #expect(problem.file.hasSuffix("ORG-BAD-002/rule.yaml"), "\(problem.description)")
        #expect(problem.line == 8 && problem.column == 9)
        #expect(problem.message.contains("unknown function 'lenght'"))
    }

    @Test("The built-in pack loads for each input kind with the rules that kind selects")
    func builtInPackLoads() throws {
        let all = try RulePack.load(configuration: Configuration())
        let dockerfile = try RulePack.load(configuration: Configuration(), inputs: [.dockerfile])
        #expect(dockerfile.rules.map(\.id) == all.rules.filter { $0.input == .dockerfile }.map(\.id))
        #expect(dockerfile.digest == EmbeddedPack.digest)
    }
}
