/// A zero-width test at a position in the text.
enum RegexAssertion: Sendable, Equatable {
    /// `^` or `\A`: the start of the text (no multi-line mode).
    case beginText
    /// `$` or `\z`: the end of the text (RE2 semantics: not before a final newline).
    case endText
    /// `\b`: an ASCII word character on exactly one side.
    case wordBoundary
    /// `\B`: not a word boundary.
    case notWordBoundary
}

/// A set of Unicode scalars as sorted, non-overlapping closed ranges of scalar values.
struct ScalarSet: Sendable, Equatable {
    private(set) var ranges: [ClosedRange<UInt32>]

    init(ranges: [ClosedRange<UInt32>] = []) {
        self.ranges = []
        for range in ranges { insert(range) }
    }

    /// Adds a range, keeping the ranges sorted and merged.
    mutating func insert(_ range: ClosedRange<UInt32>) {
        var merged = range
        var result: [ClosedRange<UInt32>] = []
        result.reserveCapacity(ranges.count + 1)
        var placed = false
        for existing in ranges {
            if existing.upperBound &+ 1 < merged.lowerBound {
                result.append(existing)
            } else if merged.upperBound &+ 1 < existing.lowerBound {
                if !placed {
                    result.append(merged)
                    placed = true
                }
                result.append(existing)
            } else {
                merged =
                    min(existing.lowerBound, merged.lowerBound)...max(existing.upperBound, merged.upperBound)
            }
        }
        if !placed { result.append(merged) }
        ranges = result
    }

    mutating func formUnion(_ other: ScalarSet) {
        for range in other.ranges { insert(range) }
    }

    /// The complement within all Unicode scalar values (surrogates never occur in text).
    func inverted() -> ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound &+ 1
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return ScalarSet(ranges: result)
    }

    /// Binary search over the ranges.
    func contains(_ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

/// The parsed form of a pattern, before compilation to an NFA program.
indirect enum RegexNode: Sendable, Equatable {
    /// Matches the empty string.
    case empty
    /// One scalar, compared exactly, or case-insensitively when the pattern starts with `(?i)`.
    case literal(Unicode.Scalar)
    /// `.`: any scalar except newline.
    case anyExceptNewline
    /// A character class or escape such as `\d`; already complemented when negated.
    case scalarSet(ScalarSet)
    /// A zero-width assertion.
    case assertion(RegexAssertion)
    /// The nodes in sequence.
    case concatenation([RegexNode])
    /// Any one of the nodes.
    case alternation([RegexNode])
    /// `minimum` to `maximum` (nil: unbounded) copies of the node.
    case repetition(RegexNode, minimum: Int, maximum: Int?)

    /// Whether every match must begin at the start of the text, so the search need not restart.
    var isAnchoredAtStart: Bool {
        switch self {
        case .assertion(.beginText): return true
        case .concatenation(let parts): return parts.first?.isAnchoredAtStart ?? false
        case .alternation(let choices): return !choices.isEmpty && choices.allSatisfy(\.isAnchoredAtStart)
        case .repetition(let node, let minimum, _): return minimum > 0 && node.isAnchoredAtStart
        default: return false
        }
    }
}
