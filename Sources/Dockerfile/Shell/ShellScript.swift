/// A shell script (a Dockerfile `RUN` in shell form, or a heredoc body) parsed once into the
/// simple commands that every rule shares.
///
/// The parser covers the POSIX grammar plus the bash forms common in Dockerfiles: quoting and
/// escapes, parameter expansions, command and process substitutions, `&&`/`||`/`;`/`&`/`|`/`|&`,
/// subshells, brace groups, `if`/`while`/`until`/`for`/`select`/`case`, functions, `[[ ]]`,
/// `(( ))`, redirections, here-strings and here-documents (bodies skipped), comments and line
/// continuations. Script strings of `sh -c`, `bash -c`, `su -c` and the like are parsed as
/// nested scripts.
///
/// Parsing never fails: problems such as an unterminated quote are listed in ``diagnostics``
/// and the parser recovers. Nesting deeper than 64 levels is reported and read as literal text.
/// Time is linear in the input for any fixed nesting depth.
public struct ShellScript: Sendable, Equatable, Encodable {
    /// Every simple command, in source order, nested ones included.
    public let commands: [SimpleCommand]
    /// Problems found while parsing, each with its UTF-8 offset (`unterminated single quote at
    /// offset 12`).
    public let diagnostics: [String]

    /// Creates a script from already parsed parts; ``parse(_:)`` is the usual producer.
    public init(commands: [SimpleCommand], diagnostics: [String]) {
        self.commands = commands
        self.diagnostics = diagnostics
    }

    /// Parses `source`; never throws and never crashes, whatever the input.
    public static func parse(_ source: String) -> ShellScript {
        let output = ShellParseOutput()
        let parser = ShellParser(
            bytes: Array(source.utf8), map: .identity, output: output, depth: 0, context: .top,
            parentLink: .none)
        parser.parseScript()
        let (commands, diagnostics) = output.finish()
        return ShellScript(commands: commands, diagnostics: diagnostics)
    }

    /// The commands whose ``SimpleCommand/parent`` is the command at `index`.
    public func children(of index: Int) -> [SimpleCommand] {
        commands.filter { $0.parent == index }
    }

    /// The commands of pipeline `pipeline`, in pipeline order.
    public func pipeline(_ pipeline: Int) -> [SimpleCommand] {
        commands.filter { $0.pipeline == pipeline }.sorted { $0.pipelinePosition < $1.pipelinePosition }
    }
}
