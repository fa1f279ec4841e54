/// Why a JSON document could not be read, with the position of the problem when it is known.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the problem, when known.
    public let line: Int?
    /// The 1-based column (in Unicode scalars) of the problem, when known.
    public let column: Int?
    /// A one-line explanation a user can act on.
    public let message: String

    /// Creates an error with an optional position.
    public init(message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// The error as `LINE:COL: message`, or just the message when there is no position.
    public var description: String {
        guard let line else { return message }
        guard let column else { return "\(line): \(message)" }
        return "\(line):\(column): \(message)"
    }
}
