/// The result of one rule on one subject.
public enum Outcome: String, Sendable, Codable, CaseIterable {
    /// The assertion holds.
    case pass
    /// The assertion does not hold.
    case fail
    /// The plan cannot decide before apply (or a build-arg, or a setting outside the input).
    case unknown
    /// The rule does not apply to this subject.
    case notApplicable = "not_applicable"
    /// A failure or unknown accepted by a waiver in config; it does not fail the gate.
    case waived
    /// A failure or unknown silenced by an inline suppression comment; it does not fail the gate.
    case suppressed
}

/// What the gate does with an `unknown` outcome.
public enum UnknownPolicy: String, Sendable, CaseIterable {
    /// Unknowns are neither shown as findings nor fail the gate.
    case pass
    /// Unknowns are reported as warnings and do not fail the gate.
    case warn
    /// Unknowns count like failures of the same severity.
    case fail
}
