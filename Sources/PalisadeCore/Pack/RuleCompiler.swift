import Policy

/// Turns a rule definition into a ``Rule``: checks and compiles every expression once.
enum RuleCompiler {
    /// The variables a rule's expressions may use, by input and subject.
    static func variables(for definition: RuleDefinition) -> [String] {
        switch definition.selection {
        case .tfplan(let selection):
            if !selection.providerConfigs.isEmpty { return ["provider", "variables", "params", "address"] }
            return selection.each == nil
                ? ["resource", "params", "address"] : ["resource", "item", "params", "address"]
        case .dockerfile(let selection):
            switch selection.subject {
            case .file: return ["file", "params"]
            case .stage, .finalStage: return ["file", "stage", "params"]
            case .instruction: return ["file", "stage", "instruction", "params"]
            case .imageRef: return ["file", "image_ref", "params"]
            }
        }
    }

    /// Compiles the rule's expressions now, or on first use with `.onFirstUse` (for rules whose
    /// expressions are known to compile); parameter overrides are checked now either way, and
    /// their errors name `configurationFile`, the config that sets them, when it is known.
    static func compile(
        _ definition: RuleDefinition, overrides: [String: ConfigValue],
        timing: CompilationTiming = .immediate, configurationFile: String? = nil
    ) throws(InputError) -> Rule {
        let variables = variables(for: definition)
        func parameterValues(overriding: Bool) -> Value {
            .map(
                ValueMap(
                    definition.parameters.map { parameter in
                        let override = overriding ? overrides[parameter.name] : nil
                        return (
                            parameter.name, override.map(Self.value) ?? Self.value(parameter.defaultValue)
                        )
                    }))
        }
        let overridden = overrides.keys.sorted()
        for name in overridden where !definition.parameters.contains(where: { $0.name == name }) {
            throw InputError(
                file: configurationFile ?? definition.file,
                message: "params: rule \(definition.id) has no parameter '\(name)'"
                    + NameSuggestion.hint(for: name, among: definition.parameters.map(\.name)))
        }
        // Every evaluation binds `params` to this value, so the expressions are compiled with it.
        // A value the config sets is so checked where the rule uses it (a pattern must be a
        // regular expression) when the rule loads, and its problem is reported then, as the
        // config's.
        let parameters = parameterValues(overriding: true)
        func makeEnvironment(parameters: Value, timing: CompilationTiming) -> Environment {
            Environment(
                variables: variables, functions: RulePack.functions,
                definitions: Dictionary(definition.definitions.map { ($0.name, $0.source.text) }) {
                    first, _ in
                    first
                },
                constants: ["params": parameters], compilationTiming: timing)
        }
        let environment = makeEnvironment(
            parameters: parameters, timing: overridden.isEmpty ? timing : .immediate)
        /// The error `compile` met in `source` with the config's params: the config's when the
        /// rule's own defaults compile it, else the rule's.
        func positioned(
            _ error: PolicyError, in source: ExpressionSource,
            compile: (Environment) throws(PolicyError) -> Void
        ) -> InputError {
            let located = Self.positioned(error, in: source)
            guard !overridden.isEmpty,
                (try? compile(
                    makeEnvironment(parameters: parameterValues(overriding: false), timing: .immediate)))
                    != nil
            else { return located }
            let place = [located.line, located.column].compactMap { $0.map(String.init) }
            return InputError(
                file: configurationFile ?? definition.file,
                message: "params: \(definition.id) " + overridden.joined(separator: ", ")
                    + ": \(error.message)"
                    + " (where the rule uses it: " + ([located.file] + place).joined(separator: ":") + ")")
        }
        func compiled(_ source: ExpressionSource) throws(InputError) -> CompiledExpression {
            do throws(PolicyError) {
                return try Expression.compile(source.text, environment: environment)
            } catch {
                throw positioned(error, in: source) { environment throws(PolicyError) in
                    _ = try Expression.compile(source.text, environment: environment)
                }
            }
        }
        try checkDefinitions(of: definition, variables: variables, compiling: compiled)
        let selection: Selection
        var each: CompiledExpression?
        var eachPath: String?
        switch definition.selection {
        case .tfplan(let terraform):
            if !terraform.providerConfigs.isEmpty {
                selection = .providerConfigs(names: terraform.providerConfigs)
            } else {
                selection = .resources(types: terraform.resourceTypes)
            }
            if let source = terraform.each {
                each = try compiled(source)
                eachPath = attributePath(ofEach: source.text)
            }
        case .dockerfile(let dockerfile):
            selection = .dockerfile(
                subject: DockerfileSubjectKind(rawValue: dockerfile.subject.rawValue) ?? .file,
                instructions: dockerfile.instructions.map { $0.uppercased() })
        }
        func template(_ source: ExpressionSource) throws(InputError) -> MessageTemplate {
            do throws(PolicyError) {
                return try MessageTemplate(source.text, environment: environment)
            } catch {
                throw positioned(error, in: source) { environment throws(PolicyError) in
                    _ = try MessageTemplate(source.text, environment: environment)
                }
            }
        }
        let message = try template(definition.message)
        var severityCases: [(condition: CompiledExpression, severity: Severity)] = []
        for severityCase in definition.severityCases {
            severityCases.append(
                (
                    try compiled(severityCase.condition),
                    severityCase.severity
                ))
        }
        var equivalents: [String: [String]] = [:]
        for (tool, ids) in [
            ("checkov", definition.equivalents.checkov), ("trivy", definition.equivalents.trivy),
            ("kics", definition.equivalents.kics), ("hadolint", definition.equivalents.hadolint),
        ] where !ids.isEmpty {
            equivalents[tool] = ids
        }
        let summary = RuleSummary(
            id: definition.id, title: definition.title,
            severity: definition.severity,
            category: definition.category.rawValue, input: definition.input.rawValue,
            status: definition.status.rawValue,
            controls: definition.controls.map(\.description), equivalents: equivalents,
            description: definition.description,
            remediation: definition.remediation)
        return Rule(
            summary: summary, family: definition.family ?? "",
            input: definition.input,
            selection: selection, each: each, eachPath: eachPath,
            attribute: try definition.attribute.map(template),
            noAttributeReason: definition.noAttributeReason,
            appliesIf: try definition.appliesIf.map(compiled),
            unknownIf: try definition.unknownIf.map(compiled),
            assertion: try compiled(definition.assertion), severityCases: severityCases, message: message,
            unknownMessage: try definition.unknownMessage.map(template),
            supersedes: definition.supersedes.map(\.id), reportLine: try definition.reportLine.map(compiled),
            token: try definition.token.map(template),
            parameters: parameters)
    }

