import Foundation
import Policy

/// A finding message with `{{ expression }}` holes, compiled once when the rule loads.
struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case expression(CompiledExpression)
        /// A hole that is one variable (`{{address}}`, in most messages): read from the bindings
        /// instead of running the compiled expression, which costs an evaluation's setup.
        case variable(String, CompiledExpression)
    }

    let parts: [Part]

    /// For each part, the string literals of its expression that hold a backtick, longest first
    /// (see ``isAuthored(_:literals:)``).
    ///
    /// Read when the template loads, not for every finding: parsing the hole's source again cost
    /// about a million instructions per unknown finding of AWS-RDS-004.
    private let backtickLiterals: [[[UInt8]]]

    /// For each part, the string literals of its expression: a hole whose text is one of them
    /// shows the rule's own words (`{{ x ? "usually root" : "uid 0" }}`), which are not redacted.
    ///
    /// A list: a hole has a few literals, and hashing a message's text to ask a set cost about
    /// 600 instructions per finding.
    private let authoredLiterals: [[String]]

    /// A template of these parts.
    init(parts: [Part]) {
        self.parts = parts
        (authoredLiterals, backtickLiterals) = Self.literals(of: parts)
    }

    /// Splits `source` at `{{ … }}` and compiles each hole in `environment`.
    init(_ source: String, environment: Environment) throws(PolicyError) {
        var parts: [Part] = []
        var rest = Substring(source)
        while let open = rest.firstRange(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                parts.append(.text(String(rest[open.lowerBound...])))
                rest = rest[rest.endIndex...]
                break
            }
            let expression = String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces()
            let compiled = try Expression.compile(expression, environment: environment)
            // It compiled, so a lone identifier other than a literal names a declared variable.
            parts.append(
                Self.isIdentifier(expression) && !["true", "false", "null"].contains(expression)
                    ? .variable(expression, compiled) : .expression(compiled))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.init(parts: parts)
    }

    /// Each part's string literals, read from its source once: all of them, and those with a
    /// backtick as bytes, longest first.
    private static func literals(of parts: [Part]) -> (authored: [[String]], backtick: [[[UInt8]]]) {
        let literals = parts.map { part -> [String] in
            guard case .expression(let expression) = part else { return [] }
            return Expression.stringLiterals(in: expression.source)
        }
        return (
            literals,
            literals.map { texts in
                texts.filter { $0.contains("`") }.sorted { $0.utf8.count > $1.utf8.count }.map {
                    Array($0.utf8)
                }
            }
        )
    }

    /// Renders the message with every hole filled.
    ///
    /// A hole that cannot be evaluated shows as `undecided` (say `(known after apply)`) or
    /// `(error)`. Values print as text: lists as comma-separated elements, never as JSON arrays.
    func render(_ bindings: Bindings, undecided: String = "(known after apply)") -> String {
        var text = ""
        EvaluationSession.with(bindings) { text = render($0, undecided: undecided) }
        return text
    }

    /// Renders the message like ``render(_:undecided:)``, in a session that a rule's other
    /// expressions share; with a `redactor`, every hole's text is redacted.
    ///
    /// Only the holes, and of them only a text that is not one of the hole's own string literals:
    /// the input's values come through holes, the rest is the rule's own wording. Redacting the
    /// whole message also masked the rule's words wherever a secret of the input was the same
    /// word (a password `root` turned "usually root" into "usually (sensitive)"), which mangled
    /// the message and showed which word the secret was.
    func render(
        _ session: borrowing EvaluationSession, undecided: String = "(known after apply)",
        redactor: Redactor? = nil
    ) -> String {
        // Never nil: an undecided or failed hole has its text.
        rendered(session, undecided: undecided, checkingBackticks: false, redactor: redactor).text ?? ""
    }

    /// Renders the message like ``render(_:undecided:)``, and says whether every backtick in it
    /// is the template's own: then its backtick pairs mark code, as the rule's author wrote them.
    func renderMarkingCode(
        _ session: borrowing EvaluationSession, undecided: String
    ) -> (
        text: String, marksCode: Bool
    ) {
        let (text, holesHaveBackticks) = rendered(session, undecided: undecided, checkingBackticks: true)
        return (text ?? "", !holesHaveBackticks)
    }

    /// The rendered text when every hole has a definite value, else nil.
    func renderIfDecided(_ bindings: Bindings) -> String? {
        var text: String?
        EvaluationSession.with(bindings) {
            text = rendered($0, undecided: nil, checkingBackticks: false).text
        }
        return text
    }

    /// The rendered text when every hole has a definite value, else nil; in a session that a
    /// rule's other expressions share.
    func renderIfDecided(_ session: borrowing EvaluationSession) -> String? {
        rendered(session, undecided: nil, checkingBackticks: false).text
    }

    /// The text with every hole filled, or nil for an undecided hole when `undecided` is nil.
    ///
    /// An unknown or error hole shows as `undecided` and `(error)`. With `checkingBackticks`
    /// (not for messages, which are rendered for every finding), `holesHaveBackticks` says
    /// whether a hole's text brought a backtick that is not the rule's own (see
    /// ``isAuthored(_:by:)``).
    private func rendered(
        _ session: borrowing EvaluationSession, undecided: String?, checkingBackticks: Bool,
        redactor: Redactor? = nil
    ) -> (text: String?, holesHaveBackticks: Bool) {
        // A template without holes (most attribute templates: `encrypted`) is its text: copied
        // into a new string, it cost about 800 instructions per finding.
        if parts.count == 1, case .text(let literal) = parts[0] { return (literal, false) }
        // The pieces are kept on the stack and joined once: an array of them cost an allocation
        // per finding, and appending piece by piece cost more than the one join.
        return withUnsafeTemporaryAllocation(of: String.self, capacity: parts.count) { pieces in
            let base = pieces.baseAddress.unsafelyUnwrapped
            var count = 0
            defer { base.deinitialize(count: count) }
            var holesHaveBackticks = false
            // By index: the part is read again only for a hole text with a backtick (a binding
            // kept for that copied and destroyed every part, 1.6 M instructions on
            // storage-network-10500).
            for index in parts.indices {
                let value: Value
                switch parts[index] {
                case .text(let literal):
                    (base + count).initialize(to: literal)
                    count += 1
                    continue
                case .expression(let expression): value = session.evaluate(expression)
                case .variable(let name, let expression):
                    // The bound value, when the evaluation could take its one step; else what the
                    // compiled expression gives, an error included.
                    value =
                        session.stepBudget > 0
                        ? session.value(of: name) ?? session.evaluate(expression)
                        : session.evaluate(expression)
                }
                var text: String
                switch value {
                case .unknown, .error:
                    guard let undecided else { return (nil, holesHaveBackticks) }
                    text = value.isUnknown ? undecided : "(error)"
                default:
                    text = value.messageText
                    if let redactor, !redactor.isEmpty, !authoredLiterals[index].contains(text) {
                        text = redactor.redact(text)
                    }
                    if checkingBackticks, !holesHaveBackticks, text.utf8.contains(UInt8(ascii: "`")),
                        !Self.isAuthored(text, literalBytes: backtickLiterals[index])
                    {
                        holesHaveBackticks = true
                    }
                }
                (base + count).initialize(to: text)
                count += 1
            }
            return (String.concatenating(UnsafeBufferPointer(start: base, count: count)), holesHaveBackticks)
        }
    }

    /// True when every backtick of a hole's `text` comes from the string literals written in it.
    ///
    /// The literals are the rule author's words, chosen (`{{ x ? "`a` is set" : "`b` is not" }}`)
    /// or joined around a value (`"the group `" + name + "` is not managed"`): with every literal
    /// that holds a backtick taken out, longest first, no backtick may be left. Parsed only for a
    /// text with a backtick, in a rendering that asks. `literals` are the hole's, longest first;
    /// a variable hole has none, so a backtick in its value is never the author's.
    static func isAuthored(_ text: String, literals: [String]) -> Bool {
        isAuthored(text, literalBytes: literals.map { Array($0.utf8) })
    }

    /// ``isAuthored(_:literals:)`` with the literals' bytes, read once when the template loads.
    static func isAuthored(_ text: String, literalBytes: [[UInt8]]) -> Bool {
        var rest = Array(text.utf8)
        for literal in literalBytes {
            // Nothing left to account for: the remaining literals cannot change the answer.
            guard rest.contains(UInt8(ascii: "`")) else { return true }
            rest = removingOccurrences(of: literal, from: rest)
        }
        return !rest.contains(UInt8(ascii: "`"))
    }

    /// `bytes` without any occurrence of `pattern`, read left to right.
    ///
    /// Compared by pointer, first byte before the rest: a slice comparison at every byte cost
    /// about 28,000 instructions per unknown reason of AWS-RDS-004.
    static func removingOccurrences(of pattern: [UInt8], from bytes: [UInt8]) -> [UInt8] {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return bytes }
        return bytes.withUnsafeBufferPointer { source in
            pattern.withUnsafeBufferPointer { needle in
                guard let start = source.baseAddress, let needleStart = needle.baseAddress else {
                    return bytes
                }
                let first = needle[0]
                let lastStart = source.count - needle.count
                func matches(at index: Int) -> Bool {
                    source[index] == first && memcmp(start + index, needleStart, needle.count) == 0
                }
                // Most literals are not in the text (one branch's words are): no copy then.
                guard let firstMatch = (0...lastStart).first(where: matches) else { return bytes }
                var kept: [UInt8] = Array(source[..<firstMatch])
                kept.reserveCapacity(source.count)
                var index = firstMatch
                while index < source.count {
                    if index <= lastStart, matches(at: index) {
                        index += needle.count
                    } else {
                        kept.append(source[index])
                        index += 1
                    }
                }
                return kept
            }
        }
    }

    /// True for an identifier: a letter or `_`, then letters, digits and `_` (ASCII).
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || Self.isLetter(first) else {
            return false
        }
        return text.utf8.allSatisfy {
            $0 == UInt8(ascii: "_") || Self.isLetter($0) || (0x30...0x39).contains($0)
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
