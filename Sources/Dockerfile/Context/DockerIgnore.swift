/// The rules of a `.dockerignore` file, matched as BuildKit's pattern matcher does.
///
/// Lines are trimmed; empty lines and lines starting with `#` are skipped; `!` re-includes what
/// an earlier pattern excluded; a leading `/` is dropped. In a pattern, `*` matches any run of
/// characters other than `/`, `?` one such character, `[...]` a class, `\` escapes, and `**`
/// matches any number of directories (`**/*.pem`). A pattern that matches a directory excludes
/// everything under it. The last matching pattern decides.
public struct DockerIgnore: Sendable, Equatable {
    /// One pattern line.
    public struct Pattern: Sendable, Equatable {
        /// The pattern without `!` and leading `/`.
        public let text: String
        /// Whether the line started with `!` (re-include).
        public let isException: Bool
    }

    /// The patterns in file order.
    public let patterns: [Pattern]

    /// Reads the file's text.
    public init(text: String) {
        var patterns: [Pattern] = []
        for rawLine in text.split(
            omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        {
            var line = Self.trimmed(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let isException = line.hasPrefix("!")
            if isException { line = Self.trimmed(line.dropFirst()) }
            line = Self.cleaned(line)
            if line.isEmpty { continue }
            patterns.append(Pattern(text: line, isException: isException))
        }
        self.patterns = patterns
    }

    /// Whether `path` (relative to the context root, `/`-separated) is left out of the context.
    public func excludes(_ path: String) -> Bool {
        let cleanedPath = Self.cleaned(path)
        let segments = cleanedPath.split(separator: "/")
        // The path itself or any directory above it.
        let candidates = segments.indices.map { segments[...$0].joined(separator: "/") }
        var excluded = false
        for pattern in patterns {
            let chars = Array(pattern.text)
            if candidates.contains(where: { Self.match(chars[...], Array($0)[...]) }) {
                excluded = !pattern.isException
            }
        }
        return excluded
    }

    private static func trimmed(_ text: some StringProtocol) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed()))
    }

    /// Drops leading `/` and `./`, repeated and trailing `/`, and `.` segments.
    private static func cleaned(_ text: some StringProtocol) -> String {
        text.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// Glob matching of `pattern` against `text`, with `**` crossing directories.
    private static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case "*":
            if rest.first == "*" {
                var afterStars = rest.dropFirst()
                let directoriesOnly = afterStars.first == "/"
                if directoriesOnly {
                    afterStars = afterStars.dropFirst()
                    // `**/x`: zero directories, or any run that ends with `/`.
                    if match(afterStars, text) { return true }
                    var index = text.startIndex
                    while index < text.endIndex {
                        if text[index] == "/", match(afterStars, text[(index + 1)...]) { return true }
                        index += 1
                    }
                    return false
                }
                var index = text.startIndex
                while true {
                    if match(afterStars, text[index...]) { return true }
                    if index == text.endIndex { return false }
                    index += 1
                }
            }
            var index = text.startIndex
            while true {
                if match(rest, text[index...]) { return true }
                if index == text.endIndex || text[index] == "/" { return false }
                index += 1
            }
        case "?":
            guard let character = text.first, character != "/" else { return false }
            return match(rest, text.dropFirst())
        case "[":
            guard let character = text.first, character != "/",
                let (matched, remaining) = matchClass(rest, character)
            else { return false }
            return matched && match(remaining, text.dropFirst())
        case "\\":
            guard let escaped = rest.first, text.first == escaped else { return false }
            return match(rest.dropFirst(), text.dropFirst())
        default:
            guard text.first == first else { return false }
            return match(rest, text.dropFirst())
        }
    }

    /// Matches `character` against the class that `pattern` starts (after `[`); returns whether
    /// it matched and the pattern after `]`, or nil when the class is not closed.
    private static func matchClass(
        _ pattern: ArraySlice<Character>, _ character: Character
    ) -> (Bool, ArraySlice<Character>)? {
        var rest = pattern
        let negated = rest.first == "^" || rest.first == "!"
        if negated { rest = rest.dropFirst() }
        var matched = false
        var first = true
        while let current = rest.first {
            if current == "]", !first { return (matched != negated, rest.dropFirst()) }
            first = false
            var low = current
            rest = rest.dropFirst()
            if low == "\\", let escaped = rest.first {
                low = escaped
                rest = rest.dropFirst()
            }
            if rest.first == "-", let high = rest.dropFirst().first, high != "]" {
                rest = rest.dropFirst(2)
                if low <= character && character <= high { matched = true }
            } else if low == character {
                matched = true
            }
        }
        return nil
    }
}
