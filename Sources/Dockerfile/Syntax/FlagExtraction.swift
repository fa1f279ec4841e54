/// Splits the leading `--flag[=value]` words off an instruction's arguments, as BuildKit's
/// `extractBuilderFlags` does: quotes are removed, `\` escapes the next byte, a bare `--` ends
/// the flags, and the first word not starting with `--` starts the arguments.
enum FlagExtraction {
    /// Returns the flags in order and the rest of the line (untrimmed).
    static func split(_ line: ArraySlice<UInt8>) -> (flags: [Flag], rest: ArraySlice<UInt8>) {
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        var inWord = false
        var quote: UInt8?
        var blankOK = false
        var index = line.startIndex
        let end = line.endIndex

        func finishWord() {
            if blankOK || !word.isEmpty { words.append(word) }
            word.removeAll(keepingCapacity: true)
            blankOK = false
        }

        while index < end {
            let byte = line[index]
            if !inWord {
                if ByteClass.isSpace(byte) {
                    index += 1
                    continue
                }
                let startsFlag =
                    byte == ByteClass.dash && index + 1 < end && line[index + 1] == ByteClass.dash
                if !startsFlag { return (words.map(flag), line[index..<end]) }
                inWord = true
            }
            if let open = quote {
                if byte == open {
                    quote = nil
                } else if byte == ByteClass.backslash {
                    if index + 1 < end {
                        index += 1
                        word.append(line[index])
                    } else {
                        quote = nil
                    }
                } else {
                    word.append(byte)
                }
                index += 1
                continue
            }
            if ByteClass.isSpace(byte) {
                inWord = false
                if word == [ByteClass.dash, ByteClass.dash] {
                    return (words.map(flag), line[index..<end])
                }
                finishWord()
                index += 1
                continue
            }
            if byte == ByteClass.singleQuote || byte == ByteClass.doubleQuote {
                quote = byte
                blankOK = true
            } else if byte == ByteClass.backslash {
                if index + 1 < end {
                    index += 1
                    word.append(line[index])
                }
            } else {
                word.append(byte)
            }
            index += 1
        }
        if inWord, word != [ByteClass.dash, ByteClass.dash] { finishWord() }
        return (words.map(flag), line[end..<end])
    }

    private static func flag(_ word: [UInt8]) -> Flag {
        let body = word.dropFirst(2)
        guard let equals = body.firstIndex(of: ByteClass.equals) else {
            return Flag(name: String(decoding: body, as: UTF8.self), value: nil)
        }
        return Flag(
            name: String(decoding: body[body.startIndex..<equals], as: UTF8.self),
            value: String(decoding: body[(equals + 1)...], as: UTF8.self))
    }
}

/// BuildKit's `parseWords`: splits ARG, ENV and LABEL arguments into words, keeping quotes and
/// escape characters in the words (they are removed later, per word).
enum QuotedWords {
    static func split(_ rest: ArraySlice<UInt8>, escape: UInt8) -> [ArraySlice<UInt8>] {
        var words: [ArraySlice<UInt8>] = []
        var wordStart: Int?
        var quote: UInt8?
        var blankOK = false
        var index = rest.startIndex
        let end = rest.endIndex
        // Word boundaries are byte offsets; the escape skipping only moves `index`.
        while index < end {
            let byte = rest[index]
            guard let start = wordStart else {
                if ByteClass.isSpace(byte) {
                    index += 1
                    continue
                }
                wordStart = index
                continue
            }
            if let open = quote {
                if byte == open {
                    quote = nil
                } else if byte == escape && open != ByteClass.singleQuote {
                    if index + 1 == end {
                        quote = nil
                    } else {
                        index += 1
                    }
                }
                index += 1
                continue
            }
            if ByteClass.isSpace(byte) {
                if blankOK || index > start { words.append(rest[start..<index]) }
                wordStart = nil
                blankOK = false
                index += 1
                continue
            }
            if byte == ByteClass.singleQuote || byte == ByteClass.doubleQuote {
                quote = byte
                blankOK = true
            } else if byte == escape, index + 1 < end {
                index += 1
            }
            index += 1
        }
        if let start = wordStart, blankOK || end > start {
            var wordEnd = end
            // BuildKit drops a lone escape character at the very end of the line.
            if quote == nil, rest[end - 1] == escape, !endsWithEscapedEscape(rest[start..<end], escape) {
                wordEnd = end - 1
            }
            if blankOK || wordEnd > start { words.append(rest[start..<wordEnd]) }
        }
        return words
    }

    /// Whether the final escape character is itself escaped (an even run of escapes).
    private static func endsWithEscapedEscape(_ word: ArraySlice<UInt8>, _ escape: UInt8) -> Bool {
        var run = 0
        var index = word.endIndex - 1
        while index >= word.startIndex, word[index] == escape {
            run += 1
            index -= 1
        }
        return run % 2 == 0
    }
}
