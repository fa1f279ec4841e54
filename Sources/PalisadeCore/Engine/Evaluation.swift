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
    /// True when every backtick in ``unknownReason`` comes from the rule's or the engine's own
    /// words, none from input: its backtick pairs then mark code a reporter may show as code.
    public var unknownReasonMarksCode = false
    /// What an unknown depends on.
    public var references: [String]
    /// The values that made an unknown undecidable, structured (plan inputs).
    public var unknownValues: [UnknownValue]
    /// The subject and element, without the rule: evaluations of two rules on the same
    /// subject and element share it (how `supersedes` finds the findings it replaces).
    var subjectKey: String
    /// The rule whose failure on the same subject and element replaces this failure.
    public var supersededBy: String?
    /// How many evaluations of the same rule on the same subject key came before this one.
    var occurrence = 0
    /// What the fingerprint hashes: rule id, subject key and occurrence.
    ///
    /// Joined when read: most evaluations pass, and no reporter asks for theirs.
    var fingerprintKey: String { ruleID + "|" + subjectKey + "|" + String(occurrence) }
    /// The fingerprint, hashed on each read: most evaluations pass and need none.
    ///
    /// It hashes the rule id and the subject's stable key (a plan resource's address; a
    /// Dockerfile's path relative to the scan root with the stage and instruction), never a line.
    public var fingerprint: String { SHA256.hex(fingerprintKey) }

    /// Quoted source lines.
    public var snippet: [String]
    /// True when an inline suppression silenced it.
    public var suppressed: Bool
    /// The suppression comment that silenced it, where known.
    public var suppression: SuppressionNote? = nil
    /// The subject's ``Subject/suppressionLine``, to tell which suppression comment was used.
    public var suppressionLine: Int? = nil

    /// An evaluation of nothing, which holds no storage: what is left where an evaluation was
    /// moved out of a list.
    static let empty = Evaluation(
        ruleID: "", outcome: .pass, severity: .low, location: Location(file: ""), message: "",
        unknownReason: nil, references: [], unknownValues: [], subjectKey: "", supersededBy: nil,
        snippet: [], suppressed: false)
}

/// One value that made a result undecidable: which attribute, in which state, depending on what.
public struct UnknownValue: Sendable, Equatable {
    /// The attribute path (`ingress[0].cidr_blocks`), or nil when the producer did not say.
    public var attribute: String?
    /// `computed`, `unknown_reference`, `unshown_block` or `undecided_join` (see
    /// ``UnknownValue/init(_:subject:)``).
    public var state: String
    /// Addresses the value depends on.
    public var references: [String]
    /// The resource whose attribute it is, when that is not the finding's subject.
    ///
    /// A rule may read an attribute of a resource it joined (its parameter group, its bucket).
    /// Nil for the subject's own attributes and for `undecided_join`, whose `references` name
    /// the resource.
    public var resource: String?

    /// Creates a value from its parts.
    public init(attribute: String?, state: String, references: [String], resource: String? = nil) {
        self.attribute = attribute
        self.state = state
        self.references = references
        self.resource = resource
    }

    /// The structured form of an unknown cause met while judging the resource at `subject`.
    init(_ cause: UnknownCause, subject: String?) {
        attribute = cause.path.isEmpty ? nil : cause.path
        references = cause.references
        resource = cause.resource == subject ? nil : cause.resource
        if cause.reason != nil {
            // A join the plan cannot settle: whether another resource points at this one.
            state = "undecided_join"
        } else if cause.inUnshownBlock {
            // Terraform writes no `dynamic` block into a plan's configuration.
            state = "unshown_block"
        } else if cause.computed {
            state = "computed"
        } else {
            state = "unknown_reference"
        }
    }

    /// One clause in words, such as "`encrypted` is not set, so the provider computes it at apply".
    var sentence: String {
        if state == "unshown_block" { return Self.unshownSentence([self]) }
        let name = self.name
        let listed = references.map { "`\($0)`" }.joined(separator: ", ")
        switch state {
        case "computed":
            return "\(name) is not set in the configuration, so the provider computes it at apply"
        case "undecided_join":
            return "the plan cannot tell whether \(listed) refers to this resource through \(name), "
                + "because that value is known only after apply"
        default:
            return references.isEmpty
                ? "\(name) is computed from values known only after apply"
                : "\(name) refers to \(listed), whose value is known only after apply"
        }
    }
}

extension UnknownValue {
    /// The value as a sentence names it: "`path`", with "of `address`" for a joined resource's.
    fileprivate var name: String {
        let name = attribute.map { "`\($0)`" } ?? "a value"
        guard let resource, state != "undecided_join" else { return name }
        return name + " of `\(resource)`"
    }

    /// One clause for values in blocks the plan's configuration may leave out, named together:
    /// the reason is the same for all of them.
    fileprivate static func unshownSentence(_ values: [UnknownValue]) -> String {
        let names = values.map(\.name)
        let listed =
            names.count == 1
            ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        let (verb, pronoun) = names.count == 1 ? ("is", "it") : ("are", "them")
        let references = values.allReferences.map { "`\($0)`" }.joined(separator: ", ")
        let shown = references.isEmpty ? "" : " (the blocks it shows refer to \(references))"
        return "\(listed) \(verb) known only after apply, in a block the plan's configuration may leave out "
            + "(Terraform writes no `dynamic` block there), so the plan cannot tell whether the configuration "
            + "sets \(pronoun) or the provider computes \(pronoun)\(shown)"
    }
}

extension [UnknownValue] {
    /// One sentence naming every value and its state; nil when there are none.
    ///
    /// Values in blocks the configuration may leave out share one clause, where the first of
    /// them stands.
    var sentence: String? {
        guard !isEmpty else { return nil }
        let unshown = filter { $0.state == "unshown_block" }
        guard unshown.count > 1 else { return map(\.sentence).joined(separator: "; ") }
        var clauses: [String] = []
        var placed = false
        for value in self {
            if value.state != "unshown_block" {
                clauses.append(value.sentence)
            } else if !placed {
                clauses.append(UnknownValue.unshownSentence(unshown))
                placed = true
            }
        }
        return clauses.joined(separator: "; ")
    }

    /// True when no attribute, reference or resource named in ``sentence`` holds a backtick, so
    /// that the sentence's backticks are all its own.
    var sentenceMarksCode: Bool {
        func hasBacktick(_ text: String?) -> Bool { text?.utf8.contains(UInt8(ascii: "`")) ?? false }
        return allSatisfy { value in
            !hasBacktick(value.attribute) && !hasBacktick(value.resource)
                && !value.references.contains(where: hasBacktick)
        }
    }

    /// Every reference, in order, without duplicates.
    var allReferences: [String] {
        var seen = Set<String>()
        return flatMap(\.references).filter { seen.insert($0).inserted }
    }
}
