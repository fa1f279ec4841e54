import Policy
import Testing

@testable import PalisadeCore

/// Compiles a rule folder's rule and evaluates inputs with it, as the fixture tests need.
enum FixtureRunner {
    /// The compiled rule of `policies/<ruleID>/rule.yaml`, with default parameters.
    static func rule(_ ruleID: String) throws -> Rule {
        try RuleCompiler.compile(try definition(ruleID), overrides: [:])
    }

    /// The parsed `policies/<ruleID>/rule.yaml`.
    static func definition(_ ruleID: String) throws -> RuleDefinition {
        let ruleFile = RepositoryPaths.policies + "/" + ruleID + "/rule.yaml"
        let text = String(decoding: try FileSystem.read(ruleFile), as: UTF8.self)
        return try RuleFileParser.parse(yaml: text, file: ruleFile, origin: .builtIn)
    }

    /// Every evaluation of `rule` on `bytes` read as the file at `path` (its kind recognised as a
    /// named file's is).
    static func evaluate(
        _ rule: Rule, path: String, bytes: [UInt8]
    ) throws -> (evaluations: [Evaluation], errors: [InputError]) {
        let input = DiscoveredInput(path: path, bytes: bytes, foundInDirectory: false)
        let document = try #require(try DocumentLoader.load(input, options: LoadOptions()))
        return Engine(rules: [rule]).evaluate(document)
    }
}
