/// A rule that held on one subject: what a JUnit report lists as a passing test case.
public struct PassedCheck: Sendable, Equatable {
    /// The rule's id.
    public var ruleID: String
    /// The subject: a resource in a plan, or lines of a Dockerfile.
    public var location: Location

    /// Creates a passed check.
    public init(ruleID: String, location: Location) {
        self.ruleID = ruleID
        self.location = location
    }
}
