/// Every evaluation of one document, in rule order then subject order, kept in the pieces the
/// cores computed them in.
///
/// A consumer takes them one at a time and each piece is freed once taken: a large plan has tens
/// of thousands of evaluations, and gathering them into one array first would hold them twice at
/// the scan's peak memory.
public struct EvaluationList: Sendable {
    /// The pieces, each in order; empty pieces are allowed.
    var pieces: [[Evaluation]]
    /// The passes and not-applicable results left out of `pieces`, counted (see
    /// ``Engine/evaluateInPieces(_:keepingPasses:)``).
    public internal(set) var omitted = OmittedOutcomes()

    /// Passing and not-applicable results that were counted but not kept.
    public struct OmittedOutcomes: Sendable, Equatable {
        /// Passes not silenced by a suppression.
        public var pass = 0
        /// Not-applicable results not silenced by a suppression.
        public var notApplicable = 0
        /// Passes and not-applicable results silenced by an inline suppression.
        public var suppressed = 0

        mutating func add(_ other: OmittedOutcomes) {
            pass += other.pass
            notApplicable += other.notApplicable
            suppressed += other.suppressed
        }
    }

    /// How many evaluations there are.
    public var count: Int { pieces.reduce(0) { $0 + $1.count } }

    /// Every evaluation in order, read in place.
    public var all: FlattenSequence<[[Evaluation]]> { pieces.joined() }

    /// Hands every evaluation to `body` in order, emptying the list as it goes.
    public mutating func consume(_ body: (inout Evaluation) throws -> Void) rethrows {
        var taken: [[Evaluation]] = []
        swap(&taken, &pieces)
        // Popping pieces from the back frees each as soon as it is done; reversed first to keep
        // the order (a reversal swaps arrays, not evaluations). Within a piece each evaluation
        // is handed over where it lies: reversing the piece copied every evaluation (a copy
        // retains its many strings).
        taken.reverse()
        while var piece = taken.popLast() {
            for index in piece.indices { try body(&piece[index]) }
        }
    }

    /// Every evaluation in one array.
    public consuming func array() -> [Evaluation] {
        var result: [Evaluation] = []
        result.reserveCapacity(count)
        consume { result.append($0) }
        return result
    }
}
