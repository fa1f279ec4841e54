/// How serious a finding is, ordered from `info` to `critical`.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    /// Informational; never fails a gate unless the threshold is `info`.
    case info
    /// Hygiene.
    case low
    /// Defence in depth.
    case medium
    /// Likely exploitable.
    case high
    /// Direct exposure, a host-takeover primitive or a literal credential.
    case critical

    private var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    /// Orders severities by seriousness.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

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
