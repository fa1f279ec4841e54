/// A Dockerfile that cannot be read or is rejected, located as precisely as known.
///
/// The caller turns it into exit code 2; `description` is the one-line message users see.
public struct DockerfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path of the file, as the caller named it.
    public let file: String
    /// The 1-based line of the problem, when known.
    public let line: Int?
    /// The 1-based column (in Unicode scalars) of the problem, when known.
    public let column: Int?
    /// One line saying what is wrong.
    public let message: String

    /// Creates an error for `file` at an optional `line` and `column`.
    public init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as `FILE:LINE:COL: message`, leaving out the parts that are unknown.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}

/// An error found while parsing, before the file name is attached.
struct LocatedProblem: Error {
    let line: Int?
    let column: Int?
    let message: String

    init(line: Int?, column: Int? = nil, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    func error(in file: String) -> DockerfileError {
        DockerfileError(file: file, line: line, column: column, message: message)
    }
}
