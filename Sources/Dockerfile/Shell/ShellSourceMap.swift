/// Maps byte offsets of a buffer being parsed back to UTF-8 offsets of the original source.
///
/// The top-level script maps one to one. Backtick bodies and `sh -c` strings are parsed from
/// an unescaped copy, so each of their bytes carries the offset it came from.
enum ShellSourceMap: Sendable {
    /// Buffer offset `i` is source offset `i`.
    case identity
    /// Buffer offset `i` is source offset `offsets[i]`; `end` stands for offsets past the buffer.
    case table(offsets: [Int], end: Int)

    /// The source offset of buffer offset `index` (offsets at or past the end map to the end).
    func sourceOffset(_ index: Int) -> Int {
        switch self {
        case .identity:
            return index
        case .table(let offsets, let end):
            return index >= 0 && index < offsets.count ? offsets[index] : end
        }
    }

    /// The source range covering the buffer range `range`.
    func sourceRange(_ range: Range<Int>) -> Range<Int> {
        let lower = sourceOffset(range.lowerBound)
        guard !range.isEmpty else { return lower..<lower }
        let upper = sourceOffset(range.upperBound - 1) + 1
        return lower..<max(lower, upper)
    }

    /// A map for a buffer whose byte `i` came from this buffer's offset `offsets[i]`.
    ///
    /// - Parameter end: this buffer's offset standing for "past the copied bytes".
    func composed(with offsets: [Int], end: Int) -> ShellSourceMap {
        .table(offsets: offsets.map(sourceOffset), end: sourceOffset(end))
    }
}
