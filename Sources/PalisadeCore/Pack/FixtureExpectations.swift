import Yams

/// One outcome of a rule on one subject of a fixture, as `expected.yaml` lists it or the engine
/// produced it; two are equal when a policy test should treat them as the same result.
public struct FixtureOutcome: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The resource address, or `line N` for a Dockerfile subject.
    public let subject: String
    /// The attribute path, for rules with one subject per list element.
    public let attribute: String?
    /// Pass, fail or unknown (not-applicable subjects are never listed).
    public let outcome: Outcome
    /// The graded severity; nil for a pass, which has none.
    public let severity: Severity?

    /// Creates an outcome; a pass drops its severity so expectations need not state one.
    public init(subject: String, attribute: String?, outcome: Outcome, severity: Severity?) {
        self.subject = subject
        self.attribute = attribute
        self.outcome = outcome
        self.severity = outcome == .pass ? nil : severity
    }

    /// The outcome as one line: `subject [attribute] outcome [severity]`.
    public var description: String {
        var text = subject
        if let attribute { text += " " + attribute }
        text += " " + outcome.rawValue
        if let severity { text += " " + severity.rawValue }
        return text
    }

    /// Orders by the printed form, so diffs read in a stable order.
    public static func < (lhs: FixtureOutcome, rhs: FixtureOutcome) -> Bool {
        lhs.description < rhs.description
    }
}

/// One case of `expected.yaml`: a fixture folder name and the outcomes the rule must produce.
public struct FixtureExpectation: Sendable {
    /// The fixture folder under `fixtures/`.
    public let name: String
    /// The outcomes, in file order.
    public let outcomes: [FixtureOutcome]
    /// True when some outcome names an attribute, so actual outcomes are compared with theirs.
    public var comparesAttributes: Bool { outcomes.contains { $0.attribute != nil } }
}

/// Reads `expected.yaml`: a mapping from fixture name to a list of
/// `{resource|line, attribute?, outcome, severity?}` entries (docs/policy-language.md,
/// "expected.yaml and fixtures").
public enum FixtureExpectations {
    /// The expectations file inside a rule folder.
    public static let fileName = "expected.yaml"

    /// Parses the text of an expectations file; errors name `file` with line and column.
    public static func parse(_ text: String, file: String) throws(InputError) -> [FixtureExpectation] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationLoader.yamlError(error, path: file)
        } catch {
            throw InputError(file: file, message: "invalid YAML: \(error)")
        }
        guard let root, case .mapping(let cases) = root, !cases.isEmpty else {
            throw InputError(
                file: file, line: 1, column: 1,
                message: "expected a mapping from fixture name to the list of expected outcomes")
        }
        var expectations: [FixtureExpectation] = []
        for (caseNode, entries) in cases {
            guard let name = caseNode.string, !name.isEmpty, !name.contains("/") else {
                throw error(at: caseNode, file: file, "a fixture name must be a folder name under fixtures/")
            }
            let list: [Node]
            switch entries {
            case .sequence(let sequence): list = Array(sequence)
            case .scalar(let scalar) where scalar.string.isEmpty || scalar.string == "[]": list = []
            default: throw error(at: entries, file: file, "fixture '\(name)' must list its expected outcomes")
            }
            var outcomes: [FixtureOutcome] = []
            for entry in list { outcomes.append(try outcome(entry, file: file)) }
            expectations.append(FixtureExpectation(name: name, outcomes: outcomes))
        }
        return expectations
    }

    private static func outcome(_ entry: Node, file: String) throws(InputError) -> FixtureOutcome {
        guard case .mapping = entry else {
            throw error(
                at: entry, file: file,
                "an expected outcome is a mapping such as {resource: ADDRESS, outcome: pass}")
        }
        let subject: String
        if let resource = entry["resource"]?.string, !resource.isEmpty {
            subject = resource
        } else if let line = entry["line"]?.int, line > 0 {
            subject = "line \(line)"
        } else {
            throw error(
                at: entry, file: file, "an expected outcome needs 'resource' (plans) or 'line' (Dockerfiles)")
        }
        guard let outcomeText = entry["outcome"]?.string, let outcome = Outcome(rawValue: outcomeText),
            outcome != .notApplicable
        else {
            throw error(at: entry["outcome"] ?? entry, file: file, "outcome must be pass, fail or unknown")
        }
        var severity: Severity?
        if outcome != .pass {
            guard let text = entry["severity"]?.string, let parsed = Severity(rawValue: text) else {
                throw error(
                    at: entry["severity"] ?? entry, file: file,
                    "a \(outcome.rawValue) outcome needs severity: critical, high, medium, low or info")
            }
            severity = parsed
        }
        return FixtureOutcome(
            subject: subject, attribute: entry["attribute"]?.string, outcome: outcome, severity: severity)
    }

    private static func error(at node: Node, file: String, _ message: String) -> InputError {
        InputError(file: file, line: node.mark.map(\.line), column: node.mark.map(\.column), message: message)
    }
}
