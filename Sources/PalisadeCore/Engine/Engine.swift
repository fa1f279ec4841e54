import Parallel
import Policy

/// Runs rules over inputs and returns every evaluation, findings and counts.
public struct Engine: Sendable {
    /// The rules to run (already filtered by config).
    public let rules: [Rule]

    /// Creates an engine over a set of rules.
    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// Every evaluation of every applicable rule on every subject of `document`, plus errors.
    ///
    /// Subjects are evaluated on every core; the result is in rule order, then subject order,
    /// whatever the scheduling.
    public func evaluate(_ document: any InputDocument) -> (evaluations: [Evaluation], errors: [InputError]) {
        // Selecting subjects builds their variable bindings, so it too runs on every core.
        let selected = rules.filter { $0.input == document.kind }.parallelMap { rule in
            document.subjects(for: rule).map { WorkItem(rule: rule, subject: $0) }
        }
        let work = Array(selected.joined())
        guard !work.isEmpty else { return ([], []) }
        document.prepareForEvaluation()
        let payload = document.payload
        let redactor = document.redactor
        let path = document.path
        let results = work.parallelMap { item in
            evaluate(item, payload: payload, redactor: redactor, file: path)
        }
        var evaluations: [Evaluation] = []
        evaluations.reserveCapacity(results.reduce(0) { $0 + $1.evaluations.count })
        var errors: [InputError] = []
        // Fingerprints number repeated (rule, subject) keys in order, so they are counted here,
        // sequentially, from keys hashed in parallel; hashing the fingerprint itself waits
        // until a reporter reads one.
        var occurrences: [SubjectKey: Int] = [:]
        for result in results {
            errors += result.errors
            for (var evaluation, key) in result.evaluations {
                let occurrence = Self.countOccurrence(&occurrences[key, default: 0])
                if occurrence > 0 { evaluation.fingerprintKey = key.text + "|" + String(occurrence) }
                evaluations.append(evaluation)
            }
        }
        return (evaluations, errors)
    }

    /// Returns how often a key was seen before, counting this time.
    private static func countOccurrence(_ count: inout Int) -> Int {
        defer { count += 1 }
        return count
    }

    /// A (rule, subject) key with its hash computed once, where the evaluation ran.
    private struct SubjectKey: Hashable, Sendable {
        let text: String
        let hashCode: Int

        init(_ text: String) {
            self.text = text
            hashCode = text.hashValue
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hashCode) }

