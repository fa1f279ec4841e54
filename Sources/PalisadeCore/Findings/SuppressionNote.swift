/// The inline suppression comment that silenced a finding, kept so the report shows what was
/// accepted and why (SARIF's `suppressions` of kind `inSource`).
public struct SuppressionNote: Sendable, Equatable {
    /// The file holding the comment (the Dockerfile, or the `.tf` file).
    public var file: String
    /// The comment's line.
    public var line: Int
    /// The reason the comment gives; empty when it gives none (DF025 reports those).
    public var reason: String

    /// Creates a note.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }
}
