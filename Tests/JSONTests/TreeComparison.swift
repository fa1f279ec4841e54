@testable import JSON

/// ``JSONTreeComparison`` on the values of two documents.
enum TreeComparison {
    /// The path of the first difference, or nil when the trees are identical.
    static func firstDifference(_ left: JSONValue, _ right: JSONValue) -> String? {
        JSONTreeComparison.firstDifference(left.node, right.node)
    }
}
