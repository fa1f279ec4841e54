import Yams

/// Parses and validates one rule file (the format docs/policy-language.md and
/// docs/schemas/rule.schema.json describe).
///
/// The format adds `family`, `rationale` and typed `select` and `params` blocks to the design.
/// Every problem is reported at FILE:LINE:COL; expressions are kept as text with their
/// positions, not compiled.
public enum RuleFileParser {
    /// Every key a rule file may contain.
    public static let keys = [
        "id", "family", "title", "description", "rationale", "severity", "category", "controls",
        "equivalents",
        "status", "input", "select", "params", "let", "applies_if", "unknown_if", "assert", "severity_cases",
        "message", "remediation", "unknown_message", "attribute", "no_attribute", "supersedes", "report_line",
        "token",
    ]

    /// The keys every rule file must contain (built-in rules must also have `family`).
    public static let requiredKeys = [
        "id", "title", "description", "severity", "category", "input", "select", "assert", "message",
        "remediation",
    ]

    /// Parses rule-file text; `file` is used in diagnostics and expression sources.
    public static func parse(
        yaml: String, file: String, origin: RuleOrigin
    ) throws(RuleLoadError)
        -> RuleDefinition
    {
        try parseLocated(yaml: yaml, file: file, origin: origin).definition
    }

    /// A rule together with where its id is written, for folder and pack checks.
    struct LocatedRule {
        let definition: RuleDefinition
        let idLine: Int
        let idColumn: Int
    }

    static func parseLocated(
        yaml: String, file: String, origin: RuleOrigin
    ) throws(RuleLoadError)
        -> LocatedRule
    {
        try parseLocated(try yamlRoot(yaml, file: file), file: file, origin: origin)
    }

