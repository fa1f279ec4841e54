/// The text of an expression (or message template) in a rule file, with where it starts.
///
/// Rule files are loaded without compiling expressions; the engine compiles them and reports
/// errors inside them relative to this position.
public struct ExpressionSource: Sendable, Equatable, CustomStringConvertible {
    /// The expression as written, without trailing whitespace.
    public let text: String
    /// The rule file's path.
    public let file: String
    /// The 1-based line of the expression's first character.
    public let line: Int
    /// The 1-based column of the expression's first character, counted in Unicode scalars.
    public let column: Int
    /// Where each file line's part of the text starts, when YAML folded several file lines.
    ///
    /// Set for plain and `>` scalars: scalar offset in `text`, file line and column. Empty when
    /// every line of the text is a line of the file at the first line's indentation.
    public let lineStarts: [LineStart]

    /// The start of one file line's part of an expression's text.
    public struct LineStart: Sendable, Equatable {
        /// The 0-based offset in the text, in Unicode scalars.
        public let offset: Int
        /// The 1-based file line.
        public let line: Int
        /// The 1-based file column of that offset.
        public let column: Int

        /// Creates a line start.
        public init(offset: Int, line: Int, column: Int) {
            self.offset = offset
            self.line = line
            self.column = column
        }
    }

    /// Creates an expression source at a position.
    public init(text: String, file: String, line: Int, column: Int, lineStarts: [LineStart] = []) {
        self.text = text
        self.file = file
        self.line = line
        self.column = column
        self.lineStarts = lineStarts
    }

    /// The file line and column of a position inside the text.
    public func fileLocation(of position: SourcePosition) -> (line: Int, column: Int) {
        if let start = lineStarts.last(where: { $0.offset <= position.offset }) {
            return (start.line, start.column + position.offset - start.offset)
        }
        // Literal blocks keep their lines; each carries the block's indentation in the file.
        return (line + position.line - 1, column + position.column - 1)
    }

    /// Equal when text and start are: `lineStarts` are derived from those and the file, and
    /// the embedded pack does not store them.
    public static func == (lhs: ExpressionSource, rhs: ExpressionSource) -> Bool {
        lhs.text == rhs.text && lhs.file == rhs.file && lhs.line == rhs.line && lhs.column == rhs.column
    }

    /// `FILE:LINE:COL: text`.
    public var description: String { "\(file):\(line):\(column): \(text)" }
}
