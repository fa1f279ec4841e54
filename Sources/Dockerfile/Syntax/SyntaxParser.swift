extension SyntaxTree {
    /// Parses a Dockerfile into its syntax tree, following BuildKit's parser line by line.
    ///
    /// Unknown keywords are kept as `.unknown` (BuildKit's parser keeps them too; its
    /// instruction layer, like ``Dockerfile/parse(bytes:path:target:)``, rejects them).
    ///
    /// A file beyond `limits` is refused at the first instruction that exceeds them.
    public static func parse(
        bytes: [UInt8], path: String, limits: DockerfileLimits = .defaults
    ) throws(DockerfileError) -> SyntaxTree {
        do {
            let text = try DockerfileText.utf8(from: bytes)
            var parser = SyntaxParser(text: text, limits: limits)
            return try parser.run()
        } catch {
            throw error.error(in: path)
        }
    }
}

/// The line scanner: physical lines to logical instructions (directives, comments,
/// continuations with comment and blank lines inside, heredoc bodies).
struct SyntaxParser {
    private let text: [UInt8]
    /// Each physical line without its `\n` and trailing `\r`s.
    private let lines: [Range<Int>]
    private let limits: DockerfileLimits
    private var escape = ByteClass.backslash
    private var directivesDone = false
    private var seenDirectives: Set<String> = []
    private var directives: [Directive] = []
    private var comments: [Comment] = []
    private var instructions: [Instruction] = []
    /// The 0-based index of the next physical line to read.
    private var next = 0

    init(text: [UInt8], limits: DockerfileLimits) {
        self.text = text
        self.limits = limits
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < text.count {
            if text[index] == ByteClass.newline {
                lines.append(start..<Self.trimNewline(text, start, index))
                start = index + 1
            }
            index += 1
        }
        if start < text.count { lines.append(start..<Self.trimNewline(text, start, text.count)) }
        self.lines = lines
    }

    private static func trimNewline(_ text: [UInt8], _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start, text[end - 1] == ByteClass.carriageReturn || text[end - 1] == ByteClass.newline {
            end -= 1
        }
        return end
    }

    mutating func run() throws(LocatedProblem) -> SyntaxTree {
        while next < lines.count {
            let range = lines[next]
            let contentStart = ByteClass.skipLeadingSpace(text, in: range)
            let content = contentStart..<range.upperBound
            next += 1
            let startLine = next
            if isComment(content) { recordComment(content, line: startLine) }
            if !directivesDone { try parseDirective(content, line: startLine) }
            if isComment(content) { continue }
            var (logical, isEnd) = trimContinuation(text[content])
            if isEnd && logical.isEmpty { continue }
            guard instructions.count < limits.maximumInstructions else {
                throw LocatedProblem(
                    line: startLine,
                    "more than \(limits.maximumInstructions) instructions; "
                        + "max_dockerfile_instructions in .palisade.yaml raises the limit")
            }
            try checkLength(logical.count, line: startLine)
            var joined = Array(logical)
            while !isEnd && next < lines.count {
                let continuation = lines[next]
                next += 1
                let trimmedStart = ByteClass.skipLeadingSpace(text, in: continuation)
                if isComment(trimmedStart..<continuation.upperBound) {
                    recordComment(trimmedStart..<continuation.upperBound, line: next)
                    continue
                }
                if trimmedStart == continuation.upperBound { continue }
                (logical, isEnd) = trimContinuation(text[continuation])
                try checkLength(joined.count + logical.count, line: startLine)
                joined.append(contentsOf: logical)
            }
            let parsed: Instruction
            do {
                parsed = try InstructionParser.parse(joined[...], escape: escape)
            } catch {
                throw LocatedProblem(line: startLine, error.message)
            }
            var heredocs: [Heredoc] = []
            if parsed.acceptsHeredocs {
                var length = joined.count
                for marker in HeredocMarkers.find(in: joined[...]) {
                    let heredoc = try readHeredoc(marker, instructionLine: startLine)
                    length += heredoc.body.utf8.count
                    try checkLength(length, line: startLine)
                    heredocs.append(heredoc)
                }
            }
            instructions.append(parsed.located(line: startLine, endLine: next, heredocs: heredocs))
        }
        return SyntaxTree(
            directives: directives, comments: comments, instructions: instructions,
            escapeCharacter: Character(Unicode.Scalar(escape)))
    }

