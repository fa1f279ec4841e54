#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a finding is: a line range in a Dockerfile, or a resource and attribute in a plan.
public struct Location: Sendable, Equatable {
    /// The path as given on the command line (`-` for stdin).
    public var file: String
    /// First line (1-based) for Dockerfile findings; nil for plan findings.
    public var line: Int?
    /// Last line (1-based) for Dockerfile findings; nil for plan findings.
    public var endLine: Int?
    /// The 1-based column of the offending token on `line`, in characters, when the rule names it.
    public var column: Int?
    /// The full resource address (module path and index included) for plan findings.
    public var resource: String?
    /// The attribute path inside the resource, such as `ingress[0].cidr_blocks[1]`.
    public var attribute: String?
    /// What the plan does to the resource: create, update, replace or no-op.
    public var action: String?
    /// Where a plan finding is written in the Terraform configuration; nil for Dockerfiles and
    /// when the configuration was not found (nothing is guessed).
    public var source: SourceReference?

    /// Creates a location.
    public init(
        file: String, line: Int? = nil, endLine: Int? = nil, resource: String? = nil,
        attribute: String? = nil, action: String? = nil, column: Int? = nil
    ) {
        self.file = file
        self.line = line
        self.endLine = endLine
        self.resource = resource
        self.attribute = attribute
        self.action = action
        self.column = column
    }
}

/// A failed or undecidable evaluation, ready for a reporter.
public struct Finding: Sendable, Equatable {
    /// The rule's permanent id, such as `AWS-S3-001`.
    public var ruleID: String
    /// The rule's title.
    public var title: String
    /// The severity, graded by the rule's `severity_cases` where it has them.
    public var severity: Severity
    /// `fail` or `unknown`.
    public var outcome: Outcome
    /// The rule's category, such as `encryption`.
    public var category: String
    /// Control ids such as `NIST-800-190:4.3.2`.
    public var controls: [String]
    /// The rendered message; secrets are masked.
    public var message: String
    /// How to fix it.
    public var remediation: String
    /// Where it is.
    public var location: Location
    /// Why an unknown could not be decided (attribute and references), or nil.
    public var unknownReason: String?
    /// True when ``unknownReason``'s backtick pairs mark code (see
    /// ``Evaluation/unknownReasonMarksCode``).
    public var unknownReasonMarksCode = false
    /// Addresses an unknown value depends on.
    public var references: [String]
    /// The values that made an unknown undecidable: attribute, state and references.
    public var unknownValues: [UnknownValue]
    /// A stable hash of the rule, the file relative to the scan root and the resource or
    /// instruction, so it survives moving the checkout.
    public var fingerprint: String
    /// Lines of source quoted by text reporters (Dockerfiles only; secrets masked).
    public var snippet: [String]
    /// The waiver that accepted this finding (outcome `waived`), or nil.
    public var waiver: AppliedWaiver?
    /// The inline comment that silenced this finding (outcome `suppressed`), or nil.
    public var suppression: SuppressionNote?
    /// New or existing when the scan compares with a baseline (`--baseline`); nil otherwise.
    public var baselineState: BaselineState?

    /// True when the finding was accepted: suppressed, waived or already in the baseline.
    ///
    /// It was silenced by an inline comment, waived in config, or found in the baseline; it stays
    /// in every report, for reviewers and auditors, but does not fail the gate.
    public var isAccepted: Bool {
        outcome == .suppressed || outcome == .waived || baselineState == .existing
    }

    /// Creates a finding.
    public init(
        ruleID: String, title: String, severity: Severity, outcome: Outcome, category: String,
        controls: [String], message: String, remediation: String, location: Location,
        unknownReason: String? = nil, unknownReasonMarksCode: Bool = false, references: [String] = [],
        fingerprint: String, snippet: [String] = [], unknownValues: [UnknownValue] = []
    ) {
        self.ruleID = ruleID
        self.title = title
        self.severity = severity
        self.outcome = outcome
        self.category = category
        self.controls = controls
        self.message = message
        self.remediation = remediation
        self.location = location
        self.unknownReason = unknownReason
        self.unknownReasonMarksCode = unknownReasonMarksCode
        self.references = references
        self.unknownValues = unknownValues
        self.fingerprint = fingerprint
        self.snippet = snippet
    }

    /// The report order: by file, line, resource, rule id (then attribute).
    ///
    /// ``ReportOrderKeys`` writes this order as byte keys for sorting many findings; a change
    /// here changes it there too (`ReportOrderKeysTests` compares the two).
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.location.file != b.location.file { return a.location.file < b.location.file }
        let (lineA, lineB) = (a.location.line ?? 0, b.location.line ?? 0)
        if lineA != lineB { return lineA < lineB }
        if let resourceOrder = precedes(a.location.resource, b.location.resource) { return resourceOrder }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return precedes(a.location.attribute, b.location.attribute) ?? false
    }

    /// `<` for optional texts where nil sorts as ""; nil when they are equal.
    ///
    /// Written out because `(text ?? "") < (other ?? "")` made sorting 20,000-resource reports
    /// several times slower.
    private static func precedes(_ a: String?, _ b: String?) -> Bool? {
        switch (a, b) {
        case (nil, nil): nil
        case (nil, let other?): other.isEmpty ? nil : true
        case (let text?, nil): text.isEmpty ? nil : false
        case (let text?, let other?): text == other ? nil : text < other
        }
    }
}

/// An input that could not be read, reported instead of a silent pass.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given (`-` for stdin).
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    /// A one-line explanation.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COL: message`, with the position parts present only when known.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text + ": " + message.replacingNewlines()
    }
}

extension String {
    /// The string with line breaks turned into spaces, so an error stays on one line.
    ///
    /// `\r\n` becomes one space, as it is one character. Done on UTF-8 bytes: a line break is
    /// always a character of its own (no mark combines with it), and splitting a long message
    /// into characters cost more than rendering it.
    func replacingNewlines() -> String {
        var text = self
        return text.withUTF8 { bytes in
            // `memchr` scans a message in a few dozen instructions; a closure per byte cost a
            // thousand, for every finding.
            guard let start = bytes.baseAddress else { return self }
            let hasCarriageReturn = memchr(start, 0x0D, bytes.count) != nil
            guard hasCarriageReturn || memchr(start, 0x0A, bytes.count) != nil else { return self }
            if !hasCarriageReturn {
                // Line feeds alone (a folded rule message): the length stays, so the bytes are
                // copied once and changed in place instead of appended one by one.
                return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                    _ = buffer.initialize(fromContentsOf: bytes)
                    for index in 0..<bytes.count where buffer[index] == 0x0A { buffer[index] = 0x20 }
                    return bytes.count
                }
            }
            var replaced: [UInt8] = []
            replaced.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0D || byte == 0x0A {
                    replaced.append(0x20)
                    index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                } else {
                    replaced.append(byte)
                    index += 1
                }
            }
            return String(decoding: replaced, as: UTF8.self)
        }
    }
}
