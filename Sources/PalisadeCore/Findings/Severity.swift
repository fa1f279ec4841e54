import Policy

/// How serious a finding is: the rule language's severity, ordered from `info` to `critical`
/// (`allCases` lists `critical` first).
public typealias Severity = RuleSeverity

/// The lowest severity that fails the gate, or `never`.
public enum FailThreshold: Sendable, Equatable, CustomStringConvertible {
    /// Fail on findings at or above this severity.
    case atOrAbove(Severity)
    /// Never fail because of findings (errors still exit 2).
    case never

    /// Parses `critical|high|medium|low|info|never`.
    public init?(_ text: String) {
        if text == "never" {
            self = .never
        } else if let severity = Severity(rawValue: text) {
            self = .atOrAbove(severity)
        } else {
            return nil
        }
    }

    /// True when a finding of `severity` fails the gate.
    public func fails(_ severity: Severity) -> Bool {
        switch self {
        case .never: false
        case .atOrAbove(let threshold): severity >= threshold
        }
    }

    /// The threshold as written in flags and config.
    public var description: String {
        switch self {
        case .never: "never"
        case .atOrAbove(let severity): severity.rawValue
        }
    }
}
