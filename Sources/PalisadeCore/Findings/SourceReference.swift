/// A line range in a Terraform configuration file where a plan finding is written.
public struct SourceReference: Sendable, Equatable {
    /// The `.tf` or `.tf.json` file: the source directory joined with the path inside it.
    public var file: String
    /// The first line (1-based): the attribute's line when the finding names a written
    /// attribute, else the `resource` or `data` block's first line.
    public var line: Int
    /// The last line (1-based) of that attribute or block.
    public var endLine: Int

    /// Where the finding is written inside a module `terraform init` downloaded, when `file`
    /// and `line` are the `module` block of the configuration's own files that brings it in;
    /// nil otherwise, and when the downloaded module's files were not found.
    public var inModule: SourceLines?

    /// Creates a reference.
    public init(file: String, line: Int, endLine: Int, inModule: SourceLines? = nil) {
        self.file = file
        self.line = line
        self.endLine = endLine
        self.inModule = inModule
    }
}

/// A line range of a configuration file.
public struct SourceLines: Sendable, Equatable {
    /// The file: the source directory joined with the path inside it.
    public var file: String
    /// The first line (1-based).
    public var line: Int
    /// The last line (1-based).
    public var endLine: Int

    /// Creates a range.
    public init(file: String, line: Int, endLine: Int) {
        self.file = file
        self.line = line
        self.endLine = endLine
    }
}
