/// Finds the candidate a misspelt name most likely meant, for "did you mean" hints.
enum NameSuggestion {
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
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
    static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        closest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    private static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        var current = previous
        for (row, leftCharacter) in left.enumerated() {
            current[0] = row + 1
            for (column, rightCharacter) in right.enumerated() {
                let substitution = previous[column] + (leftCharacter == rightCharacter ? 0 : 1)
                current[column + 1] = min(previous[column + 1] + 1, current[column] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
