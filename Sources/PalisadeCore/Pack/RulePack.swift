import Policy

/// Rules that could not be loaded or compiled; each error is `FILE:LINE:COL: message`.
public struct RulePackError: Error, Sendable {
    /// One error per problem.
    public var errors: [InputError]

    /// Creates an error from its problems.
    public init(errors: [InputError]) {
        self.errors = errors
    }
}

/// The built-in pack (embedded in the binary) plus custom policy folders, compiled once.
public struct RulePack: Sendable {
    /// Every loaded rule, compiled, sorted by id.
    public let rules: [Rule]
    /// The rule definitions as loaded.
    public let definitions: [RuleDefinition]
    /// SHA-256 of the built-in pack.
    public let digest: String

    /// The functions rule expressions may call.
    public static let functions: FunctionLibrary = FunctionLibrary.standard
        .adding(GeneralFunctions.overloads)
        .adding(NSGRuleExposure.overloads)
        .adding(PlanFunctions.overloads)
        .adding(DockerfileFunctions.overloads)
        .adding(KubernetesWorkloads.overloads + [PathCleaning.overload])

    /// The ids of the built-in rules, from the pack's folder names, without validating a rule:
    /// a Dockerfile scan that needs the ids (to judge a suppression comment) must not pay for
    /// reading every plan rule.
    public static var builtInIDs: Set<String> {
        EmbeddedPack.ruleIDs
    }

    /// The built-in rule definitions from the embedded pack.
    ///
    /// With `inputs`, only rules for those inputs are kept (a Dockerfile scan does not
    /// compile the plan rules); a rule's kind is its `input:` field. The rule files are read
    /// from the pack's JSON with the parser user rule files go through, so a built-in rule that
    /// is invalid is reported at its line and column like any other.
    public static func builtInDefinitions(
        for inputs: Set<RuleInput>? = nil
    ) throws(RulePackError) -> [RuleDefinition] {
        var definitions: [RuleDefinition] = []
        var errors: [InputError] = []
        let files: [EmbeddedPack.RuleFile]
        do throws(InputError) {
            files = try EmbeddedPack.ruleFiles(for: inputs)
        } catch {
            throw RulePackError(errors: [error])
        }
        for file in files {
            // Only a rule whose input field names another kind is skipped unread; one without a
            // valid input field is validated, which reports the problem.
            if let inputs, let input = file.input.flatMap(RuleInput.init(rawValue:)),
                !inputs.contains(input)
            {
                continue
            }
            do throws(RuleLoadError) {
                let definition = try RuleFileParser.parse(
                    file.root, file: "policies/" + file.path, origin: .builtIn)
                if let inputs, !inputs.contains(definition.input) { continue }
                definitions.append(definition)
            } catch {
                errors += error.diagnostics.map(Self.inputError)
            }
        }
        guard errors.isEmpty else { throw RulePackError(errors: errors) }
        return definitions.sorted { $0.id < $1.id }
    }

    /// Loads the built-in pack and the configuration's policy folders and compiles every rule.
    ///
    /// Custom rules are compiled now, so their errors are reported before any scan. Built-in
    /// expressions compile on first use, because a one-file scan never evaluates most messages
    /// or the rules of absent instructions; the pack's tests compile them all at once with
    /// ``compile(_:configuration:digest:)``.
    public static func load(
        configuration: Configuration, inputs: Set<RuleInput>? = nil
    ) throws(RulePackError) -> RulePack {
        let builtIn = try builtInDefinitions(for: inputs)
        var definitions = builtIn
        if !configuration.policyFolders.isEmpty {
            let custom: [RuleDefinition]
            do throws(RuleLoadError) {
                custom = try RulePackLoader.loadPack(
                    roots: configuration.policyFolders, origin: .custom,
                    reservedIDs: Set(definitions.map(\.id)))
            } catch {
                throw RulePackError(errors: error.diagnostics.map(Self.inputError))
            }
            // A misspelt aws type or attribute would otherwise make a rule that never matches.
            let schemaProblems = custom.flatMap { definition in
                AWSSchemaCheck.problems(
                    definition,
                    yaml: (try? FileSystem.read(definition.file)).map { String(decoding: $0, as: UTF8.self) })
            }
            guard schemaProblems.isEmpty else { throw RulePackError(errors: schemaProblems) }
            definitions += custom
        }
        let builtInCount = builtIn.count
        return try compile(
            definitions, configuration: configuration, digest: EmbeddedPack.digest,
            timing: { index in index < builtInCount ? .onFirstUse : .immediate })
    }

    /// Compiles definitions with the configuration's parameter overrides, every expression now.
    public static func compile(
        _ definitions: [RuleDefinition], configuration: Configuration, digest: String
    )
        throws(RulePackError) -> RulePack
    {
        try compile(definitions, configuration: configuration, digest: digest, timing: { _ in .immediate })
    }

    /// Compiles definitions, each when `timing` says (given its index in `definitions`).
    static func compile(
        _ definitions: [RuleDefinition], configuration: Configuration, digest: String,
        timing: (Int) -> CompilationTiming
    )
        throws(RulePackError) -> RulePack
    {
        var rules: [Rule] = []
        var errors: [InputError] = []
        for (index, definition) in definitions.enumerated() {
            do throws(InputError) {
                rules.append(
                    try RuleCompiler.compile(
                        definition, overrides: configuration.parameters[definition.id] ?? [:],
                        timing: timing(index), configurationFile: configuration.source))
            } catch {
                errors.append(error)
            }
        }
        errors += unknownSupersededRules(in: definitions)
        guard errors.isEmpty else { throw RulePackError(errors: errors) }
        return RulePack(rules: rules.sorted { $0.id < $1.id }, definitions: definitions, digest: digest)
    }

    /// The rules a run uses: active ones plus enabled opt-in ones, less disabled and skipped;
    /// `only` (when not empty) keeps just those ids, opt-in or not.
    public func selected(configuration: Configuration, only: [String], skip: [String]) -> [Rule] {
        let onlySet = Set(only.map { $0.uppercased() })
        let skipped = Set((skip + configuration.disabledRules).map { $0.uppercased() })
        let enabled = Set(configuration.enabledRules.map { $0.uppercased() })
        return rules.filter { rule in
            if skipped.contains(rule.id) { return false }
            if !onlySet.isEmpty { return onlySet.contains(rule.id) }
            switch rule.summary.status {
            case "active": return true
            case "opt-in": return enabled.contains(rule.id)
            default: return false
            }
        }
    }

    /// Every `supersedes` entry that names no rule: not among `definitions` and not a built-in
    /// rule (which a scan of one input kind leaves unloaded).
    static func unknownSupersededRules(in definitions: [RuleDefinition]) -> [InputError] {
        let known = Set(definitions.map(\.id)).union(builtInIDs)
        var errors: [InputError] = []
        for definition in definitions {
            for reference in definition.supersedes {
                let problem: String
                if reference.id == definition.id {
                    problem = "rule \(definition.id) cannot supersede itself"
                } else if !known.contains(reference.id) {
                    problem =
                        "supersedes names rule '\(reference.id)', which does not exist"
                        + NameSuggestion.hint(for: reference.id, among: known.sorted())
                } else {
                    continue
                }
                errors.append(
                    InputError(
                        file: definition.file, line: reference.line, column: reference.column,
                        message: problem))
            }
        }
        return errors
    }

    package static func inputError(_ diagnostic: RuleDiagnostic) -> InputError {
        InputError(
            file: diagnostic.file, line: diagnostic.line, column: diagnostic.column,
            message: diagnostic.message)
    }
}
