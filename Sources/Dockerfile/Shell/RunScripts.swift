/// The shell scripts a shell-form RUN runs, composed from its text and its here-documents as
/// BuildKit composes them.
public enum RunScripts {
    /// The scripts of a RUN whose shell-form text is `text`, with `heredocs` after it.
    ///
    /// A RUN that is one here-document and nothing else (`RUN <<EOF`) runs the body: as a shell
    /// script, or with the interpreter of its `#!` line, which for anything but a POSIX shell is
    /// not shell text and gives no script. Any other RUN with here-documents (`RUN cat > f <<EOF`,
    /// `RUN <<EOF bash`, `RUN <<A <<B`) runs its text followed by each body and its delimiter, so
    /// the bodies are what its commands read; the shell parser gives each body to its command and
    /// parses the body a shell reads as its script.
    public static func scripts(_ text: String, heredocs: [Heredoc]) -> [String] {
        guard !heredocs.isEmpty else { return [text] }
        guard heredocs.count == 1, isMarker(text, of: heredocs[0]) else {
            return [heredocs.reduce(text) { $0 + "\n" + $1.body + $1.delimiter }]
        }
        let body = heredocs[0].body
        guard body.hasPrefix("#!") else { return [body] }
        // A CRLF file's `\r` ends the line as well as its `\n`.
        let interpreter = body.dropFirst(2).prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let program =
            interpreter.first.map(SimpleCommand.baseName) == "env"
            ? interpreter.dropFirst().first { !$0.hasPrefix("-") } : interpreter.first
        guard let program, ShellSyntax.shells.contains(SimpleCommand.baseName(program)) else { return [] }
        return [body]
    }

    /// Whether `text` is only the marker of `heredoc` (`<<EOF`, `<<-"EOF"`, `3<<'EOF'`), as
    /// BuildKit's `ParseHeredoc` accepts it.
    static func isMarker(_ text: String, of heredoc: Heredoc) -> Bool {
        func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }
        var marker = Substring(text).drop(while: isBlank)
        while let last = marker.last, isBlank(last) { marker = marker.dropLast() }
        marker = marker.drop(while: \.isASCIIDigit)
        guard marker.hasPrefix("<<") else { return false }
        marker = marker.dropFirst(2)
        if marker.hasPrefix("-") { marker = marker.dropFirst() }
        marker = marker.drop(while: isBlank)
        if let quote = marker.first, quote == "\"" || quote == "'" {
            guard marker.count >= 2, marker.last == quote else { return false }
            marker = marker.dropFirst().dropLast()
        }
        return marker == heredoc.delimiter
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
