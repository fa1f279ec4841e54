import Policy

/// Renders a parsed ``RuleDefinition`` as Swift source that rebuilds it, for the embedded pack.
///
/// Loading the built-in pack then costs a few allocations instead of a YAML parse, whose scalar
/// tag resolution runs regular expressions. Every field is written out, source positions and
/// exact expression text included, so the rebuilt value equals the parsed one.
enum DefinitionSource {
    /// A Swift expression of type `RuleDefinition`; `file` names a local holding the rule's path.
    static func render(_ definition: RuleDefinition, indent: String) -> String {
        let inner = indent + "    "
        let fields: [(String, String)] = [
            ("id", string(definition.id)),
            ("family", optional(definition.family, string)),
            ("title", string(definition.title)),
            ("description", string(definition.description)),
            ("rationale", optional(definition.rationale, string)),
            ("severity", caseName(definition.severity)),
            ("category", caseName(definition.category)),
            ("controls", list(definition.controls.map(control))),
            ("equivalents", equivalents(definition.equivalents)),
            ("status", caseName(definition.status)),
            ("input", caseName(definition.input)),
            ("selection", selection(definition.selection)),
            ("parameters", list(definition.parameters.map(parameter))),
            ("appliesIf", optional(definition.appliesIf, expression)),
            ("unknownIf", optional(definition.unknownIf, expression)),
            ("assertion", expression(definition.assertion)),
            ("severityCases", list(definition.severityCases.map(severityCase))),
            ("message", expression(definition.message)),
            ("remediation", string(definition.remediation)),
            ("file", "file"),
            ("unknownMessage", optional(definition.unknownMessage, expression)),
            ("attribute", optional(definition.attribute, expression)),
            ("noAttributeReason", optional(definition.noAttributeReason, string)),
            ("supersedes", list(definition.supersedes.map(reference))),
            ("reportLine", optional(definition.reportLine, expression)),
            ("token", optional(definition.token, expression)),
        ]
        let arguments = fields.map { inner + $0.0 + ": " + $0.1 }.joined(separator: ",\n")
        return "RuleDefinition(\n" + arguments + "\n" + indent + ")"
    }

    /// A Swift string literal with the same Unicode scalars as `text`.
    ///
    /// Everything outside printable ASCII is escaped, so the generated file's encoding and the
    /// compiler's handling of combining marks next to quotes cannot change the value.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out + "\""
    }

    /// The enum case as written in Swift (`.publicExposure`), which is what reflection prints.
    private static func caseName(_ value: some RawRepresentable) -> String {
        "." + String(describing: value)
    }

    private static func optional<Value>(_ value: Value?, _ render: (Value) -> String) -> String {
        value.map(render) ?? "nil"
    }

    private static func list(_ elements: [String]) -> String {
        "[" + elements.joined(separator: ", ") + "]"
    }

    private static func expression(_ source: ExpressionSource) -> String {
        "ExpressionSource(text: \(string(source.text)), file: file, line: \(source.line), column: \(source.column))"
    }

    private static func reference(_ reference: RuleReference) -> String {
        "RuleReference(id: \(string(reference.id)), line: \(reference.line), column: \(reference.column))"
    }

    private static func control(_ reference: ControlReference) -> String {
        "ControlReference(framework: \(caseName(reference.framework)), "
            + "version: \(optional(reference.version, string)), control: \(string(reference.control)))"
    }

    private static func equivalents(_ equivalents: RuleEquivalents) -> String {
        let strings = { (ids: [String]) in list(ids.map(string)) }
        return
            "RuleEquivalents(checkov: \(strings(equivalents.checkov)), trivy: \(strings(equivalents.trivy)), "
            + "kics: \(strings(equivalents.kics)), hadolint: \(strings(equivalents.hadolint)))"
    }

    private static func selection(_ selection: RuleSelection) -> String {
        switch selection {
        case .tfplan(let terraform):
            ".tfplan(TerraformSelection(resourceTypes: \(list(terraform.resourceTypes.map(string))), "
                + "each: \(optional(terraform.each, expression)), "
                + "providerConfigs: \(list(terraform.providerConfigs.map(string)))))"
        case .dockerfile(let dockerfile):
            ".dockerfile(DockerfileSelection(subject: \(caseName(dockerfile.subject)), "
                + "instructions: \(list(dockerfile.instructions.map(string)))))"
        }
    }

    private static func parameter(_ parameter: RuleParameter) -> String {
        "RuleParameter(name: \(string(parameter.name)), defaultValue: \(value(parameter.defaultValue)), "
            + "documentation: \(string(parameter.documentation)))"
    }

    private static func severityCase(_ severityCase: SeverityCase) -> String {
        "SeverityCase(condition: \(expression(severityCase.condition)), severity: \(caseName(severityCase.severity)))"
    }

    /// A parameter default; map keys are sorted so the output is stable.
    static func value(_ value: RuleValue) -> String {
        switch value {
        case .null: ".null"
        case .bool(let flag): ".bool(\(flag))"
        case .int(let number): ".int(\(number))"
        case .double(let number): ".double(\(double(number)))"
        case .string(let text): ".string(\(string(text)))"
        case .list(let elements): ".list(\(list(elements.map(Self.value))))"
        case .map(let entries) where entries.isEmpty: ".map([:])"
        case .map(let entries):
            ".map(["
                + entries.sorted { $0.key < $1.key }.map { string($0.key) + ": " + Self.value($0.value) }
                .joined(separator: ", ") + "])"
        }
    }

    /// A Double literal that reads back as the same value (`description` round-trips).
    static func double(_ number: Double) -> String {
        if number.isNaN { return "Double.nan" }
        if number.isInfinite { return number < 0 ? "-Double.infinity" : "Double.infinity" }
        return "\(number)"
    }
}
