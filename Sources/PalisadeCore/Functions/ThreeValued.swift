import Policy

/// An "exists" accumulator: false unless something undecided was noted, then that unknown.
struct ThreeValued {
    private(set) var undecided: Value?

    /// Keeps `value` when it is unknown (merging causes), ignores anything else.
    mutating func note(_ value: Value) {
        guard case .unknown(let unknown) = value else { return }
        if case .unknown(let earlier) = undecided {
            undecided = .unknown(earlier.merging(unknown))
        } else {
            undecided = value
        }
    }

    var value: Value { undecided ?? .bool(false) }
}
