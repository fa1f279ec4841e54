/// One redirection attached to a command, such as `2>&1`, `> /dev/null` or `<<EOF`.
public struct ShellRedirection: Sendable, Equatable, Encodable {
    /// The explicit file descriptor written before the operator (`2` in `2>&1`), if any.
    public let fileDescriptor: Int?
    /// The operator: `>`, `>>`, `>|`, `<`, `<>`, `<<`, `<<-`, `<<<`, `>&`, `<&`, `&>` or `&>>`.
    public let symbol: String
    /// The target word: a file, a descriptor (`1` in `2>&1`), a delimiter or here-string text.
    ///
    /// Nil when the source is cut off after the operator.
    public let target: ShellWord?

    /// Creates a redirection from its parts; the parser is the usual producer.
    public init(fileDescriptor: Int?, symbol: String, target: ShellWord?) {
        self.fileDescriptor = fileDescriptor
        self.symbol = symbol
        self.target = target
    }
}
