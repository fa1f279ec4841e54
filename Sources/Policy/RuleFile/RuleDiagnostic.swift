/// One problem in a rule file, at the place a policy author has to edit.
public struct RuleDiagnostic: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The rule file's path as it was given to the loader.
    public let file: String
    /// The 1-based line.
    public let line: Int
    /// The 1-based column, counted in Unicode scalars.
    public let column: Int
    /// What is wrong and, where possible, how to fix it.
    public let message: String

    /// Creates a diagnostic at a position in a file.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COL: message`, the form editors and CI logs link to.
    public var description: String { "\(file):\(line):\(column): \(message)" }

    /// Orders by file, then position, then message, so reports are stable.
    public static func < (lhs: RuleDiagnostic, rhs: RuleDiagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

/// Why a rule file, folder or pack could not be loaded: every problem found, in source order.
public struct RuleLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, sorted by file and position; never empty.
    public let diagnostics: [RuleDiagnostic]

    /// Creates an error from diagnostics, which are sorted.
    public init(_ diagnostics: [RuleDiagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
