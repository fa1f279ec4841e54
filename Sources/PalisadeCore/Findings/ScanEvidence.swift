/// What an evidence report needs beyond the findings.
///
/// Every evaluation, the inputs' digests and the configuration. Recorded only when
/// ``ScanOptions/recordsEvidence`` is set, so ordinary scans pay nothing for it.
public struct ScanEvidence: Sendable {
    /// The inputs read, in scan order.
    public var inputs: [EvidenceInput] = []
    /// Every evaluation of every rule that ran, in evaluation order.
    public var evaluations: [EvaluationRecord] = []
    /// The effective configuration.
    public var configuration: Configuration
    /// SHA-256 of the config file's bytes, when the configuration came from a file.
    public var configurationFileDigest: String?
    /// The custom policy folders used, with their digests.
    public var policyFolders: [PolicyFolderDigest] = []
    /// SHA-256 of the built-in rule pack.
    public var packDigest: String
    /// Every rule of the built-in pack and the custom folders, whether or not it ran, so a
    /// control is known to have rules even when a scan of other inputs did not run them.
    public var rules: [PackRule] = []

    /// Creates evidence for a run with `configuration` and the built-in pack's `packDigest`.
    public init(configuration: Configuration, packDigest: String) {
        self.configuration = configuration
        self.packDigest = packDigest
    }
}

/// One input file, identified by its bytes.
public struct EvidenceInput: Sendable, Equatable {
    /// The path as given or found (`-` for standard input).
    public var path: String
    /// The kind that read it: `plan`, `state`, `dockerfile`.
    public var kind: String
    /// Its size in bytes.
    public var size: Int
    /// SHA-256 of its bytes, in lowercase hex.
    public var sha256: String

    /// Creates an input record.
    public init(path: String, kind: String, size: Int, sha256: String) {
        self.path = path
        self.kind = kind
        self.size = size
        self.sha256 = sha256
    }
}

/// One rule on one subject, as the evidence report lists it.
public struct EvaluationRecord: Sendable, Equatable {
    /// The rule's id.
    public var ruleID: String
    /// The outcome after suppressions and waivers: a silenced or waived failure or unknown is
    /// `suppressed` or `waived`; a silenced pass stays `pass`.
    public var outcome: Outcome
    /// The subject.
    public var location: Location
    /// The fingerprint, the same a finding of this evaluation carries.
    public var fingerprint: String
    /// The finding's message, secrets masked (failures and unknowns; empty otherwise).
    public var message = ""
    /// Why an unknown could not be decided.
    public var unknownReason: String?
    /// The rule whose failure on the same subject is reported instead of this one.
    public var supersededBy: String?
    /// The waiver that accepted it.
    public var waiver: AppliedWaiver?
    /// The inline suppression that silenced it.
    public var suppression: SuppressionNote?
    /// True when the finding is in the `--baseline` report, so it does not fail the gate.
    public var inBaseline = false

    /// Creates a record.
    public init(
        ruleID: String, outcome: Outcome, location: Location, fingerprint: String,
        unknownReason: String? = nil, supersededBy: String? = nil, waiver: AppliedWaiver? = nil,
        suppression: SuppressionNote? = nil, message: String = ""
    ) {
        self.ruleID = ruleID
        self.outcome = outcome
        self.location = location
        self.fingerprint = fingerprint
        self.unknownReason = unknownReason
        self.supersededBy = supersededBy
        self.waiver = waiver
        self.suppression = suppression
        self.message = message
    }

    /// True when a failure or unknown was accepted: waived, suppressed, or in the baseline.
    public var isAccepted: Bool {
        outcome == .waived || outcome == .suppressed
            || (inBaseline && (outcome == .fail || outcome == .unknown))
    }
}

/// A custom policy folder and the digest of its files.
public struct PolicyFolderDigest: Sendable, Equatable {
    /// The folder as configured.
    public var path: String
    /// How many files the digest covers.
    public var files: Int
    /// SHA-256 over each file's path relative to the folder, a NUL byte, its contents and a NUL
    /// byte, in path order (hidden files and folders left out), like the built-in pack's digest.
    public var sha256: String

    /// Creates a digest record.
    public init(path: String, files: Int, sha256: String) {
        self.path = path
        self.files = files
        self.sha256 = sha256
    }

    /// Digests the files under `path`; errors name the unreadable file.
    public static func compute(_ path: String) throws(InputError) -> PolicyFolderDigest {
        var files: [(String, [UInt8])] = []
        var stack = [""]
        while let relative = stack.popLast() {
            let directory = relative.isEmpty ? path : path + "/" + relative
            for name in try FileSystem.entries(of: directory) where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = path + "/" + child
                if FileSystem.isSymbolicLink(full) && FileSystem.kind(of: full) == .directory { continue }
                switch FileSystem.kind(of: full) {
                case .directory: stack.append(child)
                case .file: files.append((child, try FileSystem.read(full)))
                default: continue
                }
            }
        }
        var input: [UInt8] = []
        // Byte order of the UTF-8 paths, which every language's sort agrees on.
        for (name, bytes) in files.sorted(by: { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        ) {
            input += Array(name.utf8) + [0] + bytes + [0]
        }
        return PolicyFolderDigest(path: path, files: files.count, sha256: SHA256.hex(input))
    }
}
