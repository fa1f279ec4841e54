/// A 1-based line and column in a rule file.
public struct RuleFilePosition: Equatable, Sendable {
    /// The line, from 1.
    public let line: Int
    /// The column, from 1.
    public let column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// What a rule-file node is: a container, or a scalar with the type YAML resolved for it.
public enum RuleNodeKind: Equatable, Sendable {
    /// A mapping of keys to values.
    case mapping
    /// A list.
    case sequence
    /// A YAML alias (`*name`), which rule files do not support.
    case alias
    /// Text.
    case string
    /// An integer.
    case int
    /// A fractional number.
    case float
    /// `true` or `false`.
    case bool
    /// An empty value (`null`, `~` or nothing).
    case null
    /// A scalar of another YAML type, such as a timestamp.
    case otherScalar

    /// Whether the node is a scalar.
    public var isScalar: Bool {
        switch self {
        case .mapping, .sequence, .alias: false
        case .string, .int, .float, .bool, .null, .otherScalar: true
        }
    }
}

/// One node of a rule file, read by ``RuleFileParser`` whatever the file was stored as.
///
/// User rule files are YAML text, read through Yams with every position as written. The built-in
/// pack is embedded as JSON converted from the same YAML, with the positions stored beside it,
/// so both give the same definitions and the same diagnostics. A new rule field is read through
/// this protocol and needs no change to either storage.
public protocol RuleFileNode {
    /// What the node is.
    var kind: RuleNodeKind { get }
    /// A scalar's text as written (a string's content); nil for containers and aliases.
    var scalarText: String? { get }
    /// A boolean scalar's value.
    var boolValue: Bool? { get }
    /// An integer scalar's value; nil when it does not fit.
    var intValue: Int? { get }
    /// A numeric scalar's value as a double.
    var doubleValue: Double? { get }
    /// A mapping's entries in file order; empty for other kinds.
    var entries: [(key: Self, value: Self)] { get }
    /// A list's elements in order; empty for other kinds.
    var elements: [Self] { get }
    /// Where the node starts: its first key for a block mapping, its quote or block indicator
    /// for a scalar.
    var position: RuleFilePosition { get }
    /// Where a scalar's content starts: after the opening quote, or on the first content line of
    /// a block scalar (`|` or `>`); ``position`` for other nodes.
    var contentPosition: RuleFilePosition { get }
    /// Where each file line's part of a folded scalar's text starts (a plain or `>` scalar over
    /// several lines), so an error on a later line points at its own line; empty when unknown.
    var foldedLineStarts: [ExpressionSource.LineStart] { get }
}

extension RuleFileNode {
    /// A stored node knows no file lines: positions fall back to the content's first line.
    public var foldedLineStarts: [ExpressionSource.LineStart] { [] }
}