        static func == (left: SubjectKey, right: SubjectKey) -> Bool {
            left.hashCode == right.hashCode && left.text == right.text
        }
    }

    /// One rule on one selected subject, before `each` expansion.
    private struct WorkItem: Sendable {
        let rule: Rule
        let subject: Subject
    }

    /// What one work item gives: evaluations with their (rule, subject) keys, and errors.
    private struct WorkResult: Sendable {
        var evaluations: [(Evaluation, SubjectKey)] = []
        var errors: [InputError] = []
    }

    private func evaluate(
        _ item: WorkItem, payload: any Sendable, redactor: Redactor, file: String
    ) -> WorkResult {
        var result = WorkResult()
        let rule = item.rule
        func judge(_ subject: Subject) {
            let bindings = Bindings(subject.variables, adding: ("params", rule.parameters), payload: payload)
            do {
                var evaluation = try evaluate(rule, on: subject, bindings: bindings, redactor: redactor)
                let key = SubjectKey(rule.id + "|" + subject.fingerprintKey)
                // The first occurrence, as nearly all are; the sequential pass renumbers repeats.
                evaluation.fingerprintKey = key.text + "|0"
                result.evaluations.append((evaluation, key))
            } catch {
                result.errors.append(error)
            }
        }
        guard rule.each != nil else {
            judge(item.subject)
            return result
        }
        for subject in expand(item.subject, rule: rule, payload: payload, errors: &result.errors, file: file)
        {
            judge(subject)
        }
        return result
    }

    private func expand(
        _ subject: Subject, rule: Rule, payload: any Sendable, errors: inout [InputError], file: String
    ) -> [Subject] {
        guard let each = rule.each else { return [subject] }
        let bindings = Bindings(subject.variables, adding: ("params", rule.parameters), payload: payload)
        let list = each.evaluate(bindings)
        var elements: [Value] = []
        switch list {
        case .null: return []
        case .list(let values): elements = values
        case .host(let host) where host.kind == .list:
            elements = (0..<host.count).map { host.element(at: $0) }
        case .unknown:
            // Even the number of elements is unknown: one undecidable subject stands for them.
            var unknownSubject = subject
            unknownSubject.variables["item"] = list
            unknownSubject.location.attribute = rule.eachPath
            return [unknownSubject]
        case .error(let error):
            errors.append(
                InputError(
                    file: file,
                    message: "rule \(rule.id) on \(subject.location.resource ?? file): each: \(error)"))
            return []
        default:
            errors.append(
                InputError(
                    file: file, message: "rule \(rule.id): each must give a list, got \(list.typeName)"))
            return []
        }
        return elements.enumerated().map { index, element in
            var copy = subject
            copy.variables["item"] = element
            if case .host(let host) = element, let path = host.sourcePath {
                copy.location.attribute = path.isEmpty ? nil : path
            } else {
                copy.location.attribute = (rule.eachPath ?? "") + "[\(index)]"
            }
            copy.fingerprintKey += "|" + (copy.location.attribute ?? "")
            return copy
        }
    }

    private func evaluate(
        _ rule: Rule, on subject: Subject, bindings: Bindings, redactor: Redactor
    ) throws(InputError)
        -> Evaluation
    {
        var location = subject.location
        if location.attribute == nil { location.attribute = rule.attribute }
        func result(_ outcome: Outcome, unknown: Unknown? = nil) -> Evaluation {
            var severity = rule.summary.severity
            var message = ""
            if outcome == .fail || outcome == .unknown {
                for case let (condition, graded) in rule.severityCases
                where condition.evaluate(bindings).boolValue == true {
                    severity = graded
                    break
                }
                if outcome == .unknown, let unknown {
                    // The rule's message describes a failure; an unknown is not one.
                    message = redactor.redact(
                        "\(rule.summary.title): cannot be decided before apply: \(unknown.explanation)")
                } else {
                    message = redactor.redact(rule.message.render(bindings).replacingNewlines())
                }
            }
            // Per-element subjects are named by their element; others point at what was unknown.
            if rule.each == nil, location.attribute == nil,
                let path = unknown?.causes.first(where: { !$0.path.isEmpty })?.path
            {
                location.attribute = path
            }
            return Evaluation(
                ruleID: rule.id, outcome: outcome, severity: severity, location: location, message: message,
                unknownReason: unknown.map { redactor.redact($0.explanation) },
                references: unknown?.allReferences ?? [],
                fingerprintKey: "", snippet: subject.snippet.map(redactor.redact),
                suppressed: subject.suppressedRules.contains(rule.id),
                suppressionLine: subject.suppressionLine)
        }
        func failure(_ stage: String, _ value: Value) -> InputError {
            let subjectName =
                subject.location.resource ?? subject.location.line.map { "line \($0)" } ?? "file"
            let detail: String
            if case .error(let error) = value {
                detail = error.description
            } else {
                detail = "expected a bool, got \(value.typeName)"
            }
            return InputError(
                file: subject.location.file, message: "rule \(rule.id) on \(subjectName): \(stage): \(detail)"
            )
        }
        if let appliesIf = rule.appliesIf {
            let value = appliesIf.evaluate(bindings)
            switch value {
            case .bool(false): return result(.notApplicable)
            case .bool(true): break
            case .unknown(let unknown): return result(.unknown, unknown: unknown)
            default: throw failure("applies_if", value)
            }
        }
        if let unknownIf = rule.unknownIf {
            let value = unknownIf.evaluate(bindings)
            switch value {
            case .bool(true):
                let reason = UnknownCause(
                    computed: false, reason: "undecidable before apply: \(rule.unknownIfSource)")
                return result(.unknown, unknown: Unknown(reason))
            case .bool(false): break
            case .unknown(let unknown): return result(.unknown, unknown: unknown)
            default: throw failure("unknown_if", value)
            }
        }
        let value = rule.assertion.evaluate(bindings)
        switch value {
        case .bool(true): return result(.pass)
        case .bool(false): return result(.fail)
        case .unknown(let unknown): return result(.unknown, unknown: unknown)
        default: throw failure("assert", value)
        }
    }
}
