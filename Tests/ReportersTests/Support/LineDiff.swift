/// A readable line diff for golden-file mismatches: changed lines with their line numbers and
/// a little context, computed from a longest common subsequence.
enum LineDiff {
    /// Lines of context shown around each change.
    static let context = 2
    /// At most this many diff lines are shown; the rest is summarised.
    static let maximumLines = 80

    static func render(expected: String, actual: String) -> String {
        let old = lines(expected)
        let new = lines(actual)
        let operations = diff(old, new)
        // Keep changed lines and `context` unchanged lines either side of them.
        var keep = [Bool](repeating: false, count: operations.count)
        for (index, operation) in operations.enumerated() where !operation.isEqual {
            for near in max(0, index - context)...min(operations.count - 1, index + context) {
                keep[near] = true
            }
        }
        var out: [String] = []
        var skipped = false
        for (index, operation) in operations.enumerated() {
            guard keep[index] else {
                skipped = true
                continue
            }
            if skipped, !out.isEmpty { out.append("   …") }
            skipped = false
            out.append(operation.description)
        }
        if out.count > maximumLines {
            let hidden = out.count - maximumLines
            out = Array(out.prefix(maximumLines)) + ["   … \(hidden) more diff line(s)"]
        }
        return out.joined(separator: "\n")
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).replacing("\u{1B}", with: "␛")
        }
    }

    enum Operation: CustomStringConvertible {
        case equal(Int, String)
        case removed(Int, String)
        case added(Int, String)

        var isEqual: Bool {
            if case .equal = self { return true }
            return false
        }

        var description: String {
            switch self {
            case .equal(let line, let text): "  \(line): \(text)"
            case .removed(let line, let text): "- \(line): \(text)"
            case .added(let line, let text): "+ \(line): \(text)"
            }
        }
    }

    /// The edit script from `old` to `new`; line numbers are 1-based in their own file.
    static func diff(_ old: [String], _ new: [String]) -> [Operation] {
        let rows = old.count
        let columns = new.count
        // common[i][j]: length of the longest common subsequence of old[i...] and new[j...].
        var common = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
        for i in stride(from: rows - 1, through: 0, by: -1) {
            for j in stride(from: columns - 1, through: 0, by: -1) {
                common[i][j] =
                    old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var operations: [Operation] = []
        var i = 0
        var j = 0
        while i < rows || j < columns {
            if i < rows, j < columns, old[i] == new[j] {
                operations.append(.equal(j + 1, new[j]))
                i += 1
                j += 1
            } else if i < rows, j == columns || common[i + 1][j] >= common[i][j + 1] {
                // Removals first, as in a unified diff.
                operations.append(.removed(i + 1, old[i]))
                i += 1
            } else {
                operations.append(.added(j + 1, new[j]))
                j += 1
            }
        }
        return operations
    }
}