    /// Checks the rule's `let:` names, and compiles each definition on its own so that a problem
    /// inside one is placed in its own text (a use reports it at the use).
    ///
    /// A name may not be given twice, nor be a variable of the rule's input (which it would
    /// hide), a function or a macro, and some other expression of the rule must read it: an
    /// unused definition is most often a misspelt use.
    private static func checkDefinitions(
        of definition: RuleDefinition, variables: [String],
        compiling compiled: (ExpressionSource) throws(InputError) -> CompiledExpression
    ) throws(InputError) {
        var seen: Set<String> = []
        // What each expression reads, parsed once; nil for text that does not parse, which counts
        // as reading every name (the compiler reports that text's problem).
        let expressionReads = expressionTexts(of: definition).map(IdentifierReader.identifiers)
        let definitionReads = definition.definitions.map { IdentifierReader.identifiers(in: $0.source.text) }
        var each: ExpressionSource?
        if case .tfplan(let selection) = definition.selection { each = selection.each }
        let eachReads = each.flatMap { IdentifierReader.identifiers(in: $0.text) } ?? []
        for (position, item) in definition.definitions.enumerated() {
            let problem: String?
            if !seen.insert(item.name).inserted {
                problem = "is defined twice; choose another name"
            } else if variables.contains(item.name) {
                problem =
                    "is a variable of this rule's input (\(variables.joined(separator: ", "))); choose another name"
            } else if !RulePack.functions.overloads(named: item.name).isEmpty
                || Environment.isMacro(item.name)
            {
                problem = "is a function; choose another name"
            } else {
                let others =
                    expressionReads
                    + definitionReads.enumerated().filter { $0.offset != position }.map(\.element)
                problem =
                    others.contains { $0?.contains(item.name) ?? true }
                    ? nil : "is not used by any expression of the rule"
            }
            if let problem {
                throw InputError(
                    file: item.source.file, line: item.source.line, column: item.source.column,
                    message: "let '\(item.name)' \(problem)")
            }
            // `each` runs before any element is bound, and rules whose `each` reads alike share
            // its list: a definition there could differ between two rules with the same text.
            if let each, eachReads.contains(item.name) {
                throw InputError(
                    file: each.file, line: each.line, column: each.column,
                    message:
                        "select.each may not use let '\(item.name)': it is evaluated before the rule's other "
                        + "expressions and shared between rules; write the expression out there")
            }
            _ = try compiled(item.source)
        }
    }

    /// The expression texts of a rule, the `{{ ... }}` parts of its templates included and its
    /// `let:` definitions aside.
    private static func expressionTexts(of definition: RuleDefinition) -> [String] {
        var expressions = [definition.appliesIf, definition.unknownIf, definition.assertion]
        expressions += definition.severityCases.map(\.condition)
        if case .tfplan(let selection) = definition.selection { expressions.append(selection.each) }
        let templates = [
            definition.message, definition.unknownMessage, definition.attribute, definition.reportLine,
            definition.token,
        ]
        return expressions.compactMap { $0?.text }
            + templates.compactMap { $0?.text }.flatMap(AWSSchemaCheck.templateExpressions)
    }

    /// The attribute an `each` expression walks, for elements that do not carry their own path:
    /// the first `resource.values.<path>` it mentions (`json_decode(resource.values.x)` walks `x`).
    static func attributePath(ofEach text: String) -> String? {
        let prefix = "resource.values."
        guard let range = text.firstRange(of: prefix) else { return nil }
        let path = text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return path.isEmpty ? nil : String(path)
    }

    /// Maps an error inside an expression to its place in the rule file (see
    /// ``ExpressionSource/fileLocation(of:)``).
    static func positioned(_ error: PolicyError, in source: ExpressionSource) -> InputError {
        let (line, column) = source.fileLocation(of: error.position)
        return InputError(file: source.file, line: line, column: column, message: error.message)
    }

    static func value(_ value: RuleValue) -> Value {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(Int64(number))
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .list(let values): .list(values.map(Self.value))
        case .map(let entries):
            .map(ValueMap(entries.sorted { $0.key < $1.key }.map { ($0.key, Self.value($0.value)) }))
        }
    }

    static func value(_ value: ConfigValue) -> Value {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .list(let values): .list(values.map(Self.value))
        case .map(let entries): .map(ValueMap(entries.map { ($0.0, Self.value($0.1)) }))
        }
    }
}
