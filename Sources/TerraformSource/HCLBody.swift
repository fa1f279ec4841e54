/// The structure of a configuration body: its attributes and blocks with their lines.
///
/// Expressions are not kept: locating a finding needs only where each name is written.
public struct HCLBody: Sendable, Equatable {
    /// Attributes (`name = expression`) in file order.
    public var attributes: [HCLAttribute] = []
    /// Nested blocks (`type "label" { ... }`) in file order.
    public var blocks: [HCLBlock] = []

    /// Creates a body.
    public init(attributes: [HCLAttribute] = [], blocks: [HCLBlock] = []) {
        self.attributes = attributes
        self.blocks = blocks
    }

    /// The attribute called `name`, if the body sets it.
    public func attribute(_ name: String) -> HCLAttribute? {
        attributes.first { $0.name == name }
    }

    /// The nested blocks of type `type`, in file order.
    public func blocks(ofType type: String) -> [HCLBlock] {
        blocks.filter { $0.type == type }
    }
}

/// One `name = expression` line (or lines) of a body.
public struct HCLAttribute: Sendable, Equatable {
    /// The attribute's name.
    public var name: String
    /// The line the name is on.
    public var line: Int
    /// The line the expression ends on.
    public var endLine: Int
    /// The text of a value written as one literal: a plain string without templates (unquoted,
    /// `alias = "west"`), a number or `true`/`false`; nil for any other expression.
    public var literal: String?
    /// The references the expression makes, as a plan's `configuration` writes them
    /// (`aws_vpc.this[0].id`, `aws_vpc.this[0]`, `aws_vpc.this`); read only for the attributes of
    /// a top-level `locals` block, whose expressions the plan does not record.
    public var references: [String]
    /// How the expression builds its value from resource attributes, when the text tells (see
    /// ``HCLBuiltValue``); nil for any other expression.
    public var builtValue: HCLBuiltValue?

    /// Creates an attribute.
    public init(
        name: String, line: Int, endLine: Int, literal: String? = nil, references: [String] = [],
        builtValue: HCLBuiltValue? = nil
    ) {
        self.name = name
        self.line = line
        self.endLine = endLine
        self.literal = literal
        self.references = references
        self.builtValue = builtValue
    }
}

/// One `type "label" ... { body }` block.
public struct HCLBlock: Sendable, Equatable {
    /// The block type, such as `resource` or `ingress`.
    public var type: String
    /// The labels, unquoted (`["aws_s3_bucket", "logs"]`).
    public var labels: [String]
    /// The line of the block type.
    public var line: Int
    /// The line of the closing brace.
    public var endLine: Int
    /// What is inside the braces.
    public var body: HCLBody

    /// Creates a block.
    public init(type: String, labels: [String], line: Int, endLine: Int, body: HCLBody) {
        self.type = type
        self.labels = labels
        self.line = line
        self.endLine = endLine
        self.body = body
    }
}

/// One parsed configuration file: its top-level body and its comments.
public struct HCLFile: Sendable, Equatable {
    /// The path as given to the reader.
    public var path: String
    /// The top-level body (`resource`, `data`, `module`, `variable` blocks and so on).
    public var body: HCLBody
    /// Every comment, in file order (inline suppressions are read from them).
    public var comments: [HCLComment]
    /// The lines on which a token (anything but a comment or white space) starts.
    var linesWithCode: Set<Int>
    /// The comment starting on each line, for `commentBlock(above:)`.
    private var commentsByLine: [Int: HCLComment]

    /// Creates a file.
    public init(path: String, body: HCLBody, comments: [HCLComment], linesWithCode: Set<Int> = []) {
        self.path = path
        self.body = body
        self.comments = comments
        self.linesWithCode = linesWithCode
        self.commentsByLine = Dictionary(
            comments.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The comments on the lines directly above `line` that hold nothing but a comment, top
    /// to bottom: the comment block that introduces what is written on `line`.
    public func commentBlock(above line: Int) -> [HCLComment] {
        var block: [HCLComment] = []
        var current = line - 1
        while current >= 1, let comment = commentsByLine[current], !linesWithCode.contains(current) {
            block.insert(comment, at: 0)
            current -= 1
        }
        return block
    }
}
