import Policy

/// The result of one rule on one subject: what every reporter chooses from.
public struct Evaluation: Sendable {
    /// The rule's id.
    public var ruleID: String
    /// Pass, fail, unknown or not applicable.
    public var outcome: Outcome
    /// The graded severity (for fail and unknown).
    public var severity: Severity
    /// Where.
    public var location: Location
    /// The rendered, redacted message (fail and unknown only).
    public var message: String
    /// Why it could not be decided (unknown only).
    public var unknownReason: String?
    /// What an unknown depends on.
    public var references: [String]
    /// What the fingerprint hashes: rule id, subject key and occurrence.
    var fingerprintKey: String
    /// The fingerprint of DESIGN §4, hashed on each read: most evaluations pass and need none.
    public var fingerprint: String { SHA256.hex(fingerprintKey) }
    /// Quoted source lines.
    public var snippet: [String]
    /// True when an inline suppression silenced it.
    public var suppressed: Bool
    /// The subject's ``Subject/suppressionLine``, to tell which suppression comment was used.
    public var suppressionLine: Int? = nil
}

extension Unknown {
    /// A sentence saying why a value could not be decided before apply.
    var explanation: String {
        var parts: [String] = []
        for cause in causes {
            let subject = cause.path.isEmpty ? "a value" : cause.path
            if let reason = cause.reason {
                parts.append(cause.path.isEmpty ? reason : "\(subject): \(reason)")
            } else if cause.computed {
                parts.append("\(subject) is computed by the provider at apply")
            } else if !cause.references.isEmpty {
                parts.append(
                    "\(subject) depends on \(cause.references.joined(separator: ", ")), known only after apply"
                )
            } else {
                parts.append("\(subject) is known only after apply")
            }
        }
        return parts.isEmpty ? "a value is known only after apply" : parts.joined(separator: "; ")
    }

    /// Every reference the causes name, in order, without duplicates.
    var allReferences: [String] {
        var seen = Set<String>()
        return causes.flatMap(\.references).filter { seen.insert($0).inserted }
    }
}
