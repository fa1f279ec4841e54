/// How an attribute's expression builds its value from resource attributes, as far as the text
/// tells: what a plan cannot show when those attributes are known only after apply.
///
/// A plan records one list of references for a whole expression, and one unknown value for it:
/// it cannot say which element of `[b.arn, "${b.arn}/*"]` is the bucket and which its objects,
/// nor what the rest of a `jsonencode(...)` around one unknown value is.
public enum HCLBuiltValue: Sendable, Equatable {
    /// A list literal: each element a template (see ``HCLTemplates``), nil for an element of
    /// another kind.
    case list([[HCLTemplatePart]?])
    /// `jsonencode(...)` of literals, templates and references (see ``HCLLiterals``).
    case jsonEncoded(HCLLiteral)
    /// One quoted template or heredoc.
    case template([HCLTemplatePart])
    /// `compact([...])` of elements chosen by module variables (see ``HCLChoice``).
    case compacted([HCLChoice])
    /// A module call's argument that is one attribute of a resource or data source
    /// (`policy = data.aws_iam_policy_document.bucket.json`), as written.
    case traversal(String)
    /// An expression over local values, module variables and attributes (see
    /// ``HCLExpression``): a resource attribute that reads a local value, calls `replace()` or
    /// chooses between branches, or the value of a `locals` entry.
    case expression(HCLExpression)

    /// How the expression `tokens` (line breaks included) builds its value, when it is one of
    /// the forms above and refers to a resource attribute, or an ``HCLExpression`` that reads a
    /// local value, calls `replace()` or chooses; nil otherwise, since the plan knows a value
    /// built of constants itself.
    static func read(_ tokens: [HCLToken]) -> HCLBuiltValue? {
        let valueTokens = tokens.filter { $0.kind != .newline }
        guard let first = valueTokens.first else { return nil }
        let built: HCLBuiltValue?
        switch first.kind {
        case .open where first.text == "[":
            built = HCLTemplates.listElements(valueTokens).map(HCLBuiltValue.list)
        case .identifier where first.text == "jsonencode":
            built = HCLLiterals.jsonEncodedArgument(tokens).map(HCLBuiltValue.jsonEncoded)
        case .identifier where first.text == "compact":
            built = HCLChoiceLists.compactedElements(valueTokens).map(HCLBuiltValue.compacted)
        // Most strings interpolate nothing: not parsed again.
        case .quotedString, .heredoc:
            built =
                valueTokens.count == 1 && first.text.contains("${")
                ? HCLTemplates.stringTemplate(first).map(HCLBuiltValue.template) : nil
        default:
            built = nil
        }
        if let built { return built.refersToAttributes ? built : nil }
        // Read only where a plan cannot follow it: through a local value, a `replace()`, or a
        // choice between branches.
        return HCLExpressions.read(valueTokens).flatMap { $0.isBeyondThePlan ? .expression($0) : nil }
    }

    /// How the value of a `locals` entry is built, as an ``HCLExpression``: a plan records
    /// nothing of what a local value is.
    static func readLocal(_ tokens: [HCLToken]) -> HCLBuiltValue? {
        HCLExpressions.read(tokens).map(HCLBuiltValue.expression)
    }

    /// How a module call's argument `tokens` builds its value: as ``read(_:)`` reads an
    /// attribute, or one attribute traversal, which a plan records only among the argument's
    /// references (it cannot tell `data.d.json` from `"${data.d.json}x"`).
    static func readArgument(_ tokens: [HCLToken]) -> HCLBuiltValue? {
        if let built = read(tokens) { return built }
        return HCLTemplates.traversal(tokens.filter { $0.kind != .newline }).map(HCLBuiltValue.traversal)
    }

    /// True when a string anywhere in the value refers to a resource attribute.
    var refersToAttributes: Bool {
        switch self {
        case .list(let elements): elements.contains { $0.map(HCLTemplates.refersToAttributes) ?? false }
        case .jsonEncoded(let literal): literal.refersToAttributes
        case .template(let parts): HCLTemplates.refersToAttributes(parts)
        case .compacted(let choices): !choices.flatMap(\.references).isEmpty
        case .traversal, .expression: true
        }
    }
}
