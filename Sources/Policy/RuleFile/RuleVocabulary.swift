/// How bad a failing rule is; the gate fails at or above a threshold.
public enum RuleSeverity: String, Sendable, CaseIterable, Comparable {
    /// Direct exposure of data or an admin plane, host takeover, or a literal credential.
    case critical
    /// Likely exploitable.
    case high
    /// Defence in depth.
    case medium
    /// Hygiene.
    case low
    /// Informational only.
    case info

    private var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    /// Orders from `info` (lowest) to `critical` (highest).
    public static func < (lhs: RuleSeverity, rhs: RuleSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// The fixed list of rule categories (`category:` in a rule file; see docs/policy-language.md).
public enum RuleCategory: String, Sendable, CaseIterable {
    /// Data at rest or in transit not encrypted, or TLS verification disabled.
    case encryption
    /// Resources reachable from the internet.
    case publicExposure = "public-exposure"
    /// Processes running as root.
    case rootUser = "root-user"
    /// Images not pinned by tag or digest.
    case imagePinning = "image-pinning"
    /// Container runtime privileges and isolation.
    case containerRuntime = "container-runtime"
    /// Secrets in images or configuration.
    case secrets
    /// Integrity of what goes into a build.
    case supplyChain = "supply-chain"
    /// Audit and flow logging.
    case logging
    /// Identity and permission policies.
    case accessControl = "access-control"
    /// Network segmentation.
    case network
}

/// Whether a rule runs by default.
public enum RuleStatus: String, Sendable, CaseIterable {
    /// Runs unless disabled.
    case active
    /// Off unless enabled in configuration.
    case optIn = "opt-in"
    /// Kept for its id; not run.
    case deprecated
}

/// The kind of input a rule inspects.
public enum RuleInput: String, Sendable, CaseIterable {
    /// Terraform plan JSON.
    case tfplan
    /// Dockerfiles.
    case dockerfile
}

/// The scanners whose rule ids a rule may list as equivalents.
public struct RuleEquivalents: Sendable, Equatable {
    /// The keys accepted under `equivalents`.
    public static let scanners = ["checkov", "trivy", "kics", "hadolint"]

    /// Checkov check ids, such as `CKV_AWS_16`.
    public let checkov: [String]
    /// Trivy ids, such as `AWS-0080`.
    public let trivy: [String]
    /// KICS query UUIDs.
    public let kics: [String]
    /// hadolint rule ids, such as `DL3006`.
    public let hadolint: [String]

    /// Creates a set of equivalents; omitted scanners have none.
    public init(checkov: [String] = [], trivy: [String] = [], kics: [String] = [], hadolint: [String] = []) {
        self.checkov = checkov
        self.trivy = trivy
        self.kics = kics
        self.hadolint = hadolint
    }
}
