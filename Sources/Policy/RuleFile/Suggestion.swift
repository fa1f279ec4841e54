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

    /// Edit distance counting an adjacent transposition as one edit (optimal string alignment),
    /// since swapped letters are the commonest typo; words here are short.
    private static func distance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: rhs.count + 1), count: lhs.count + 1)
        for row in 0...lhs.count { table[row][0] = row }
        for column in 0...rhs.count { table[0][column] = column }
        for row in 1...lhs.count {
            for column in 1...rhs.count {
                let cost = lhs[row - 1] == rhs[column - 1] ? 0 : 1
                var best = min(
                    table[row - 1][column] + 1, table[row][column - 1] + 1, table[row - 1][column - 1] + cost)
                if row > 1, column > 1, lhs[row - 1] == rhs[column - 2], lhs[row - 2] == rhs[column - 1] {
                    best = min(best, table[row - 2][column - 2] + 1)
                }
                table[row][column] = best
            }
        }
        return table[lhs.count][rhs.count]
    }
}
