/// What the plan says about one attribute: known, unknown until apply, sensitive, or absent.
public enum AttributeState: Sendable, CustomStringConvertible {
    /// A known, non-null value: from `after`, or from a configuration `constant_value` when the
    /// plan leaves it unknown (see ``AttributeValue/isFromConfiguration``).
    case known(AttributeValue)
    /// Null or absent and not unknown: the provider's default applies.
    case null
    /// Unknown until apply and not set in configuration: the provider or API computes it.
    case computed
    /// Unknown until apply and set in configuration from other values; `references` lists the
    /// resources it depends on, resolved to full addresses (empty when only variables, functions
    /// or locals are involved).
    case unknownFromReference(references: [PlanReference])

    /// True for ``computed`` and ``unknownFromReference(references:)``.
    public var isUnknown: Bool {
        switch self {
        case .computed, .unknownFromReference: return true
        case .known, .null: return false
        }
    }

    /// A short, redacted rendering: the value, `null`, `(computed)` or `(unknown: refs)`.
    public var description: String {
        switch self {
        case .known(let value): return value.description
        case .null: return "null"
        case .computed: return "(computed)"
        case .unknownFromReference(let references):
            guard !references.isEmpty else { return "(unknown)" }
            return "(unknown: " + references.map(\.description).joined(separator: ", ") + ")"
        }
    }
}
