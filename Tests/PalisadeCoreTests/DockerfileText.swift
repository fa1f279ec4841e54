import Dockerfile

/// A Dockerfile as physical lines, with the edits the fixture variants make.
///
/// Edits are driven by the parser's own instruction lines, so heredoc bodies and continuation
/// lines are never mistaken for the start of an instruction.
struct DockerfileText: Equatable {
    /// The physical lines without their `\n` (a `\r` before it is kept).
    var lines: [String]
    /// True when the last line ends with `\n`.
    var endsWithNewline: Bool

    init(_ bytes: [UInt8]) {
        // Split bytes: Swift reads "\r\n" as one Character, which a String split on "\n" misses.
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        self.lines = lines
    }

    /// The file's bytes.
    var bytes: [UInt8] { Array((lines.joined(separator: "\n") + (endsWithNewline ? "\n" : "")).utf8) }

    /// The same file with `\r\n` line endings.
    var crlfBytes: [UInt8] {
        let crlf = lines.map { $0.hasSuffix("\r") ? $0 : $0 + "\r" }
        return Array((crlf.joined(separator: "\n") + (endsWithNewline ? "\n" : "")).utf8)
    }

    /// Lower-cases the keyword that starts each instruction (and the one an ONBUILD wraps).
    func lowercasingKeywords(of instructions: [Instruction]) -> DockerfileText {
        var copy = self
        for instruction in instructions where instruction.line >= 1 && instruction.line <= lines.count {
            var keywords = [instruction.keywordAsWritten]
            if case .onbuild(let trigger?) = instruction.kind { keywords.append(trigger.keywordAsWritten) }
            copy.lines[instruction.line - 1] = Self.lowercasing(keywords, in: lines[instruction.line - 1])
        }
        return copy
    }

    /// Inserts `line` so that it becomes line `position` (1-based); later lines move down by one.
    func inserting(_ line: String, at position: Int) -> DockerfileText {
        var copy = self
        copy.lines.insert(line, at: max(0, min(position - 1, lines.count)))
        return copy
    }

    /// Appends `line` as the new last line.
    func appending(_ line: String) -> DockerfileText {
        var copy = self
        copy.lines.append(line)
        copy.endsWithNewline = true
        return copy
    }

    /// Writes `ONBUILD ` in front of the instruction that starts on `line`.
    func wrappingInOnbuild(line: Int) -> DockerfileText {
        var copy = self
        let text = lines[line - 1]
        let indent = text.prefix { $0 == " " || $0 == "\t" }
        copy.lines[line - 1] = indent + "ONBUILD " + text.dropFirst(indent.count)
        return copy
    }

    /// `text` with the leading words `keywords` (in order, separated by blanks) lower-cased.
    private static func lowercasing(_ keywords: [String], in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        if rest.first == "\u{FEFF}" {
            result.append("\u{FEFF}")
            rest = rest.dropFirst()
        }
        for keyword in keywords {
            let blanks = rest.prefix { $0 == " " || $0 == "\t" }
            result += blanks
            rest = rest.dropFirst(blanks.count)
            guard rest.hasPrefix(keyword) else { break }
            result += keyword.lowercased()
            rest = rest.dropFirst(keyword.count)
        }
        return result + rest
    }
}
