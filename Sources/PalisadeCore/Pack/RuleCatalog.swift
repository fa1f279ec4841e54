import Policy

/// A rule id that names no loaded rule.
public struct UnknownRuleError: Error, Sendable, CustomStringConvertible {
    /// The id as asked for.
    public let id: String
    /// The closest known id, when one is close enough to be a typo.
    public let suggestion: String?

    /// `unknown rule 'X'; did you mean 'Y'?`, with a pointer to `palisade rules` otherwise.
    public var description: String {
        if let suggestion { return "unknown rule '\(id)'; did you mean '\(suggestion)'?" }
        return "unknown rule '\(id)'; `palisade rules` lists them"
    }
}

/// A source file of a fixture, shown by `palisade explain` as an example.
public struct RuleExampleFile: Sendable {
    /// The path inside the fixture folder (`main.tf`, `site/main.tf`, `Dockerfile`).
    public let path: String
    /// The file's text.
    public let contents: String
}

/// A fixture of a rule shown as a worked example: its sources and the outcomes they produce.
public struct RuleExample: Sendable {
    /// The fixture case (`pass`, `fail`, ...).
    public let name: String
    /// The readable sources of the case (generated plan JSON and provider boilerplate left out).
    public let files: [RuleExampleFile]
    /// The outcomes `expected.yaml` lists for the case.
    public let expected: [FixtureOutcome]
}

/// Looks rules up by id and gathers the examples `palisade explain` shows.
public enum RuleCatalog {
    /// The definition with this id (case-insensitive), or an error suggesting the closest id.
    public static func definition(
        id: String, in definitions: [RuleDefinition]
    ) throws(UnknownRuleError) -> RuleDefinition {
        if let found = definitions.first(where: { $0.id.uppercased() == id.uppercased() }) { return found }
        throw UnknownRuleError(
            id: id, suggestion: NameSuggestion.closest(to: id, among: definitions.map(\.id)))
    }

    /// The rule's fixtures as examples, in `expected.yaml` order: from the embedded pack for a
    /// built-in rule, from the rule's folder on disk for a custom one.
    public static func examples(for definition: RuleDefinition) throws(InputError) -> [RuleExample] {
        let prefix = definition.id + "/"
        var files: [(path: String, contents: String)] = []
        var expectationsPath = "policies/" + definition.id + "/" + FixtureExpectations.fileName
        if try EmbeddedPack.ruleFiles().contains(where: { $0.path == prefix + "rule.yaml" }) {
            files = try EmbeddedPack.files().filter { $0.path.hasPrefix(prefix) }.map {
                (path: String($0.path.dropFirst(prefix.count)), contents: $0.contents)
            }
        } else {
            let folder = definition.file.lastIndex(of: "/").map { String(definition.file[..<$0]) } ?? "."
            files = try RuleFolderFiles.collect(policiesDirectory: folder)
            expectationsPath = folder + "/" + FixtureExpectations.fileName
        }
        return try examples(files: files, expectationsPath: expectationsPath)
    }

    /// The examples of one rule folder's files (paths relative to the folder), in
    /// `expected.yaml` order; `expectationsPath` names that file in errors.
    public static func examples(
        files: [(path: String, contents: String)], expectationsPath: String
    ) throws(InputError) -> [RuleExample] {
        guard let expectationsText = files.first(where: { $0.path == FixtureExpectations.fileName })?.contents
        else { return [] }
        let expectations = try FixtureExpectations.parse(expectationsText, file: expectationsPath)
        return expectations.map { expectation in
            let casePrefix = "fixtures/" + expectation.name + "/"
            let sources = files.filter { $0.path.hasPrefix(casePrefix) && isExample($0.path) }.map {
                RuleExampleFile(path: String($0.path.dropFirst(casePrefix.count)), contents: $0.contents)
            }
            return RuleExample(name: expectation.name, files: sources, expected: expectation.outcomes)
        }
    }

    /// Sources worth reading: Terraform and Dockerfiles, less the provider boilerplate every
    /// plan fixture repeats.
    private static func isExample(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (name.hasSuffix(".tf") && name != "provider.tf") || name == "Dockerfile"
    }
}
