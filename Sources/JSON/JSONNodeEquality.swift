extension JSONNode {
    /// True when both nodes hold the same tree: kinds, member names and order, and values, as
    /// the differential tests compare parsers (see `JSONTreeComparison`).
    public func isIdentical(to other: JSONNode) -> Bool {
        JSONTreeComparison.firstDifference(self, other) == nil
    }
}
