/// One rule, as loaded and validated from a rule file (docs/policy-language.md); expressions not compiled.
public struct RuleDefinition: Sendable, Equatable {
    /// The permanent id, such as `AWS-RDS-001` or `DF001`.
    public let id: String
    /// The cross-platform family, such as `image.unpinned`: rules for different platforms that
    /// check the same thing share it.
    public let family: String?
    /// A one-line title with no trailing period.
    public let title: String
    /// Why the rule matters, in a paragraph.
    public let description: String
    /// Optional longer background.
    public let rationale: String?
    /// The headline severity; `severityCases` may grade it per subject.
    public let severity: RuleSeverity
    /// The category from the fixed list.
    public let category: RuleCategory
    /// Compliance controls the rule covers.
    public let controls: [ControlReference]
    /// Rule ids of other scanners that cover the same ground.
    public let equivalents: RuleEquivalents
    /// Whether the rule runs by default.
    public let status: RuleStatus
    /// The kind of input.
    public let input: RuleInput
    /// What one subject is.
    public let selection: RuleSelection
    /// Parameters, sorted by name.
    public let parameters: [RuleParameter]
    /// When present and false for a subject, the rule does not apply to it.
    public let appliesIf: ExpressionSource?
    /// When present and true for a subject, the outcome is unknown.
    public let unknownIf: ExpressionSource?
    /// The condition that must hold; false means the subject fails (`assert` in the file).
    public let assertion: ExpressionSource
    /// Graded severities; the first case whose condition holds wins.
    public let severityCases: [SeverityCase]
    /// The finding message template; `{{...}}` placeholders are filled by the engine.
    public let message: ExpressionSource
    /// How to fix a finding.
    public let remediation: String
    /// The rule file's path.
    public let file: String
    /// The reason template of an unknown outcome, with the same placeholders as `message`.
    public let unknownMessage: ExpressionSource?
    /// The attribute path a plan finding points at (a template), relative to the element for
    /// per-element rules; empty when rendered means none.
    public let attribute: ExpressionSource?
    /// Why some plan findings of the rule name no attribute (a missing companion resource).
    public let noAttributeReason: String?
    /// Rules whose failure on the same subject and element this rule's failure replaces.
    public let supersedes: [RuleReference]
    /// The 1-based line a Dockerfile finding points at instead of the subject's first line.
    public let reportLine: ExpressionSource?
    /// The offending token's text (a template): the text report's caret points at it.
    public let token: ExpressionSource?
    /// Named sub-expressions (`let:` in the file), in file order: every other expression of the
    /// rule may name them, and an evaluation computes each at most once.
    public let definitions: [RuleLetDefinition]

    /// Creates a rule definition; the loader is the usual way to get one.
    public init(
        id: String, family: String?, title: String, description: String, rationale: String?,
        severity: RuleSeverity, category: RuleCategory, controls: [ControlReference],
        equivalents: RuleEquivalents, status: RuleStatus, input: RuleInput, selection: RuleSelection,
        parameters: [RuleParameter], appliesIf: ExpressionSource?, unknownIf: ExpressionSource?,
        assertion: ExpressionSource, severityCases: [SeverityCase], message: ExpressionSource,
        remediation: String, file: String, unknownMessage: ExpressionSource? = nil,
        attribute: ExpressionSource? = nil, noAttributeReason: String? = nil,
        supersedes: [RuleReference] = [],
        reportLine: ExpressionSource? = nil, token: ExpressionSource? = nil,
        definitions: [RuleLetDefinition] = []
    ) {
        self.id = id
        self.family = family
        self.title = title
        self.description = description
        self.rationale = rationale
        self.severity = severity
        self.category = category
        self.controls = controls
        self.equivalents = equivalents
        self.status = status
        self.input = input
        self.selection = selection
        self.parameters = parameters
        self.appliesIf = appliesIf
        self.unknownIf = unknownIf
        self.assertion = assertion
        self.severityCases = severityCases
        self.message = message
        self.remediation = remediation
        self.file = file
        self.unknownMessage = unknownMessage
        self.attribute = attribute
        self.noAttributeReason = noAttributeReason
        self.supersedes = supersedes
        self.reportLine = reportLine
        self.token = token
        self.definitions = definitions
    }
}

/// Another rule's id as a rule file writes it, with its position for diagnostics.
public struct RuleReference: Sendable, Equatable {
    /// The referenced rule's id.
    public let id: String
    /// The 1-based line where the id is written.
    public let line: Int
    /// The 1-based column where the id is written.
    public let column: Int

    /// Creates a reference.
    public init(id: String, line: Int, column: Int) {
        self.id = id
        self.line = line
        self.column = column
    }
}

/// A graded severity: when `condition` holds for a subject, its finding has `severity`.
public struct SeverityCase: Sendable, Equatable {
    /// The condition (`if` in the file).
    public let condition: ExpressionSource
    /// The severity to report when the condition holds.
    public let severity: RuleSeverity

    /// Creates a case.
    public init(condition: ExpressionSource, severity: RuleSeverity) {
        self.condition = condition
        self.severity = severity
    }
}

/// Where a rule comes from, which decides how strictly its id is checked.
public enum RuleOrigin: Sendable, Equatable {
    /// The built-in pack: ids follow the built-in scheme (`DF001`, `AWS-S3-001`; see
    /// ``RuleIdentifier``), match the input kind, and `family` is required.
    case builtIn
    /// A user's policy folder: any upper-case dashed id that no built-in rule uses.
    case custom
}

/// One named sub-expression of a rule (`let: {name: expression}`).
public struct RuleLetDefinition: Sendable, Equatable {
    /// The name other expressions use, a variable-like identifier.
    public let name: String
    /// The expression it stands for.
    public let source: ExpressionSource

    /// Creates a definition from its name and expression.
    public init(name: String, source: ExpressionSource) {
        self.name = name
        self.source = source
    }
}
