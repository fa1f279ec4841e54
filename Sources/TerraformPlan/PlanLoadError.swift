import JSON

/// Why a file could not be read as a Terraform plan; one line, naming the file.
public struct PlanLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of failure, for callers that react differently (for example skip non-plans).
    public enum Kind: Sendable, Equatable {
        /// The path does not exist.
        case fileNotFound
        /// The path exists but could not be read.
        case unreadable
        /// A directory holds no Terraform plan JSON.
        case noPlanInDirectory
        /// The bytes are not valid JSON (including empty input, invalid UTF-8, deep nesting).
        case notJSON
        /// Valid JSON that is something else, such as a state file.
        case notAPlan(PlanDetection.Classification)
        /// A binary plan saved by `terraform plan -out` (a zip archive).
        case binaryPlan
        /// A `format_version` whose major version this reader does not know.
        case unsupportedVersion(String)
        /// A plan whose structure is broken (for example `resource_changes` is not a list).
        case malformedPlan
    }

    /// The file the error is about (`-` for standard input).
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The 1-based column, when known.
    public let column: Int?
    /// A message a user can act on, without the file name.
    public let message: String
    /// The category of failure.
    public let kind: Kind

    /// Creates an error.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, kind: Kind) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.kind = kind
    }

    /// Wraps a JSON parse error.
    init(file: String, parseError: JSONParseError) {
        self.init(
            file: file, line: parseError.line, column: parseError.column, message: parseError.message,
            kind: .notJSON)
    }

    /// `FILE:LINE:COL: message`, `FILE:LINE: message` or `FILE: message`, on one line.
    public var description: String {
        var prefix = file
        if let line {
            prefix += ":\(line)"
            if let column { prefix += ":\(column)" }
        }
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\(prefix): \(oneLine)"
    }
}
