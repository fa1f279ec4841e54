import Policy

/// What one subject of a rule is.
public enum Selection: Sendable {
    /// Managed plan resources of these types, judged on their planned end state.
    case resources(types: [String])
    /// Provider configuration blocks of these provider names (`aws`).
    case providerConfigs(names: [String])
    /// A Dockerfile subject kind, with the instruction keywords for `instruction`.
    case dockerfile(subject: DockerfileSubjectKind, instructions: [String])
}

/// The kinds of Dockerfile subject a rule selects.
public enum DockerfileSubjectKind: String, Sendable {
    /// The whole file.
    case file
    /// Each stage.
    case stage
    /// The last stage, or the one `--target` names.
    case finalStage = "final_stage"
    /// Each image reference with its origin.
    case imageReference = "image_ref"
    /// Each instruction of the listed kinds.
    case instruction
}

/// A rule ready to run: metadata plus compiled expressions.
///
/// A class: every work item of a scan refers to its rule, and copying a reference is cheaper
/// than copying a dozen fields.
public final class Rule: Sendable {
    /// Metadata shown by reporters.
    public let summary: RuleSummary
    /// The cross-platform family (such as `image.unpinned`).
    public let family: String
    /// The rule vocabulary it is written in; documents of the kinds serving it are its inputs.
    public let input: RuleInput
    /// What a subject is.
    ///
    /// Built from plain fields when read (once per rule and input). Stored as the enum, its
    /// list sat in a multi-payload enum, whose case Swift keeps in the reference's spare high
    /// bits: LeakSanitizer saw no pointer there and reported the list of a Dockerfile rule's
    /// instructions as leaked (see `Fuzz/lsan.supp`).
    public var selection: Selection {
        switch selectionKind {
        case .resources: .resources(types: selectionNames)
        case .providerConfigs: .providerConfigs(names: selectionNames)
        case .dockerfile(let subject): .dockerfile(subject: subject, instructions: selectionNames)
        }
    }
    /// The case of ``selection``, without its list.
    private let selectionKind: SelectionKind
    /// The list of ``selection``: resource types, provider names or instruction keywords.
    private let selectionNames: [String]
    /// One subject per element of this list, bound as `item` (plan rules).
    let each: CompiledExpression?
    /// The attribute path `each` walks, such as `ingress`, prefixed to `[i]` in findings.
    let eachPath: String?
    /// The attribute a plan finding points at, relative to the element for per-element rules.
    let attribute: MessageTemplate?
    /// Why some plan findings name no attribute, as the rule states it.
    public let noAttributeReason: String?
    let appliesIf: CompiledExpression?
    let unknownIf: CompiledExpression?
    let assertion: CompiledExpression
    let severityCases: [(condition: CompiledExpression, severity: Severity)]
    let message: MessageTemplate
    /// The reason an unknown outcome gives, when the rule words it itself.
    let unknownMessage: MessageTemplate?
    /// Rule ids whose failure on the same subject and element this rule's failure replaces.
    public let supersedes: [String]
    /// The line a Dockerfile finding points at, when not the subject's first line.
    let reportLine: CompiledExpression?
    /// The offending token's text, for the caret of Dockerfile findings.
    let token: MessageTemplate?
    /// Parameter values after config overrides, bound as `params`.
    let parameters: Value
    /// The hash of ``id``, computed once: the engine keys each of the rule's evaluations by it.
    let idHash: Int

    init(
        summary: RuleSummary, family: String, input: RuleInput, selection: Selection,
        each: CompiledExpression?, eachPath: String?, attribute: MessageTemplate?, noAttributeReason: String?,
        appliesIf: CompiledExpression?, unknownIf: CompiledExpression?, assertion: CompiledExpression,
        severityCases: [(condition: CompiledExpression, severity: Severity)], message: MessageTemplate,
        unknownMessage: MessageTemplate?, supersedes: [String], reportLine: CompiledExpression?,
        token: MessageTemplate?, parameters: Value
    ) {
        self.summary = summary
        self.family = family
        self.input = input
        switch selection {
        case .resources(let types): (selectionKind, selectionNames) = (.resources, types)
        case .providerConfigs(let names): (selectionKind, selectionNames) = (.providerConfigs, names)
        case .dockerfile(let subject, let instructions):
            (selectionKind, selectionNames) = (.dockerfile(subject), instructions)
        }
        self.each = each
        self.eachPath = eachPath
        self.attribute = attribute
        self.noAttributeReason = noAttributeReason
        self.appliesIf = appliesIf
        self.unknownIf = unknownIf
        self.assertion = assertion
        self.severityCases = severityCases
        self.message = message
        self.unknownMessage = unknownMessage
        self.supersedes = supersedes
        self.reportLine = reportLine
        self.token = token
        self.parameters = parameters
        self.idHash = Subject.hash(of: summary.id)
    }

    /// The id.
    public var id: String { summary.id }

    /// The cases of ``Selection`` without their lists: none of them holds a reference.
    private enum SelectionKind {
        case resources
        case providerConfigs
        case dockerfile(DockerfileSubjectKind)
    }

    /// Compiles the expressions that decide every subject (`each`, `applies_if`, `unknown_if`
    /// and `assert`) if they were deferred to their first use.
    ///
    /// The engine calls it for the rules that have subjects, before their evaluation, so that a
    /// rule's compilation is not counted in the cost of its first subject. The expressions of
    /// findings (messages, attributes, severity cases) still compile when a first finding needs
    /// them: a rule that only passes never compiles them.
    func compileDecisions() {
        each?.compileIfDeferred()
        appliesIf?.compileIfDeferred()
        unknownIf?.compileIfDeferred()
        assertion.compileIfDeferred()
    }
}
