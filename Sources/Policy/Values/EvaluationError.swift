/// A runtime failure of an expression: a type mismatch, a division by zero, a missing key.
///
/// Evaluation never throws; errors are values so that `false && error` can be `false` as in CEL.
public struct EvaluationError: Sendable, Hashable, CustomStringConvertible {
    /// A message written for the policy author.
    public let message: String
    /// Where in the expression source the failing operation is, when known.
    public let position: SourcePosition?

    /// Creates an error with a message and, optionally, the position of the failing operation.
    public init(_ message: String, at position: SourcePosition? = nil) {
        self.message = message
        self.position = position
    }

    /// The error as `line:column: message`, or only the message when there is no position.
    public var description: String {
        guard let position else { return message }
        return "\(position): \(message)"
    }
}
