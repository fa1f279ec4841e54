/// Every evaluation of one document, in rule order then subject order, kept in the pieces the
/// cores computed them in.
///
/// A consumer takes them one at a time and each piece is freed once taken: a large plan has tens
/// of thousands of evaluations, and gathering them into one array first would hold them twice at
/// the scan's peak memory.
public struct EvaluationList: Sendable {
    /// The pieces, each in order; empty pieces are allowed.
    var pieces: [[Evaluation]]

    /// How many evaluations there are.
    public var count: Int { pieces.reduce(0) { $0 + $1.count } }

    /// Every evaluation in order, read in place.
    public var all: FlattenSequence<[[Evaluation]]> { pieces.joined() }

    /// Hands every evaluation to `body` in order, emptying the list as it goes.
    public mutating func consume(_ body: (inout Evaluation) throws -> Void) rethrows {
        var taken: [[Evaluation]] = []
        swap(&taken, &pieces)
        // Popping from the back frees each piece as soon as it is done, and moves each
        // evaluation out instead of copying it (a copy retains its many strings); reversed first
        // to keep the order.
        taken.reverse()
        while var piece = taken.popLast() {
            piece.reverse()
            while var evaluation = piece.popLast() { try body(&evaluation) }
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
