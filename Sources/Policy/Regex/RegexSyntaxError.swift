/// A pattern that `LinearRegex` cannot accept, with the place in the pattern where the problem is.
///
/// `offset` counts Unicode scalars from the start of the pattern (0-based), so a policy author can
/// put a caret under the offending character.
public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 0-based offset, in Unicode scalars, of the offending part of the pattern.
    public let offset: Int
    /// What is wrong, phrased so a policy author can fix the pattern.
    public let message: String

    /// Creates an error at `offset` with an explanation.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The message with its offset, such as `regex offset 3: unmatched ')'`.
    public var description: String { "regex offset \(offset): \(message)" }
}
