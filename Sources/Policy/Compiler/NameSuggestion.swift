/// Finds the candidate a misspelt name most likely meant, for "did you mean" hints.
public enum NameSuggestion {
    /// The candidate closest to `name` by edit distance, when close enough to be a typo.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance =
                candidate.lowercased() == lowered
                ? 0 : editDistance(Array(lowered), Array(candidate.lowercased()))
            let limit = max(1, min(3, name.count / 3))
            guard distance <= limit else { continue }
            if best == nil || distance < best?.distance ?? .max
                || (distance == best?.distance && candidate < best?.candidate ?? "")
            {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// " did you mean 'x'?" when a close candidate exists, else the empty string.
    public static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        closest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions, which are
    /// the commonest typo (`hgih` for `high`).
    private static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: right.count + 1), count: left.count + 1)
        for row in 0...left.count { table[row][0] = row }
        for column in 0...right.count { table[0][column] = column }
        for row in 1...left.count {
            for column in 1...right.count {
                let cost = left[row - 1] == right[column - 1] ? 0 : 1
                var best = min(
                    table[row - 1][column] + 1, table[row][column - 1] + 1, table[row - 1][column - 1] + cost)
                if row > 1, column > 1, left[row - 1] == right[column - 2], left[row - 2] == right[column - 1]
                {
                    best = min(best, table[row - 2][column - 2] + 1)
                }
                table[row][column] = best
            }
        }
        return table[left.count][right.count]
    }
}
