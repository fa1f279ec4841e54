import JSON

/// Whether a finding was already in the baseline report (`--baseline`).
public enum BaselineState: String, Sendable {
    /// Not in the baseline: it fails the gate as usual.
    case new
    /// In the baseline: reported, but it does not fail the gate.
    case existing
}

/// The failing and unknown findings of an earlier JSON report, by fingerprint.
public struct Baseline: Sendable, Equatable {
    /// One finding of the earlier report.
    public struct Entry: Sendable, Equatable {
        /// The rule id.
        public var ruleID: String
        /// The input's path as that scan was given it.
        public var file: String
        /// The resource address of a plan finding.
        public var resource: String?
        /// The attribute path of a plan finding.
        public var attribute: String?
        /// The finding's fingerprint.
        public var fingerprint: String

        /// Creates an entry.
        public init(ruleID: String, file: String, resource: String?, attribute: String?, fingerprint: String)
        {
            self.ruleID = ruleID
            self.file = file
            self.resource = resource
            self.attribute = attribute
            self.fingerprint = fingerprint
        }
    }

    /// The report's path.
    public var path: String
    /// Its failing and unknown findings (waived ones are not carried over: a waiver's expiry
    /// must not be escaped through a baseline).
    public var entries: [Entry]

    /// Creates a baseline.
    public init(path: String, entries: [Entry]) {
        self.path = path
        self.entries = entries
    }

    /// Reads a `palisade scan --format json` report (or `palisade baseline create` output).
    public static func load(path: String) throws(InputError) -> Baseline {
        try parse(try FileSystem.read(path), path: path)
    }

    /// Parses a report's bytes; errors name the file and, for broken JSON, the line and column.
    public static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> Baseline {
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(bytes)
        } catch {
            throw InputError(file: path, line: error.line, column: error.column, message: error.message)
        }
        let root = document.root
        guard root["schema_version"]?.int == 1, let findings = root["findings"], findings.kind == .array
        else {
            throw InputError(
                file: path,
                message: "not a palisade JSON report (schema_version 1 with findings); "
                    + "make one with palisade baseline create")
        }
        var entries: [Entry] = []
        for (index, finding) in findings.elements.enumerated() {
            guard let ruleID = finding["rule_id"]?.string, let file = finding["file"]?.string,
                let fingerprint = finding["fingerprint"]?.string, let outcome = finding["outcome"]?.string
            else {
                throw InputError(
                    file: path, message: "finding \(index) lacks rule_id, file, outcome or fingerprint")
            }
            guard outcome == Outcome.fail.rawValue || outcome == Outcome.unknown.rawValue else { continue }
            entries.append(
                Entry(
                    ruleID: ruleID, file: file, resource: finding["resource"]?.string,
                    attribute: finding["attribute"]?.string, fingerprint: fingerprint))
        }
        return Baseline(path: path, entries: entries)
    }

    /// Marks each failing or unknown finding new or existing, and lists the baseline's findings
    /// that are gone.
    public func compare(_ findings: inout [Finding]) -> BaselineComparison {
        let known = Set(entries.map(\.fingerprint))
        var comparison = BaselineComparison(path: path)
        var current = Set<String>()
        for index in findings.indices {
            let finding = findings[index]
            current.insert(finding.fingerprint)
            guard finding.outcome == .fail || finding.outcome == .unknown else { continue }
            let state: BaselineState = known.contains(finding.fingerprint) ? .existing : .new
            findings[index].baselineState = state
            if state == .new { comparison.newCount += 1 } else { comparison.existingCount += 1 }
        }
        comparison.fixed = entries.filter { !current.contains($0.fingerprint) }
        return comparison
    }
}

/// The outcome of comparing a scan with its baseline.
public struct BaselineComparison: Sendable, Equatable {
    /// The baseline report's path.
    public var path: String
    /// Findings not in the baseline.
    public var newCount = 0
    /// Findings already in the baseline.
    public var existingCount = 0
    /// Baseline findings this scan no longer has.
    public var fixed: [Baseline.Entry] = []

    /// Creates an empty comparison.
    public init(path: String) {
        self.path = path
    }
}
