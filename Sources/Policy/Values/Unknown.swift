/// One reason a value cannot be known before `terraform apply`.
public struct UnknownCause: Sendable, Hashable {
    /// The attribute path of the unknown value, such as `ingress[0].cidr_blocks[1]`; may be empty.
    public let path: String
    /// True when the provider computes the value at apply and the configuration has no expression.
    public let computed: Bool
    /// Addresses of the objects the configuration expression refers to, such as `aws_kms_key.cmk`.
    public let references: [String]
    /// A free-text explanation for reports, when the producer has one.
    public let reason: String?
    /// The address of the resource whose attribute `path` is, when the producer knows it: a rule
    /// may read an attribute of another resource it joined.
    public let resource: String?
    /// True when the value belongs to a block the input's configuration leaves out (Terraform
    /// writes no `dynamic` block into a plan), so whether the configuration sets it or the
    /// provider computes it cannot be told; `references` are then those of the blocks shown.
    public let inUnshownBlock: Bool
    /// True when the value is a string made of the `arn` attributes of resources and text
    /// around them: an ARN, which is never `*`, so never every principal or every resource.
    public let isMadeOfARNs: Bool

    /// Creates a cause from its parts.
    public init(
        path: String = "", computed: Bool, references: [String] = [], reason: String? = nil,
        resource: String? = nil, inUnshownBlock: Bool = false, isMadeOfARNs: Bool = false
    ) {
        self.path = path
        self.computed = computed
        self.references = references
        self.reason = reason
        self.resource = resource
        self.inUnshownBlock = inUnshownBlock
        self.isMadeOfARNs = isMadeOfARNs
    }
}

/// A value that cannot be decided before apply, with the reasons why.
///
/// Combining two unknowns merges their causes, without duplicates and up to `maximumCauses`, so
/// an expression over many unknown attributes still reports a bounded explanation.
public struct Unknown: Sendable, Hashable {
    /// The most causes one unknown keeps; further causes are dropped.
    public static let maximumCauses = 16

    /// The distinct reasons this value is unknown, in the order they were first met.
    public let causes: [UnknownCause]

    /// Creates an unknown from causes, dropping duplicates and anything past `maximumCauses`.
    public init(causes: [UnknownCause]) {
        var kept: [UnknownCause] = []
        for cause in causes where !kept.contains(cause) {
            guard kept.count < Unknown.maximumCauses else { break }
            kept.append(cause)
        }
        self.causes = kept
    }

    /// Creates an unknown with a single cause.
    public init(_ cause: UnknownCause) {
        self.causes = [cause]
    }

    /// This unknown combined with another: the causes of both, deduplicated and bounded.
    public func merging(_ other: Unknown) -> Unknown {
        if other.causes.isEmpty || other == self { return self }
        return Unknown(causes: causes + other.causes)
    }

    /// True when there is at least one cause and every cause is a value computed at apply.
    public var isComputed: Bool {
        !causes.isEmpty && causes.allSatisfy(\.computed)
    }

    /// True when there is at least one cause and every cause is a string made of resources'
    /// `arn` attributes (``UnknownCause/isMadeOfARNs``): an ARN, never `*`.
    public var isMadeOfARNs: Bool {
        !causes.isEmpty && causes.allSatisfy(\.isMadeOfARNs)
    }

    /// The references of all causes, deduplicated, in first-seen order.
    public var references: [String] {
        var seen = Set<String>()
        var ordered: [String] = []
        for reference in causes.flatMap(\.references) where seen.insert(reference).inserted {
            ordered.append(reference)
        }
        return ordered
    }
}
