/// A Terraform configuration file that cannot be read, with the position of the problem.
public struct HCLSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path as the locator was given it.
    public var file: String
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column (in bytes) of the problem.
    public var column: Int
    /// A one-line explanation.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COL: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