    /// Composes YAML text into the node ``parse(_:file:origin:)`` reads, or reports why it is not
    /// a YAML document (an empty file included) at the position libyaml gives.
    public static func yamlRoot(_ yaml: String, file: String) throws(RuleLoadError) -> YAMLRuleNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw RuleLoadError([yamlDiagnostic(error, file: file)])
        }
        guard let root else {
            throw RuleLoadError([
                RuleDiagnostic(file: file, line: 1, column: 1, message: "rule file is empty")
            ])
        }
        return YAMLRuleNode(node: root, lines: yaml.split(separator: "\n", omittingEmptySubsequences: false))
    }

    /// Validates a rule file stored as JSON (the built-in pack); `file` is used in diagnostics and
    /// expression sources.
    ///
    /// The node type is concrete so that the validator is specialised for it: generic code
    /// called across modules resolves its types at run time, which made loading the pack 20
    /// times slower.
    public static func parse(
        _ root: JSONRuleNode, file: String, origin: RuleOrigin
    ) throws(RuleLoadError) -> RuleDefinition {
        try parseLocated(root, file: file, origin: origin).definition
    }

    static func parseLocated<Node: RuleFileNode>(
        _ root: Node, file: String, origin: RuleOrigin
    ) throws(RuleLoadError) -> LocatedRule {
        var validator = RuleFileValidator(reader: RuleFieldReader<Node>(file: file), origin: origin)
        let rule = validator.validate(root)
        guard let rule, validator.reader.diagnostics.isEmpty else {
            var diagnostics = validator.reader.diagnostics
            if diagnostics.isEmpty {
                diagnostics.append(
                    RuleDiagnostic(file: file, line: 1, column: 1, message: "invalid rule file"))
            }
            throw RuleLoadError(diagnostics)
        }
        return rule
    }

    /// Turns a Yams error into a diagnostic at the position libyaml reported.
    private static func yamlDiagnostic(_ error: any Error, file: String) -> RuleDiagnostic {
        func at(_ mark: Mark, _ message: String) -> RuleDiagnostic {
            RuleDiagnostic(file: file, line: max(mark.line, 1), column: max(mark.column, 1), message: message)
        }
        guard let error = error as? YamlError else {
            return RuleDiagnostic(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            return at(mark, "invalid YAML: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return at(
                context.mark, "key \(names) appears more than once in this mapping (first occurrence here)")
        case .reader(let problem, _, _, _):
            return RuleDiagnostic(file: file, line: 1, column: 1, message: "unreadable YAML text: \(problem)")
        default:
            return RuleDiagnostic(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }
}

/// Checks the fields of one rule file and builds the definition, collecting diagnostics.
private struct RuleFileValidator<Node: RuleFileNode> {
    var reader: RuleFieldReader<Node>
    let origin: RuleOrigin

    mutating func validate(_ root: Node) -> RuleFileParser.LocatedRule? {
        var required = RuleFileParser.requiredKeys
        if origin == .builtIn { required.insert("family", at: 1) }
        guard
            let fields = reader.fields(
                of: root, what: "the rule file", allowed: RuleFileParser.keys, required: required)
        else { return nil }

        let input = fields["input"].flatMap { reader.choice($0, field: "input", as: RuleInput.self) }
        let id = fields["id"].flatMap { checkID($0, input: input) }
        let family = fields["family"].flatMap { checkFamily($0) }
        let title = fields["title"].flatMap { checkTitle($0) }
        let description = fields["description"].flatMap { reader.nonEmptyString($0, field: "description") }
        let rationale = fields["rationale"].flatMap { reader.nonEmptyString($0, field: "rationale") }
        let severity = fields["severity"].flatMap {
            reader.choice($0, field: "severity", as: RuleSeverity.self)
        }
        let category = fields["category"].flatMap {
            reader.choice($0, field: "category", as: RuleCategory.self)
        }
        let controls = fields["controls"].flatMap { checkControls($0) } ?? []
        let equivalents = fields["equivalents"].flatMap { checkEquivalents($0) } ?? RuleEquivalents()
        let status =
            fields["status"].map { reader.choice($0, field: "status", as: RuleStatus.self) } ?? .active
        let selection = fields["select"].flatMap { node in input.flatMap { checkSelection(node, input: $0) } }
        let parameters = fields["params"].flatMap { checkParameters($0) } ?? []
        let definitions = fields["let"].flatMap { checkDefinitions($0) } ?? []
        let appliesIf = fields["applies_if"].flatMap { reader.expression($0, field: "applies_if") }
        let unknownIf = fields["unknown_if"].flatMap { reader.expression($0, field: "unknown_if") }
        let assertion = fields["assert"].flatMap { reader.expression($0, field: "assert") }
        let severityCases = fields["severity_cases"].flatMap { checkSeverityCases($0) } ?? []
        let message = fields["message"].flatMap { reader.expression($0, field: "message") }
        let remediation = fields["remediation"].flatMap { reader.nonEmptyString($0, field: "remediation") }
        let unknownMessage = fields["unknown_message"].flatMap {
            reader.expression($0, field: "unknown_message")
        }
        let attribute = fields["attribute"].flatMap { reader.expression($0, field: "attribute") }
        let noAttribute = fields["no_attribute"].flatMap { reader.nonEmptyString($0, field: "no_attribute") }
        let supersedes = fields["supersedes"].flatMap { checkSupersedes($0) } ?? []
        let reportLine = fields["report_line"].flatMap { reader.expression($0, field: "report_line") }
        let token = fields["token"].flatMap { reader.expression($0, field: "token") }
        if input == .tfplan {
            for key in ["report_line", "token"] {
                if let node = fields[key] {
                    reader.report(
                        "'\(key)' is for Dockerfile rules; plan findings are located by attribute", at: node)
                }
            }
        }
        if input == .dockerfile {
            for key in ["attribute", "no_attribute"] {
                if let node = fields[key] {
                    reader.report(
                        "'\(key)' is for plan rules; Dockerfile findings are located by line", at: node)
                }
            }
        }

        guard let id, let title, let description, let severity, let category, let status, let input,
            let selection, let assertion, let message, let remediation, let idNode = fields["id"]
        else { return nil }
        let definition = RuleDefinition(
            id: id, family: family, title: title, description: description, rationale: rationale,
            severity: severity, category: category, controls: controls, equivalents: equivalents,
            status: status, input: input, selection: selection, parameters: parameters,
            appliesIf: appliesIf, unknownIf: unknownIf, assertion: assertion, severityCases: severityCases,
            message: message, remediation: remediation, file: reader.file, unknownMessage: unknownMessage,
            attribute: attribute, noAttributeReason: noAttribute, supersedes: supersedes,
            reportLine: reportLine,
            token: token, definitions: definitions)
        let idPosition = idNode.position
        return RuleFileParser.LocatedRule(
            definition: definition, idLine: idPosition.line, idColumn: idPosition.column)
    }

    // MARK: - Identity and text

    /// `supersedes: [ID, ...]`: ids shaped like rule ids; whether they exist is checked with the pack.
    private mutating func checkSupersedes(_ node: Node) -> [RuleReference]? {
        guard let entries = reader.stringList(node, field: "supersedes") else { return nil }
        return entries.map { entry in
            let position = entry.node.position
            return RuleReference(id: entry.text, line: position.line, column: position.column)
        }
    }

    private mutating func checkID(_ node: Node, input: RuleInput?) -> String? {
        guard let id = reader.nonEmptyString(node, field: "id") else { return nil }
        switch origin {
        case .builtIn:
            if let problem = RuleIdentifier.builtInProblem(id) {
                reader.report(problem, at: node)
                return nil
            }
            if let input, let expected = RuleIdentifier.builtInInput(of: id), expected != input {
                reader.report(
                    "rule id '\(id)' is for \(expected.rawValue) rules, but input is \(input.rawValue)",
                    at: node)
                return nil
            }
        case .custom:
            guard RuleIdentifier.isCustom(id) else {
                reader.report(
                    "invalid rule id '\(id)': use upper-case letters and digits in dash-separated parts, "
                        + "such as ACME-S3-001", at: node)
                return nil
            }
        }
        return id
    }

    /// Families are dotted lower-case names such as `container.privileged`.
    private mutating func checkFamily(_ node: Node) -> String? {
        guard let family = reader.nonEmptyString(node, field: "family") else { return nil }
        // Checked on UTF-8 bytes: Character properties are slow, and every byte outside ASCII
        // makes the name invalid anyway.
        func isLowercaseLetter(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let parts = family.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let valid =
            parts.allSatisfy { part in
                guard let first = part.first, isLowercaseLetter(first) || isDigit(first) else { return false }
                return part.allSatisfy {
                    isLowercaseLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
                }
            } && (parts.first?.first.map(isLowercaseLetter) ?? false)
        guard valid else {
            reader.report(
                "invalid family '\(family)': use dotted lower-case names such as container.privileged",
                at: node)
            return nil
        }
        return family
    }

    private mutating func checkTitle(_ node: Node) -> String? {
        guard let title = reader.nonEmptyString(node, field: "title") else { return nil }
        if title.contains(where: \.isNewline) {
            reader.report("title must be a single line", at: node)
        } else if title.first?.isWhitespace == true || title.last?.isWhitespace == true {
            reader.report("title must not start or end with spaces", at: node)
        } else if title.hasSuffix(".") {
            reader.report("title must not end with a period", at: node)
        } else {
            return title
        }
        return nil
    }

    // MARK: - Controls and equivalents

    private mutating func checkControls(_ node: Node) -> [ControlReference]? {
        guard let entries = reader.stringList(node, field: "controls") else { return nil }
        var result: [ControlReference] = []
        for entry in entries {
            switch ControlReference.parse(entry.text) {
            case .success(let reference):
                if result.contains(reference) {
                    reader.report("duplicate control '\(entry.text)'", at: entry.node)
                } else {
                    result.append(reference)
                }
            case .failure(let failure):
                reader.report(controlProblemMessage(entry.text, failure.problem), at: entry.node)
            }
        }
        return result
    }

    private func controlProblemMessage(_ text: String, _ problem: ControlReference.Problem) -> String {
        let frameworks = ControlFramework.allCases.map(\.rawValue)
        switch problem {
        case .missingColon:
            return "invalid control '\(text)': write FRAMEWORK:ID, such as NIST-800-190:4.3.2"
        case .unknownFramework(let name):
            return "unknown control framework '\(name)' in '\(text)'; expected one of "
                + frameworks.joined(separator: ", ") + NameSuggestion.hint(for: name, among: frameworks)
        case .invalidVersion(let version):
            return "invalid framework version '\(version)' in '\(text)': write it as digits and dots, "
                + "such as CIS-AWS-3.0 (NIST-800-190 takes none)"
        case .invalidControl(let control):
            return "invalid control number '\(control)' in '\(text)': use letters and digits separated by "
                + "dots, such as 4.3.2"
        }
    }

    private mutating func checkEquivalents(_ node: Node) -> RuleEquivalents? {
        guard
            let fields = reader.fields(
                of: node, what: "equivalents", allowed: RuleEquivalents.scanners, required: [])
        else { return nil }
        func ids(_ scanner: String) -> [String] {
            fields[scanner].flatMap { reader.stringList($0, field: "equivalents.\(scanner)") }?.map(\.text)
                ?? []
        }
        return RuleEquivalents(
            checkov: ids("checkov"), trivy: ids("trivy"), kics: ids("kics"), hadolint: ids("hadolint"))
    }

    // MARK: - Selection

    private static var terraformSelectKeys: [String] { ["resources", "each", "provider_configs"] }
    private static var dockerfileSelectKeys: [String] { ["subject", "instructions"] }

    private mutating func checkSelection(_ node: Node, input: RuleInput) -> RuleSelection? {
        let (ownKeys, otherKeys) =
            input == .tfplan
            ? (Self.terraformSelectKeys, Self.dockerfileSelectKeys)
            : (Self.dockerfileSelectKeys, Self.terraformSelectKeys)
        // Keys of the other input kind get a message that names the real mistake.
        if node.kind == .mapping {
            for (key, _) in node.entries {
                if let name = key.scalarText, otherKeys.contains(name) {
                    let other = input == .tfplan ? RuleInput.dockerfile : .tfplan
                    reader.report(
                        "'\(name)' selects \(other.rawValue) subjects, but this rule's input is \(input.rawValue); "
                            + "use \(ownKeys.joined(separator: ", "))", at: key)
                }
            }
        }
        let required = input == .dockerfile ? ["subject"] : []
        guard
            let fields = reader.fields(
                of: node, what: "select", allowed: ownKeys + otherKeys, required: required)
        else { return nil }
        if otherKeys.contains(where: { fields[$0] != nil }) { return nil }
        switch input {
        case .tfplan: return checkTerraformSelection(fields).map(RuleSelection.tfplan)
        case .dockerfile: return checkDockerfileSelection(fields).map(RuleSelection.dockerfile)
        }
    }

    private mutating func checkTerraformSelection(
        _ fields: RuleFieldReader<Node>.Fields
    ) -> TerraformSelection? {
        let resources = fields["resources"].flatMap {
            checkNames($0, field: "resources", example: "aws_s3_bucket")
        }
        let providers = fields["provider_configs"].flatMap {
            checkNames($0, field: "provider_configs", example: "aws")
        }
        let each = fields["each"].flatMap { reader.expression($0, field: "each") }
        switch (fields["resources"], fields["provider_configs"]) {
        case (nil, nil):
            reader.report("select for a tfplan rule needs 'resources' or 'provider_configs'", at: fields.node)
            return nil
        case (.some, .some(let providerNode)):
            reader.report(
                "use either 'resources' or 'provider_configs' in select, not both", at: providerNode)
            return nil
        case (nil, .some):
            if let eachNode = fields["each"] {
                reader.report(
                    "'each' needs 'resources'; provider configurations have no elements", at: eachNode)
                return nil
            }
        case (.some, nil): break
        }
        guard resources != nil || providers != nil else { return nil }
        if fields["each"] != nil && each == nil { return nil }
        return TerraformSelection(
            resourceTypes: resources ?? [], each: each, providerConfigs: providers ?? [])
    }

    /// Lower-case names with underscores, as Terraform spells resource types and providers.
    private mutating func checkNames(_ node: Node, field: String, example: String) -> [String]? {
        guard let entries = reader.stringList(node, field: field) else { return nil }
        guard !entries.isEmpty else {
            reader.report("'\(field)' must list at least one name, such as \(example)", at: node)
            return nil
        }
        var valid = true
        for entry in entries {
            let text = entry.text
            let wellFormed =
                (text.first.map { $0.isASCIILetter && $0.isLowercase } ?? false)
                && text.allSatisfy { ($0.isASCIILetter && $0.isLowercase) || $0.isASCIIDigit || $0 == "_" }
            if !wellFormed {
                reader.report(
                    "invalid name '\(text)' in '\(field)': use lower-case letters, digits and '_', such as \(example)",
                    at: entry.node)
                valid = false
            }
        }
        return valid ? entries.map(\.text) : nil
    }

    private mutating func checkDockerfileSelection(
        _ fields: RuleFieldReader<Node>.Fields
    ) -> DockerfileSelection? {
        guard let subjectNode = fields["subject"],
            let subject = reader.choice(subjectNode, field: "subject", as: DockerfileSubject.self)
        else { return nil }
        guard let instructionsNode = fields["instructions"] else {
            if subject == .instruction {
                reader.report(
                    "subject 'instruction' needs 'instructions', a list of keywords such as [RUN]",
                    at: fields.node)
                return nil
            }
            return DockerfileSelection(subject: subject, instructions: [])
        }
        guard subject == .instruction else {
            reader.report("'instructions' only applies to subject 'instruction'", at: instructionsNode)
            return nil
        }
        guard let entries = reader.stringList(instructionsNode, field: "instructions") else { return nil }
        guard !entries.isEmpty else {
            reader.report("'instructions' must list at least one keyword, such as RUN", at: instructionsNode)
            return nil
        }
        var keywords: [String] = []
        for entry in entries {
            guard DockerfileSelection.keywords.contains(entry.text) else {
                reader.report(
                    "unknown Dockerfile instruction '\(entry.text)'; use upper-case keywords such as RUN"
                        + NameSuggestion.hint(for: entry.text, among: DockerfileSelection.keywords),
                    at: entry.node)
                continue
            }
            keywords.append(entry.text)
        }
        return keywords.count == entries.count
            ? DockerfileSelection(subject: subject, instructions: keywords) : nil
    }

    // MARK: - Parameters and graded severity

    /// Whether `name` can be read as a variable or field of an expression (`params.name`):
    /// ASCII letters, digits and `_`, not starting with a digit.
    private static func isIdentifier(_ name: String) -> Bool {
        (name.first.map { $0.isASCIILetter || $0 == "_" } ?? false)
            && name.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" }
    }

    private mutating func checkParameters(_ node: Node) -> [RuleParameter]? {
        guard let entries = reader.namedEntries(of: node, what: "params") else { return nil }
        var result: [RuleParameter] = []
        for entry in entries {
            let name = entry.name
            let validName = Self.isIdentifier(name)
            if !validName {
                reader.report(
                    "invalid parameter name '\(name)': use letters, digits and '_' (it is read as params.\(name))",
                    at: entry.key)
            }
            guard
                let fields = reader.fields(
                    of: entry.value, what: "parameter '\(name)'", allowed: ["default", "doc"],
                    required: ["default", "doc"])
            else { continue }
            let value = fields["default"].flatMap { reader.value($0) }
            let doc = fields["doc"].flatMap { reader.nonEmptyString($0, field: "doc") }
            if validName, let value, let doc {
                result.append(RuleParameter(name: name, defaultValue: value, documentation: doc))
            }
        }
        return result.sorted { $0.name < $1.name }
    }

    /// `let: {name: expression}`: names shaped like variables, each bound to an expression.
    ///
    /// Whether a name collides with the rule's variables or functions, and whether the
    /// expressions compile, is checked when the rule compiles (``RuleCompiler``), which knows them.
    private mutating func checkDefinitions(_ node: Node) -> [RuleLetDefinition]? {
        guard let entries = reader.namedEntries(of: node, what: "let") else { return nil }
        var result: [RuleLetDefinition] = []
        for entry in entries {
            let name = entry.name
            guard Self.isIdentifier(name) else {
                reader.report(
                    "invalid name '\(name)' in let: use letters, digits and '_', not starting with a digit",
                    at: entry.key)
                continue
            }
            if let source = reader.expression(entry.value, field: "let \(name)") {
                result.append(RuleLetDefinition(name: name, source: source))
            }
        }
        return result
    }

    private mutating func checkSeverityCases(_ node: Node) -> [SeverityCase]? {
        guard node.kind == .sequence else {
            reader.report("'severity_cases' must be a list, found \(reader.describe(node))", at: node)
            return nil
        }
        var result: [SeverityCase] = []
        for element in node.elements {
            guard
                let fields = reader.fields(
                    of: element, what: "a severity case", allowed: ["if", "severity"],
                    required: ["if", "severity"])
            else { continue }
            let condition = fields["if"].flatMap { reader.expression($0, field: "if") }
            let severity = fields["severity"].flatMap {
                reader.choice($0, field: "severity", as: RuleSeverity.self)
            }
            if let condition, let severity {
                result.append(SeverityCase(condition: condition, severity: severity))
            }
        }
        return result
    }
}