    /// Refuses an instruction of more than `maximumLineBytes` before it is copied further.
    private func checkLength(_ length: Int, line: Int) throws(LocatedProblem) {
        guard length > limits.maximumLineBytes else { return }
        throw LocatedProblem(
            line: line,
            "an instruction longer than \(limits.maximumLineBytes) bytes; "
                + "max_dockerfile_line_length in .palisade.yaml raises the limit")
    }

    private func isComment(_ range: Range<Int>) -> Bool {
        !range.isEmpty && text[range.lowerBound] == ByteClass.hash
    }

    private mutating func recordComment(_ range: Range<Int>, line: Int) {
        let body = ByteClass.trimmed(text[(range.lowerBound + 1)..<range.upperBound])
        comments.append(Comment(line: line, text: String(decoding: body, as: UTF8.self)))
    }

    /// Applies BuildKit's continuation test to one line.
    ///
    /// The line continues when it ends (before spaces and tabs) with the escape character
    /// and that character is not itself escaped. Returns the line without it.
    private func trimContinuation(_ line: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, Bool) {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == ByteClass.space || line[end - 1] == ByteClass.tab {
            end -= 1
        }
        guard end > line.startIndex, line[end - 1] == escape else { return (line, true) }
        let escapeIndex = end - 1
        if escapeIndex == line.startIndex || line[escapeIndex - 1] != escape {
            return (line[line.startIndex..<escapeIndex], false)
        }
        return (line, true)
    }

    /// Matches `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`; the first line that is not a
    /// known directive ends the directive block.
    private mutating func parseDirective(_ range: Range<Int>, line: Int) throws(LocatedProblem) {
        var index = range.lowerBound
        let end = range.upperBound
        func skipSpace() {
            while index < end, ByteClass.isRegexpSpace(text[index]) { index += 1 }
        }
        guard index < end, text[index] == ByteClass.hash else {
            directivesDone = true
            return
        }
        index += 1
        skipSpace()
        let nameStart = index
        guard index < end, ByteClass.isASCIILetter(text[index]) else {
            directivesDone = true
            return
        }
        while index < end, ByteClass.isASCIILetter(text[index]) || ByteClass.isDigit(text[index]) {
            index += 1
        }
        let name = String(decoding: text[nameStart..<index], as: UTF8.self).lowercased()
        skipSpace()
        guard index < end, text[index] == ByteClass.equals else {
            directivesDone = true
            return
        }
        index += 1
        skipSpace()
        var valueEnd = end
        while valueEnd > index, ByteClass.isRegexpSpace(text[valueEnd - 1]) { valueEnd -= 1 }
        guard valueEnd > index, ["syntax", "escape", "check"].contains(name) else {
            directivesDone = true
            return
        }
        guard seenDirectives.insert(name).inserted else {
            throw LocatedProblem(line: line, "only one \(name) parser directive can be used")
        }
        let value = String(decoding: text[index..<valueEnd], as: UTF8.self)
        if name == "escape" {
            guard value == "\\" || value == "`" else {
                throw LocatedProblem(line: line, "invalid escape token '\(value)' does not match ` or \\")
            }
            escape = value == "`" ? ByteClass.backtick : ByteClass.backslash
        }
        directives.append(Directive(name: name, value: value, line: line))
    }

    /// Reads one heredoc body up to its terminator line.
    private mutating func readHeredoc(
        _ marker: HeredocMarkers.Marker, instructionLine: Int
    )
        throws(LocatedProblem) -> Heredoc
    {
        let terminator = Array(marker.delimiter.utf8)
        let firstBodyLine = next + 1
        var body: [UInt8] = []
        while next < lines.count {
            let range = lines[next]
            next += 1
            var candidate = range.lowerBound
            if marker.stripsLeadingTabs {
                while candidate < range.upperBound, text[candidate] == ByteClass.tab { candidate += 1 }
            }
            if text[candidate..<range.upperBound].elementsEqual(terminator) {
                return Heredoc(
                    delimiter: marker.delimiter, isQuoted: marker.isQuoted,
                    stripsLeadingTabs: marker.stripsLeadingTabs, fileDescriptor: marker.fileDescriptor,
                    body: String(decoding: body, as: UTF8.self), line: firstBodyLine, endLine: next)
            }
            // The body keeps the line's own ending bytes (`\r\n` stays `\r\n`), as BuildKit does.
            let lineEnd = next < lines.count ? lines[next].lowerBound : text.count
            body.append(contentsOf: text[candidate..<lineEnd])
        }
        throw LocatedProblem(line: instructionLine, "unterminated heredoc")
    }
}
