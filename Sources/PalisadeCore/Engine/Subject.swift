import Policy

/// One thing a rule is evaluated on: a resource, a provider block, a stage, an instruction.
///
/// A subject is one reference to shared, copy-on-write storage: the engine hands subjects to
/// every rule that selects them, on both cores, and copying eight fields (each retained) for
/// every evaluation was a measurable share of a scan.
public struct Subject: Sendable {
    /// The fields, shared by copies until one of them is changed.
    ///
    /// Its fields skip the runtime's exclusivity checks (a call per read, which the engine makes
    /// for every evaluation): a storage object is written only through a unique reference.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var variables: ValueMap
        @exclusivity(unchecked) var location: Location
        @exclusivity(unchecked) var fingerprintKey: String {
            didSet { fingerprintKeyHash = Subject.hash(of: fingerprintKey) }
        }
        @exclusivity(unchecked) var fingerprintKeyHash: Int
        @exclusivity(unchecked) var snippet: [String]
        @exclusivity(unchecked) var suppressedRules: Set<String>
        @exclusivity(unchecked) var suppressionNotes: [String: SuppressionNote]
        @exclusivity(unchecked) var suppressionLine: Int?
        @exclusivity(unchecked) var identity: ObjectIdentifier?

        init(
            variables: ValueMap, location: Location, fingerprintKey: String, snippet: [String],
            suppressedRules: Set<String>, suppressionNotes: [String: SuppressionNote],
            suppressionLine: Int?, identity: ObjectIdentifier?, fingerprintKeyHash: Int? = nil
        ) {
            self.variables = variables
            self.location = location
            self.fingerprintKey = fingerprintKey
            self.fingerprintKeyHash = fingerprintKeyHash ?? Subject.hash(of: fingerprintKey)
            self.snippet = snippet
            self.suppressedRules = suppressedRules
            self.suppressionNotes = suppressionNotes
            self.suppressionLine = suppressionLine
            self.identity = identity
        }

        func copy() -> Storage {
            Storage(
                variables: variables, location: location, fingerprintKey: fingerprintKey, snippet: snippet,
                suppressedRules: suppressedRules, suppressionNotes: suppressionNotes,
                suppressionLine: suppressionLine, identity: identity, fingerprintKeyHash: fingerprintKeyHash)
        }
    }

    // `@unchecked` above is sound because storage is only written through a unique reference.
    private var storage: Storage

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Variable bindings the rule's expressions see (`resource`, `stage`, ...), without `params`.
    public var variables: ValueMap {
        get { storage.variables }
        _modify { yield &uniqueStorage().variables }
    }
    /// Where findings on this subject are reported.
    public var location: Location {
        get { storage.location }
        _modify { yield &uniqueStorage().location }
    }
    /// Stable text that identifies the subject for fingerprints (no line numbers).
    public var fingerprintKey: String {
        get { storage.fingerprintKey }
        _modify { yield &uniqueStorage().fingerprintKey }
    }
    /// The hash of ``fingerprintKey``, computed when the key is set: the engine keys every
    /// evaluation by it, and a subject is judged by many rules.
    var fingerprintKeyHash: Int { storage.fingerprintKeyHash }

    /// The hash of a text that keys evaluations: a fingerprint key, as ``fingerprintKeyHash``
    /// holds it, or a rule id (`Rule.idHash`).
    static func hash(of text: String) -> Int {
        var hasher = Hasher()
        hasher.combine(text)
        return hasher.finalize()
    }
    /// Source lines quoted by the text reporter.
    public var snippet: [String] {
        get { storage.snippet }
        _modify { yield &uniqueStorage().snippet }
    }
    /// Rule ids silenced for this subject by an inline suppression.
    public var suppressedRules: Set<String> {
        get { storage.suppressedRules }
        _modify { yield &uniqueStorage().suppressedRules }
    }
    /// The suppression comment behind each silenced rule id, where known.
    public var suppressionNotes: [String: SuppressionNote] {
        get { storage.suppressionNotes }
        _modify { yield &uniqueStorage().suppressionNotes }
    }
    /// The line whose comment block above holds the subject's suppressions (an instruction's
    /// or a stage's FROM line); nil when only file-level ones apply.
    public var suppressionLine: Int? {
        get { storage.suppressionLine }
        _modify { yield &uniqueStorage().suppressionLine }
    }
    /// The object the variables are read from (a plan resource), when there is one.
    ///
    /// Subjects with the same identity and no `item` bind the same values, so rules may share
    /// work on them (an `each` list read by several rules). Nil shares nothing.
    public var identity: ObjectIdentifier? {
        get { storage.identity }
        _modify { yield &uniqueStorage().identity }
    }

    /// Creates a subject.
    public init(
        variables: ValueMap, location: Location, fingerprintKey: String, snippet: [String] = [],
        suppressedRules: Set<String> = [], suppressionLine: Int? = nil
    ) {
        storage = Storage(
            variables: variables, location: location, fingerprintKey: fingerprintKey, snippet: snippet,
            suppressedRules: suppressedRules, suppressionNotes: [:], suppressionLine: suppressionLine,
            identity: nil)
    }

    /// Creates a subject silenced by the given suppression comments, by rule id.
    public init(
        variables: ValueMap, location: Location, fingerprintKey: String, snippet: [String] = [],
        suppressionNotes: [String: SuppressionNote], suppressionLine: Int? = nil
    ) {
        storage = Storage(
            variables: variables, location: location, fingerprintKey: fingerprintKey, snippet: snippet,
            suppressedRules: Set(suppressionNotes.keys), suppressionNotes: suppressionNotes,
            suppressionLine: suppressionLine, identity: nil)
    }
}

/// A read input that can hand out subjects for rules of its kind.
public protocol InputDocument: Sendable {
    /// The path as given (`-` for stdin).
    var path: String { get }
    /// The kind that read it.
    var kind: any InputKind.Type { get }
    /// Secrets found in the input, hidden from every output.
    var redactor: Redactor { get }
    /// State domain functions read (the plan index, say).
    var payload: any AnyObject & Sendable { get }
    /// Judged plan resources (0 for Dockerfiles), for the summary.
    var judgedResourceCount: Int { get }
    /// The subjects `rule` selects in this input.
    func subjects(for rule: Rule) -> [Subject]
    /// Builds, before rules run in parallel, what their functions would otherwise build on
    /// first use while other threads wait.
    func prepareForEvaluation()
    /// The document policies see, as JSON text (`palisade parse`).
    func jsonText() -> String
    /// `subject` pointing at `line` instead: that line quoted, and the suppressions written
    /// above it honoured too (a rule's `report_line`).
    func relocated(_ subject: Subject, toLine line: Int) -> Subject
    /// The addresses among `references` whose values may be known only after apply, in order:
    /// what an unknown value's reason may blame.
    func referencesKnownOnlyAfterApply(_ references: [String]) -> [String]
}

extension InputDocument {
    /// Nothing to prepare by default.
    public func prepareForEvaluation() {}

    /// Inputs without lines keep their subjects where they are.
    public func relocated(_ subject: Subject, toLine line: Int) -> Subject { subject }

    /// Inputs that know nothing of apply keep every reference.
    public func referencesKnownOnlyAfterApply(_ references: [String]) -> [String] { references }
}
