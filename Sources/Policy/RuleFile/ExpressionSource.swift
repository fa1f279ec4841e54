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

    /// Creates an expression source at a position.
    public init(text: String, file: String, line: Int, column: Int) {
        self.text = text
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL: text`.
    public var description: String { "\(file):\(line):\(column): \(text)" }
}
