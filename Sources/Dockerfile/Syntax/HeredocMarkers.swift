/// Finds heredoc markers (`<<EOF`, `<<-EOF`, `2<<"EOF"`) in an instruction line, as BuildKit's
/// `heredocsFromLine` does: the line is split into shell words (quotes and `\` escapes kept),
/// and each word matching `^(\d*)<<(-?)([^<]*)$` with a non-empty single-word rest is a marker.
enum HeredocMarkers {
    struct Marker: Equatable {
        let delimiter: String
        let isQuoted: Bool
        let stripsLeadingTabs: Bool
        let fileDescriptor: Int
    }

    static func find(in line: ArraySlice<UInt8>) -> [Marker] {
        shellWords(line).compactMap(marker)
    }

    /// Splits on unquoted white space; quotes and backslash escapes stay in the words.
    static func shellWords(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var words: [ArraySlice<UInt8>] = []
        var start: Int?
        var quote: UInt8?
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if let open = quote {
                if byte == open {
                    quote = nil
                } else if byte == ByteClass.backslash && open == ByteClass.doubleQuote {
                    index += 1
                }
                index += 1
                continue
            }
            if ByteClass.isSpace(byte) {
                if let wordStart = start { words.append(line[wordStart..<index]) }
                start = nil
                index += 1
                continue
            }
            if start == nil { start = index }
            if byte == ByteClass.singleQuote || byte == ByteClass.doubleQuote {
                quote = byte
            } else if byte == ByteClass.backslash {
                index += 1
            }
            index += 1
        }
        if let wordStart = start { words.append(line[wordStart..<min(index, line.endIndex)]) }
        return words
    }

    private static func marker(_ word: ArraySlice<UInt8>) -> Marker? {
        var index = word.startIndex
        while index < word.endIndex, ByteClass.isDigit(word[index]) { index += 1 }
        let digits = word[word.startIndex..<index]
        guard index + 1 < word.endIndex, word[index] == UInt8(ascii: "<"),
            word[index + 1] == UInt8(ascii: "<")
        else { return nil }
        index += 2
        var strips = false
        if index < word.endIndex, word[index] == ByteClass.dash {
            strips = true
            index += 1
        }
        let rest = word[index...]
        guard !rest.isEmpty, !rest.contains(UInt8(ascii: "<")) else { return nil }
        let unquoted = WordExpander.removingQuotes(rest, escape: ByteClass.backslash)
        // The rest must be one word once quotes are removed (`<<"A B"` is one word, `<<A B` not).
        guard shellWords(rest).count == 1, !unquoted.isEmpty else { return nil }
        let quoted = rest.contains(ByteClass.singleQuote) || rest.contains(ByteClass.doubleQuote)
        return Marker(
            delimiter: unquoted, isQuoted: quoted, stripsLeadingTabs: strips,
            fileDescriptor: Int(String(decoding: digits, as: UTF8.self)) ?? 0)
    }
}
