/// "Did you mean" suggestions for misspelt keys and values.
enum Suggestion {
    /// The closest candidate to `word`, if it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let normalized = normalize(word)
        if let exact = candidates.first(where: { normalize($0) == normalized }) { return exact }
        let scored = candidates.map { ($0, distance(normalized, normalize($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let limit = max(1, min(3, best.0.count / 3))
        return best.1 <= limit ? best.0 : nil
    }

    /// ` (did you mean 'x'?)` or the empty string.
    static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private static func normalize(_ text: String) -> [Character] {
        Array(text.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Levenshtein distance with a rolling row; words here are short.
    private static func distance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.isEmpty { return rhs.count }
        var previous = Array(0...rhs.count)
        for (index, left) in lhs.enumerated() {
            var current = [index + 1]
            for (offset, right) in rhs.enumerated() {
                let substitution = previous[offset] + (left == right ? 0 : 1)
                current.append(min(previous[offset + 1] + 1, current[offset] + 1, substitution))
            }
            previous = current
        }
        return previous[rhs.count]
    }
}
