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
        guard !facts.longest.isEmpty else { return nil }
        bytes = facts.longest
    }

    /// Whether `text` contains the literal.
    ///
    /// UTF-8 is self-synchronising, so a byte match of a whole-scalar sequence is a match of the
    /// same scalars.
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

    /// What the parsed form says about the texts a node matches, as UTF-8.
    ///
    /// Scalars concatenate as their encodings do. This runs once per pattern compiled, so it
    /// keeps only the longest required run rather than all of them.
    private struct Facts {
        /// The one text the node matches, when it matches exactly one.
        var exact: [UInt8]?
        /// The longest text every match of the node contains (empty when none is known).
        var longest: [UInt8]

        init(_ node: RegexNode) {
            switch node {
            case .empty, .assertion:
                self.init(exact: [], longest: [])
            case .literal(let scalar):
                var encoded: [UInt8] = []
                Unicode.UTF8.encode(scalar) { encoded.append($0) }
                self.init(exact: encoded, longest: encoded)
            case .anyExceptNewline, .scalarSet:
                self.init(exact: nil, longest: [])
            case .concatenation(let parts):
                self.init(concatenating: parts)
            case .alternation(let choices):
                // Only a text that every choice matches exactly is certain.
                var exact = choices.isEmpty ? nil : Facts(choices[0]).exact
                for choice in choices.dropFirst() where exact != nil && Facts(choice).exact != exact {
                    exact = nil
                }
                self.init(exact: exact, longest: exact ?? [])
            case .repetition(let inner, let minimum, let maximum):
                guard minimum > 0 else {
                    self.init(exact: maximum == 0 ? [] : nil, longest: [])
                    return
                }
                let facts = Facts(inner)
                if let exact = facts.exact, maximum == minimum {
                    let repeated = Array([[UInt8]](repeating: exact, count: minimum).joined())
                    self.init(exact: repeated, longest: repeated)
                } else {
                    // At least one copy is matched, so whatever one copy must contain is required.
                    self.init(exact: nil, longest: facts.exact ?? facts.longest)
                }
            }
        }

        private init(exact: [UInt8]?, longest: [UInt8]) {
            self.exact = exact
            self.longest = longest
        }

        /// Adjacent exact parts join into one run; a part that is not exact ends the run.
        private init(concatenating parts: [RegexNode]) {
            var longest: [UInt8] = []
            var run: [UInt8] = []
            var allExact = true
            for part in parts {
                let facts = Facts(part)
                if let exact = facts.exact {
                    run += exact
                } else {
                    allExact = false
                    if run.count > longest.count { longest = run }
                    run = []
                    if facts.longest.count > longest.count { longest = facts.longest }
                }
            }
            if run.count > longest.count { longest = run }
            self.init(exact: allExact ? run : nil, longest: longest)
        }
    }
}
