/// A run of literal scalars that every match of a pattern contains, found in its parsed form, so
/// a search can reject a text that lacks it with a substring test instead of running the VM.
///
/// Only exact `.literal` nodes count: under `(?i)` a letter with case variants is parsed as a
/// class, so it never joins a run. Alternation contributes only what all its choices share
/// exactly, an optional or starred part nothing, and a zero-width assertion keeps the runs on
/// either side of it adjacent (it consumes nothing).
struct RequiredLiteral: Sendable, Equatable {
    /// The UTF-8 bytes of the literal; a text that contains a match contains these bytes.
    let bytes: [UInt8]

    /// The longest literal every match of `node` contains, or nil when there is none worth testing.
    init?(_ node: RegexNode) {
        let facts = Facts(node)
        guard let longest = facts.required.max(by: { $0.count < $1.count }), !longest.isEmpty else {
            return nil
        }
        bytes = Array(String(String.UnicodeScalarView(longest)).utf8)
    }

    /// Whether `text` contains the literal. UTF-8 is self-synchronising, so a byte match of a
    /// whole-scalar sequence is a match of the same scalars.
    func isContained(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            let count = bytes.count
            guard count <= haystack.count else { return false }
            let first = bytes[0]
            var start = 0
            let last = haystack.count - count
            while start <= last {
                if haystack[start] == first {
                    var offset = 1
                    while offset < count, haystack[start + offset] == bytes[offset] { offset += 1 }
                    if offset == count { return true }
                }
                start += 1
            }
            return false
        }
    }

    /// What the parsed form says about the texts a node matches.
    private struct Facts {
        /// The one sequence the node matches, when it matches exactly one.
        var exact: [Unicode.Scalar]?
        /// Sequences every match of the node contains.
        var required: [[Unicode.Scalar]]

        init(_ node: RegexNode) {
            switch node {
            case .empty, .assertion:
                self.init(exact: [], required: [])
            case .literal(let scalar):
                self.init(exact: [scalar], required: [[scalar]])
            case .anyExceptNewline, .scalarSet:
                self.init(exact: nil, required: [])
            case .concatenation(let parts):
                self.init(concatenating: parts.map(Facts.init))
            case .alternation(let choices):
                let facts = choices.map(Facts.init)
                // Only a sequence that every choice matches exactly is certain.
                if let first = facts.first?.exact, facts.allSatisfy({ $0.exact == first }) {
                    self.init(exact: first, required: [first])
                } else {
                    self.init(exact: nil, required: [])
                }
            case .repetition(let inner, let minimum, let maximum):
                guard minimum > 0 else {
                    self.init(exact: minimum == 0 && maximum == 0 ? [] : nil, required: [])
                    return
                }
                let facts = Facts(inner)
                if let exact = facts.exact, maximum == minimum {
                    let repeated = Array([[Unicode.Scalar]](repeating: exact, count: minimum).joined())
                    self.init(exact: repeated, required: [repeated])
                } else {
                    // At least one copy is matched, so whatever one copy must contain is required.
                    self.init(exact: nil, required: facts.required + (facts.exact.map { [$0] } ?? []))
                }
            }
        }

        private init(exact: [Unicode.Scalar]?, required: [[Unicode.Scalar]]) {
            self.exact = exact
            self.required = required
        }

        /// Adjacent exact parts join into one run; a part that is not exact ends the run.
        private init(concatenating parts: [Facts]) {
            var required: [[Unicode.Scalar]] = []
            var run: [Unicode.Scalar] = []
            var allExact = true
            for part in parts {
                if let exact = part.exact {
                    run += exact
                } else {
                    allExact = false
                    required.append(run)
                    run = []
                    required += part.required
                }
            }
            required.append(run)
            self.init(exact: allExact ? run : nil, required: required.filter { !$0.isEmpty })
        }
    }
}
