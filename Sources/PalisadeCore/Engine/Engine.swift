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
        let (list, errors) = evaluateInPieces(document)
        return (list.array(), errors)
    }

    /// The evaluations of ``evaluate(_:)`` in the pieces they were computed in, for a consumer
    /// that takes them one at a time (see ``EvaluationList``).
    ///
    /// Without `keepingPasses`, passing and not-applicable results are only counted in
    /// ``EvaluationList/omitted``: they are most results, and a report that lists no passed
    /// checks needs nothing else from them.
    public func evaluateInPieces(
        _ document: any InputDocument, keepingPasses: Bool = true
    ) -> (evaluations: EvaluationList, errors: [InputError]) {
        // Selecting subjects builds their variable bindings, so it too runs on every core.
        let timed = RuleCosts.enabled
        let applicable = rules.filter { $0.input == document.kind.ruleInput }
        // The reference graph is built while the subjects are selected: each step leaves a core
        // idle at times (a subject list or a table filled on one), and the other fills it.
        let prepared =
            applicable.isEmpty
            ? nil
            : BackgroundWork { [document] in PhaseTimings.wallMilliseconds(document.prepareForEvaluation) }
        // With `PALISADE_TIMINGS`, the steps' wall times are printed on one line per document.
        var steps = PhaseTimings.Steps()
        defer { steps.report("evaluate \(document.path) steps") }
        let selected = steps.measure("select subjects") {
            applicable.parallelMap { rule in
                let start = timed ? PhaseTimings.threadCPUNanoseconds() : 0
                let subjects = document.subjects(for: rule)
                return (subjects, timed ? PhaseTimings.threadCPUNanoseconds() - start : 0)
            }
        }
        let schedule = WorkSchedule(applicable, subjectLists: selected.map(\.0))
        let work = schedule.items
        if let prepared { steps.record("prepare (beside the selection)", milliseconds: prepared.wait()) }
        guard !work.isEmpty else { return (EvaluationList(pieces: []), []) }
        let payload = document.payload
        let redactor = document.redactor
        let lists = SharedEachLists(applicable)
        // Compiled on every core before the evaluation, which then measures evaluation only:
        // compiling the rules' decisions was 4.5% of the evaluation's instructions on dense-3500.
        steps.measure("compile rules") {
            let compiling = schedule.rulesWithSubjects
            let cpu = compiling.parallelMap { rule in
                let start = timed ? PhaseTimings.threadCPUNanoseconds() : 0
                rule.compileDecisions()
                return timed ? PhaseTimings.threadCPUNanoseconds() - start : 0
            }
            if timed { RuleCosts.addCompilation(cpu.reduce(0, +)) }
        }
        // Tasks taken apart keep the two cores on different subjects, and at different places of
        // the plan.
        let taskResults = steps.measure("rules on subjects") {
            schedule.tasks.parallelMapApart { task in
                // The thread's CPU clock is a system call, which cost about a microsecond per item
                // and was counted in the items' time: it is read once per task, and the task's CPU
                // time is shared among its items by their spans on the monotonic clock (read in
                // user space, tens of nanoseconds).
                let taskStart = timed ? PhaseTimings.threadCPUNanoseconds() : 0
                var spans: [(item: Int, cost: RuleCosts.Cost)] = []
                var results: [(run: Int, result: WorkResult)] = []
                results.reserveCapacity(task.count)
                for run in task {
                    var result = WorkResult()
                    // One key per item at least (more for `each` rules): grown from empty, the
                    // array was reallocated as it filled, for every run.
                    result.keys.reserveCapacity(schedule.runs[run].count)
                    // One set of bindings for the run's rule, given each subject's variables in
                    // turn: built and dropped for every item, they cost about 400 instructions.
                    var bindings = Bindings(
                        adding: ("params", work[schedule.runs[run].lowerBound].rule.parameters),
                        payload: payload)
                    for index in schedule.runs[run] {
                        let start = timed ? PhaseTimings.monotonicNanoseconds() : 0
                        let before = result.keys.count
                        // The item's findings add their count and time to it as they are built.
                        var cost = RuleCosts.Cost()
                        evaluate(
                            work[index], into: &result, cost: &cost, bindings: &bindings,
                            keepingPasses: keepingPasses, payload: payload, redactor: redactor,
                            document: document, lists: lists)
                        if timed {
                            cost.nanoseconds = PhaseTimings.monotonicNanoseconds() - start
                            cost.subjects = 1
                            cost.evaluations = result.keys.count - before
                            spans.append((index, cost))
                        }
                    }
                    results.append((run, result))
                }
                if timed, !results.isEmpty {
                    let taskCPU = Double(PhaseTimings.threadCPUNanoseconds() - taskStart)
                    let spanned = Double(max(1, spans.reduce(0) { $0 + $1.cost.nanoseconds }))
                    // Kept with the task's first run: costs are summed per rule, wherever they lie.
                    results[0].result.costs = spans.map { span in
                        (span.item, span.cost.scaled(by: taskCPU / spanned))
                    }
                }
                return results
            }
        }
        // Runs back in rule order, each result moved into its place (an empty result allocates
        // nothing).
        var results = [WorkResult](repeating: WorkResult(), count: schedule.runs.count)
        for var task in taskResults {
            while let (run, result) = task.popLast() { results[run] = result }
        }
        if timed {
            // Subjects of a resource type are built once, by whichever rule asks first: charged to
            // that rule, they made a cheap rule look expensive. They are counted apart.
            RuleCosts.addSelection(selected.reduce(0) { $0 + $1.1 })
            // Every rule run is counted, those without subjects too.
            var costs = Dictionary(
                applicable.map { ($0.id, RuleCosts.Cost()) }, uniquingKeysWith: { first, _ in first })
            for result in results {
                for item in result.costs {
                    // Counted with the results left out, so the timing is the same either way.
                    costs[work[item.item].rule.id, default: RuleCosts.Cost()].add(item.cost)
                }
            }
            RuleCosts.add(costs)
        }
        var pieces: [[Evaluation]] = []
        pieces.reserveCapacity(results.count)
        var omitted = EvaluationList.OmittedOutcomes()
        var errors: [InputError] = []
        // Fingerprints number repeated (rule, subject) keys in order; hashing the fingerprint
        // itself waits until a reporter reads one. The kept evaluations are numbered in place
        // and their array becomes the piece: no evaluation is copied (a copy retains its many
        // strings), and the evaluations are never held twice.
        for repeated in steps.measure("number repeated keys", { Self.repeatedKeys(in: results) }) {
            results[repeated.result].evaluations[repeated.evaluation].occurrence = repeated.occurrence
        }
        for index in results.indices {
            errors += results[index].errors
            omitted.add(results[index].omitted)
            results[index].keys = []
            var piece: [Evaluation] = []
            swap(&piece, &results[index].evaluations)
            pieces.append(piece)
        }
        Self.markSuperseded(&pieces, by: rules)
        return (EvaluationList(pieces: pieces, omitted: omitted), errors)
    }

    /// Marks each result that a superseding rule's result on the same subject replaces.
    ///
    /// One problem, one finding; generic: the rules say which rules they supersede, and the
    /// subject key includes the element of per-element rules. A superseding failure replaces the
    /// other rules' failures and unknowns there; a superseding unknown replaces only their
    /// unknowns, since a narrower rule that fails found a problem the broader one could not decide.
    static func markSuperseded(_ pieces: inout [[Evaluation]], by rules: [Rule]) {
        let superseding = Dictionary(
            rules.filter { !$0.supersedes.isEmpty }.map { ($0.id, $0.supersedes) },
            uniquingKeysWith: { first, _ in first })
        guard !superseding.isEmpty else { return }
        let superseded = Set(superseding.values.joined())
        var replacedByFailure: [ReplacedKey: String] = [:]
        var replacedByUnknown: [ReplacedKey: String] = [:]
        // A suppressed result reports nothing, so it replaces nothing either.
        // Fields are read in place (a `for evaluation in` loop would copy each evaluation).
        for piece in pieces.indices {
            for index in pieces[piece].indices
            where !pieces[piece][index].suppressed
                && (pieces[piece][index].outcome == .fail || pieces[piece][index].outcome == .unknown)
            {
                for id in superseding[pieces[piece][index].ruleID] ?? [] {
                    let key = ReplacedKey(ruleID: id, subject: pieces[piece][index].subjectKey)
                    if pieces[piece][index].outcome == .fail {
                        replacedByFailure[key] = pieces[piece][index].ruleID
                    } else {
                        replacedByUnknown[key] = pieces[piece][index].ruleID
                    }
                }
            }
        }
        guard !replacedByFailure.isEmpty || !replacedByUnknown.isEmpty else { return }
        for piece in pieces.indices {
            for index in pieces[piece].indices {
                let outcome = pieces[piece][index].outcome
                guard outcome == .fail || outcome == .unknown,
                    superseded.contains(pieces[piece][index].ruleID)
                else { continue }
                let key = ReplacedKey(
                    ruleID: pieces[piece][index].ruleID, subject: pieces[piece][index].subjectKey)
                let winner =
                    outcome == .fail
                    ? replacedByFailure[key] : replacedByFailure[key] ?? replacedByUnknown[key]
                if let winner { pieces[piece][index].supersededBy = winner }
            }
        }
    }

    /// A rule whose result on a subject key another rule's result replaces.
    private struct ReplacedKey: Hashable {
        let ruleID: String
        let subject: String
    }

    /// Returns how often a key was seen before, counting this time.
    private static func countOccurrence(_ count: inout Int) -> Int {
        defer { count += 1 }
        return count
    }

    /// The kept evaluations whose (rule, subject) key came before them in work order, with how
    /// many times it did.
    ///
    /// Every key is counted, kept or not: an omitted pass still came before a later finding on
    /// the same key. Keys are shared out by hash, and each share is counted in order by its own
    /// pass on its own core; a repeat is rare, so only repeats come back. Equal keys have equal
    /// hashes, so a first pass over the hashes alone finds those met more than once, and only the
    /// keys with such a hash are counted by their text: counting every key by its text touched
    /// its two strings (copied into the table, with a reference count each), and took 14 ms on
    /// one core for a 10,500-resource plan, most of it cache misses.
    private static func repeatedKeys(
        in results: [WorkResult]
    ) -> [(result: Int, evaluation: Int, occurrence: Int)] {
        let shares = 2
        let keyCount = results.reduce(0) { $0 + $1.keys.count }
        let perShare = Array(0..<shares).parallelMap {
            share -> [(result: Int, evaluation: Int, occurrence: Int)] in
            func inShare(_ hash: Int) -> Bool { Int(UInt(bitPattern: hash) % UInt(shares)) == share }
            var seen = Set<Int>(minimumCapacity: keyCount / shares + 16)
            var repeatedHashes = Set<Int>()
            for index in results.indices {
                results[index].keys.withUnsafeBufferPointer { keys in
                    for position in keys.indices {
                        let hash = keys[position].key.hashCode
                        guard inShare(hash) else { continue }
                        if !seen.insert(hash).inserted { repeatedHashes.insert(hash) }
                    }
                }
            }
            guard !repeatedHashes.isEmpty else { return [] }
            var occurrences: [SubjectKey: Int] = [:]
            var repeats: [(result: Int, evaluation: Int, occurrence: Int)] = []
            for index in results.indices {
                var kept = 0
                // Read in place: a copied key retains its two strings.
                results[index].keys.withUnsafeBufferPointer { keys in
                    for position in keys.indices {
                        let isKept = keys[position].isKept
                        defer { if isKept { kept += 1 } }
                        let hash = keys[position].key.hashCode
                        guard inShare(hash), repeatedHashes.contains(hash) else { continue }
                        let occurrence = countOccurrence(&occurrences[keys[position].key, default: 0])
                        if isKept, occurrence > 0 { repeats.append((index, kept, occurrence)) }
                    }
                }
            }
            return repeats
        }
        return perShare.flatMap { $0 }
    }

    /// A (rule, subject) key with its hash computed once, where the evaluation ran.
    ///
    /// The hash mixes the rule's and the subject's, which each were hashed once (a rule has
    /// many subjects, and a subject many rules): hashing both strings for every evaluation cost
    /// about 700 instructions.
    private struct SubjectKey: Hashable, Sendable {
        let ruleID: String
        let subject: String
        let hashCode: Int

        init(rule: Rule, subject: String, subjectHash: Int) {
            self.ruleID = rule.id
            self.subject = subject
            // Both are seeded hashes of their texts; the rule's is scrambled by an odd constant
            // so that the mix is not symmetric in the two.
            hashCode = subjectHash ^ (rule.idHash &* Self.mixer)
        }

        private static let mixer = Int(bitPattern: 0x9E37_79B9_7F4A_7C15)

        func hash(into hasher: inout Hasher) { hasher.combine(hashCode) }

        static func == (left: SubjectKey, right: SubjectKey) -> Bool {
            left.hashCode == right.hashCode && left.ruleID == right.ruleID && left.subject == right.subject
        }
    }

    /// What one run's work items give: evaluations, the (rule, subject) key of every result in
    /// order with whether its evaluation was kept, and errors.
    private struct WorkResult: Sendable {
        var evaluations: [Evaluation] = []
        var keys: [(key: SubjectKey, isKept: Bool)] = []
        var omitted = EvaluationList.OmittedOutcomes()
        var errors: [InputError] = []
        /// Each item's place in the work list and its cost, measured only for
        /// `PALISADE_TIMINGS=rules`.
        var costs: [(item: Int, cost: RuleCosts.Cost)] = []
    }

    /// Judges one work item.
    ///
    /// `bindings` hold the item's rule's `params` and the payload, and are given the subject's
    /// variables (and each element as `item`) here. With `PALISADE_TIMINGS=rules`, the findings
    /// it builds add their count and time to `cost`.
    private func evaluate(
        _ item: WorkItem, into result: inout WorkResult, cost: inout RuleCosts.Cost,
        bindings: inout Bindings, keepingPasses: Bool,
        payload: any AnyObject & Sendable, redactor: Redactor, document: any InputDocument,
        lists: SharedEachLists
    ) {
        let rule = item.rule
        // Bindings passed in, not captured: evaluating with a captured one copied it for every
        // subject. The subject is read in place through `subjects`.
        func judge(_ subjects: UnsafeBufferPointer<Subject>, element: EachElement?, bindings: inout Bindings)
        {
            bindings.secondExtra = element.map { (name: "item", value: $0.value) }
            // One session for all of the rule's expressions on this subject: the variables are
            // bound once, and what one expression read from the document serves the next. The
            // result is used inside: carried out of the session, it was copied several times.
            EvaluationSession.with(bindings) { session in
                record(subjects, element: element, session: session)
            }
        }
        func record(
            _ subjects: UnsafeBufferPointer<Subject>, element: EachElement?,
            session: borrowing EvaluationSession
        ) {
            let subject = UnsafePointer(subjects.baseAddress.unsafelyUnwrapped + item.index)
            do {
                let judged = try evaluate(
                    rule, on: subject.pointee, element: element, session: session, redactor: redactor,
                    document: document, keepingPasses: keepingPasses, findingCost: &cost)
                // The sequential pass numbers repeated keys.
                let (keyText, keyHash) =
                    element.map { ($0.fingerprintKey, $0.fingerprintKeyHash) }
                    ?? (subject.pointee.fingerprintKey, subject.pointee.fingerprintKeyHash)
                let key = SubjectKey(rule: rule, subject: keyText, subjectHash: keyHash)
                // Consumed: a copy of a kept evaluation retains its many strings.
                switch consume judged {
                case .kept(let evaluation):
                    result.keys.append((key, true))
                    result.evaluations.append(evaluation)
                case .counted(let outcome, let suppressed):
                    result.keys.append((key, false))
                    if suppressed {
                        result.omitted.suppressed += 1
                    } else if outcome == .pass {
                        result.omitted.pass += 1
                    } else {
                        result.omitted.notApplicable += 1
                    }
                }
            } catch {
                result.errors.append(error)
            }
        }
        // Read in place: a copy of a subject retains every field, on every evaluation.
        item.subjects.withUnsafeBufferPointer { subjects in
            // Once per item: every element of an `each` list shares the subject's variables.
            bindings.variables = subjects[item.index].variables
            guard rule.each != nil else {
                judge(subjects, element: nil, bindings: &bindings)
                return
            }
            let elements = expand(
                subjects[item.index], rule: rule, payload: payload, lists: lists, errors: &result.errors,
                document: document)
            for element in elements { judge(subjects, element: element, bindings: &bindings) }
        }
    }

    /// The elements of `rule`'s `each` list on `subject`.
    ///
    /// An element's subject (the base subject with `item` bound, its attribute and key) is built
    /// only for a result that is kept: copying the subject and its variables for every element
    /// cost about 5,000 instructions, most of them for passes that are only counted.
    private func expand(
        _ subject: Subject, rule: Rule, payload: any AnyObject & Sendable, lists: SharedEachLists,
        errors: inout [InputError], document: any InputDocument
    ) -> [EachElement] {
        guard let each = rule.each else { return [] }
        let expansion = lists.expansion(of: rule, on: subject) {
            let list = each.evaluate(
                Bindings(subject.variables, adding: ("params", rule.parameters), payload: payload))
            switch list {
            case .null: return .elements([])
            case .list(let values):
                return .elements(
                    values.indices.map { EachElement(values[$0], at: $0, of: rule, in: subject) })
            case .host(let host) where host.kind == .list:
                return .elements(
                    (0..<host.count).map { EachElement(host.element(at: $0), at: $0, of: rule, in: subject) })
            case .unknown:
                // Even the number of elements is unknown: one undecidable subject stands for them.
                return .elements([EachElement(unknownList: list, of: rule, in: subject)])
            default:
                return .notAList(list)
            }
        }
        let list: Value
        switch expansion {
        case .elements(let elements): return elements
        case .notAList(let value): list = value
        }
        // The file is read only for an error: asking the document cost a retain for every item.
        let file = document.path
        switch list {
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
    }

    /// One rule's result on one subject: the evaluation, or for a pass or not-applicable result
    /// that is not kept, only what the summary counts.
    private enum Judged {
        case kept(Evaluation)
        case counted(Outcome, suppressed: Bool)
    }

    private func evaluate(
        _ rule: Rule, on original: Subject, element: EachElement?, session: borrowing EvaluationSession,
        redactor: Redactor, document: any InputDocument, keepingPasses: Bool,
        findingCost: inout RuleCosts.Cost
    ) throws(InputError)
        -> Judged
    {
        func result(
            _ outcome: Outcome, unknownValues: [UnknownValue] = [], unknownIfHolds: Bool = false
        ) -> Judged {
            let isFinding = outcome == .fail || outcome == .unknown
            // What a finding's message, location and severity cost, apart from its decision.
            let timed = isFinding && RuleCosts.enabled
            let start = timed ? PhaseTimings.monotonicNanoseconds() : 0
            defer {
                if timed {
                    findingCost.findings += 1
                    findingCost.findingNanoseconds += PhaseTimings.monotonicNanoseconds() - start
                }
            }
            guard keepingPasses || isFinding else {
                // Most subjects have no suppression: an empty set is not asked (asking hashes the id).
                let rules = original.suppressedRules
                return .counted(outcome, suppressed: !rules.isEmpty && rules.contains(rule.id))
            }
            // The subject as the finding shows it: the element's own subject is built only when a
            // finding moves to another line (building it copied the subject's fields and variables
            // for every failed element). Never changed in place: its fields are shared storage.
            var shown = original
            var isMoved = false
            var location = if let element { element.location(in: original) } else { original.location }
            var severity = rule.summary.severity
            var message = ""
            var unknownReason: String?
            var unknownReasonMarksCode = false
            if isFinding {
                for case let (condition, graded) in rule.severityCases
                where session.evaluate(condition).boolValue == true {
                    severity = graded
                    break
                }
                if let reportLine = rule.reportLine, case .int(let line) = session.evaluate(reportLine),
                    line >= 1, line != Int64(original.location.line ?? 0)
                {
                    if let element { shown = element.subject(in: original) }
                    shown = document.relocated(shown, toLine: Int(line))
                    location = shown.location
                    isMoved = true
                }
                // Counted on the quoted line as printed: a masked secret before the token
                // changes the line's length.
                if let token = rule.token, let text = token.renderIfDecided(session) {
                    location.column = Self.column(
                        of: redactor.redact(text),
                        in: shown.snippet.first.map(redactor.redact))
                } else {
                    location.column = nil
                }
                if outcome == .unknown {
                    let (reason, marksCode) = unknownSentence(
                        rule, unknownValues: unknownValues, unknownIfHolds: unknownIfHolds,
                        document: document, session: session)
                    let redacted = redactor.redact(reason)
                    unknownReason = redacted
                    // A masked secret that took a backtick with it would leave one unpaired. Most
                    // reasons come back from the redactor unchanged, and the equality spares
                    // counting (counting alone: +2.8 M instructions on storage-network-10500).
                    unknownReasonMarksCode =
                        marksCode
                        && (redacted == reason || Self.backticks(in: redacted) == Self.backticks(in: reason))
                    // The rule's message describes a failure; an unknown is not one, and the input's
                    // kind says what it cannot be decided from.
                    message = redactor.redact("\(rule.summary.title): \(document.kind.undecided): \(reason)")
                } else {
                    message = rule.message.render(session, redactor: redactor).replacingNewlines()
                }
            }
            if isFinding {
                locateAttribute(&location, rule: rule, session: session, unknownValues: unknownValues)
            }
            let shownValues = unknownValues.map { value in
                var redacted = value
                redacted.references = value.references.map(redactor.redact)
                redacted.resource = value.resource.map(redactor.redact)
                return redacted
            }
            let subjectKey =
                isMoved ? shown.fingerprintKey : element?.fingerprintKey ?? original.fingerprintKey
            return .kept(
                Evaluation(
                    ruleID: rule.id, outcome: outcome, severity: severity, location: consume location,
                    message: message,
                    unknownReason: unknownReason, unknownReasonMarksCode: unknownReasonMarksCode,
                    references: shownValues.allReferences,
                    unknownValues: shownValues,
                    subjectKey: subjectKey, supersededBy: nil,
                    snippet: shown.snippet.map(redactor.redact),
                    suppressed: shown.suppressedRules.contains(rule.id),
                    suppression: shown.suppressionNotes[rule.id], suppressionLine: shown.suppressionLine))
        }
        func failure(_ stage: String, _ value: Value) -> InputError {
            let subjectName =
                original.location.resource ?? original.location.line.map { "line \($0)" } ?? "file"
            let detail: String
            if case .error(let error) = value {
                detail = error.description
            } else {
                detail = "expected a bool, got \(value.typeName)"
            }
            return InputError(
                file: original.location.file,
                message: "rule \(rule.id) on \(subjectName): \(stage): \(detail)"
            )
        }
        /// The values behind an unknown: its own causes, else the unknown reads met on the way.
        func values(_ unknown: Unknown?, reads: [UnknownCause]) -> [UnknownValue] {
            let causes = unknown.map(\.causes).flatMap { $0.isEmpty ? nil : $0 } ?? reads
            let subject = original.location.resource
            return causes.map { cause in
                var value = UnknownValue(cause, subject: subject)
                if value.state == "unknown_reference" {
                    value.references = document.referencesKnownOnlyAfterApply(value.references)
                }
                return value
            }
        }
        if let appliesIf = rule.appliesIf {
            let (value, reads) = session.evaluateRecordingUnknownReads(appliesIf)
            switch value {
            case .bool(false): return result(.notApplicable)
            case .bool(true): break
            case .unknown(let unknown): return result(.unknown, unknownValues: values(unknown, reads: reads))
            default: throw failure("applies_if", value)
            }
        }
        if let unknownIf = rule.unknownIf {
            let (value, reads) = session.evaluateRecordingUnknownReads(unknownIf)
            switch value {
            case .bool(true):
                return result(.unknown, unknownValues: values(nil, reads: reads), unknownIfHolds: true)
            case .bool(false): break
            case .unknown(let unknown): return result(.unknown, unknownValues: values(unknown, reads: reads))
            default: throw failure("unknown_if", value)
            }
        }
        let (value, reads) = session.evaluateRecordingUnknownReads(rule.assertion)
        switch value {
        case .bool(true): return result(.pass)
        case .bool(false): return result(.fail)
        case .unknown(let unknown): return result(.unknown, unknownValues: values(unknown, reads: reads))
        default: throw failure("assert", value)
        }
    }

    /// Why an unknown could not be decided, in one sentence, and whether its backticks are all
    /// the rule's or the engine's own (see ``Evaluation/unknownReasonMarksCode``).
    ///
    /// The rule's own wording when its `unknown_if` holds and it has one that is not empty, else
    /// the values and their states, else what kind of input leaves it open. An unknown value
    /// propagated to the outcome speaks for itself.
    private func unknownSentence(
        _ rule: Rule, unknownValues: [UnknownValue], unknownIfHolds: Bool, document: any InputDocument,
        session: borrowing EvaluationSession
    ) -> (text: String, marksCode: Bool) {
        // A message that renders empty leaves the case to the sentence about the values.
        if unknownIfHolds, let template = rule.unknownMessage {
            let (text, marksCode) = template.renderMarkingCode(session, undecided: "(not known yet)")
            if !text.allSatisfy(\.isWhitespace) { return (text.replacingNewlines(), marksCode) }
        }
        if let sentence = unknownValues.sentence { return (sentence, unknownValues.sentenceMarksCode) }
        return (document.kind.undecidedReason, true)
    }

    /// How many backticks `text` holds.
    private static func backticks(in text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "`") ? 1 : 0) }
    }

    /// Points a plan finding at its attribute.
    ///
    /// A failure names the attribute the rule declares, inside the element of a per-element rule
    /// (`ingress[2].cidr_blocks`). An unknown of a per-element rule names the unknown value in its
    /// element when there is one (`ingress[0].protocol`); other unknowns keep the rule's
    /// attribute, because an unknown value may belong to another resource the rule joined.
    private func locateAttribute(
        _ location: inout Location, rule: Rule, session: borrowing EvaluationSession,
        unknownValues: [UnknownValue]
    ) {
        guard rule.input == .tfplan else { return }
        // An undecided join, or a value read through a joined resource, names an attribute of
        // another resource, not of this one.
        let ownPaths = unknownValues.filter { $0.state != "undecided_join" && $0.resource == nil }
            .compactMap(\.attribute)
        let element = location.attribute.flatMap { $0.isEmpty ? nil : $0 }
        var named: String?
        if let attribute = rule.attribute, let text = attribute.renderIfDecided(session), !text.isEmpty {
            named = text
        }
        if rule.each != nil, !unknownValues.isEmpty {
            guard let element else {
                location.attribute = ownPaths.first ?? named
                return
            }
            // Inside the element, or the element itself when even the list is unknown.
            let inside = ownPaths.first {
                $0 == element || $0.hasPrefix(element + ".") || $0.hasPrefix(element + "[")
            }
            location.attribute = inside ?? element
            return
        }
        // A leading `/` makes the attribute a path from the resource, not from the element: a
        // container's setting may be inherited from its pod (K8S-WKL-002).
        if let named, named.hasPrefix("/") {
            location.attribute = String(named.dropFirst())
            return
        }
        switch (element, named) {
        case (let element?, let named?):
            location.attribute = element + (named.hasPrefix("[") ? "" : ".") + named
        case (nil, let named?): location.attribute = named
        case (let element?, nil): location.attribute = element
        case (nil, nil): location.attribute = ownPaths.first
        }
    }

    /// The 1-based column of the first occurrence of `token` in `line`, in characters.
    static func column(of token: String, in line: String?) -> Int? {
        guard let line, !token.isEmpty else { return nil }
        // Past the keyword: `FROM base AS base` points at the image, not at a keyword.
        let keywordEnd =
            line.firstIndex(where: { $0 != " " && $0 != "\t" })
            .flatMap { start in line[start...].firstIndex(where: { $0 == " " || $0 == "\t" }) }
            ?? line.startIndex
        guard let range = line[keywordEnd...].range(of: token) ?? line.range(of: token) else { return nil }
        return line.distance(from: line.startIndex, to: range.lowerBound) + 1
    }
}
