/// A parameter a rule reads as `params.<name>`, with its default and documentation.
public struct RuleParameter: Sendable, Equatable {
    /// The name used in expressions.
    public let name: String
    /// The value used unless configuration overrides it.
    public let defaultValue: RuleValue
    /// What the parameter means, for `palisade explain` and the docs.
    public let documentation: String

    /// Creates a parameter.
    public init(name: String, defaultValue: RuleValue, documentation: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.documentation = documentation
    }
}

/// A plain data value from a rule file (a parameter default), as YAML typed it.
public enum RuleValue: Sendable, Equatable {
    /// `null` or an empty value.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// Text; also YAML timestamps, which rules see as written.
    case string(String)
    /// A sequence.
    case list([RuleValue])
    /// A mapping with text keys.
    case map([String: RuleValue])
}
