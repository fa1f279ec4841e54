/// A location inside an expression's source text.
///
/// Lines and columns are 1-based; a column counts Unicode scalars, so a rule loader can add the
/// position of the expression inside its YAML file to report a file position.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public let line: Int
    /// The 1-based column, counted in Unicode scalars.
    public let column: Int
    /// The 0-based offset from the start of the source, counted in Unicode scalars.
    public let offset: Int

    /// Creates a position from its line, column and scalar offset.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The first position of any source text.
    public static let start = SourcePosition(line: 1, column: 1, offset: 0)

    /// The position as `line:column`.
    public var description: String { "\(line):\(column)" }

    /// Orders positions by their offset in the source.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }
}
