extension ShellParser {
    /// Lexes one word at ``position``: quotes, escapes, expansions and substitutions.
    func lexWord() -> LexedWord {
        var word = LexedWord(start: position)
        while position < bytes.count {
            let current = bytes[position]
            if ShellSyntax.endsWord(current) {
                if position == word.start, current == ShellSyntax.less || current == ShellSyntax.greater,
                    byte(at: position + 1) == ShellSyntax.openParen
                {
                    lexProcessSubstitution(into: &word)
                    continue
                }
                if current == ShellSyntax.openParen, isArrayAssignmentPrefix(word) {
                    lexArrayLiteral(into: &word)
                    continue
                }
                break
            }
            lexWordPart(current, into: &word, inDoubleQuotes: false)
        }
        word.end = position
        forEachSpan(of: word.start..<word.end) { word.text += bytes[$0] }
        return word
    }

    /// Lexes the quote, escape, expansion or plain byte `current` at ``position``.
    private func lexWordPart(_ current: UInt8, into word: inout LexedWord, inDoubleQuotes: Bool) {
        switch current {
        case ShellSyntax.backslash:
            lexEscape(into: &word)
        case ShellSyntax.singleQuote where !inDoubleQuotes:
            lexSingleQuoted(into: &word)
        case ShellSyntax.doubleQuote:
            lexDoubleQuoted(into: &word)
        case ShellSyntax.dollar:
            lexDollar(into: &word, inDoubleQuotes: inDoubleQuotes)
        case ShellSyntax.backtick:
            lexBackticks(into: &word, inDoubleQuotes: inDoubleQuotes)
        default:
            appendValue(current, from: position, to: &word)
            position += 1
        }
    }

    /// Appends one byte of a word's value, remembering where it came from.
    func appendValue(_ byte: UInt8, from offset: Int, to word: inout LexedWord) {
        word.value.append(byte)
        word.valueOffsets.append(offset)
    }

    /// The buffer bytes of `range` without line continuations, with their offsets.
    func rawBytes(_ range: Range<Int>) -> (bytes: [UInt8], offsets: [Int]) {
        var result: [UInt8] = []
        var offsets: [Int] = []
        result.reserveCapacity(range.count)
        offsets.reserveCapacity(range.count)
        forEachSpan(of: range) { span in
            result += bytes[span]
            offsets += span
        }
        return (result, offsets)
    }

    /// Calls `body` with the parts of `range` between recorded line continuations.
    private func forEachSpan(of range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var skip = firstContinuation(atOrAfter: range.lowerBound)
        var spanStart = range.lowerBound
        while skip < continuations.count, continuations[skip].upperBound <= range.upperBound {
            body(spanStart..<continuations[skip].lowerBound)
            spanStart = continuations[skip].upperBound
            skip += 1
        }
        body(spanStart..<range.upperBound)
    }

    /// The index of the first recorded continuation starting at or after `offset`.
    private func firstContinuation(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = continuations.count
        while low < high {
            let middle = (low + high) / 2
            if continuations[middle].lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Appends the source text of `range` (an expansion kept as written) to the word's value.
    private func appendWritten(_ range: Range<Int>, to word: inout LexedWord) {
        forEachSpan(of: range) { span in
            word.value += bytes[span]
            word.valueOffsets += span
        }
    }

    private func lexEscape(into word: inout LexedWord) {
        if skipContinuation() { return }
        guard let escaped = byte(at: position + 1) else {
            // A trailing backslash stays literal.
            appendValue(ShellSyntax.backslash, from: position, to: &word)
            position += 1
            return
        }
        word.isQuoted = true
        appendValue(escaped, from: position + 1, to: &word)
        position += 2
    }

    private func lexSingleQuoted(into word: inout LexedWord) {
        let opening = position
        word.isQuoted = true
        position += 1
        while position < bytes.count, bytes[position] != ShellSyntax.singleQuote {
            appendValue(bytes[position], from: position, to: &word)
            position += 1
        }
        if position < bytes.count {
            position += 1
        } else {
            diagnose("unterminated single quote", at: opening)
        }
    }

    private func lexDoubleQuoted(into word: inout LexedWord) {
        let opening = position
        word.isQuoted = true
        position += 1
        while position < bytes.count {
            let current = bytes[position]
            switch current {
            case ShellSyntax.doubleQuote:
                position += 1
                return
            case ShellSyntax.backslash:
                if skipContinuation() { continue }
                guard let escaped = byte(at: position + 1) else {
                    appendValue(current, from: position, to: &word)
                    position += 1
                    continue
                }
                // Inside double quotes a backslash only escapes $ ` " and \.
                if "$`\"\\".utf8.contains(escaped) {
                    appendValue(escaped, from: position + 1, to: &word)
                } else {
                    appendValue(current, from: position, to: &word)
                    appendValue(escaped, from: position + 1, to: &word)
                }
                position += 2
            default:
                lexWordPart(current, into: &word, inDoubleQuotes: true)
            }
        }
        diagnose("unterminated double quote", at: opening)
    }

    /// Lexes what follows a `$`: a parameter, `${...}`, `$(...)`, `$((...))`, `$'...'` or a
    /// literal dollar sign.
    private func lexDollar(into word: inout LexedWord, inDoubleQuotes: Bool) {
        let start = position
        guard let next = byte(at: position + 1) else {
            appendValue(ShellSyntax.dollar, from: position, to: &word)
            position += 1
            return
        }
        switch next {
        case ShellSyntax.singleQuote where !inDoubleQuotes:
            lexAnsiCQuoted(into: &word)
            return
        case ShellSyntax.doubleQuote where !inDoubleQuotes:
            // $"..." is a locale-translated string; it reads like "...".
            position += 1
            lexDoubleQuoted(into: &word)
            return
        case ShellSyntax.openParen:
            if byte(at: position + 2) == ShellSyntax.openParen {
                position += 3
                if !skipBalanced(open: ShellSyntax.openParen, close: ShellSyntax.closeParen, level: 2) {
                    diagnose("unterminated $((", at: start)
                }
            } else {
                position += 2
                parseNestedList(context: .commandSubstitution, word: word, openedAt: start, opener: "$(")
                word.hasSubstitution = true
            }
        case ShellSyntax.openBrace:
            lexBracedParameter(into: &word, inDoubleQuotes: inDoubleQuotes)
            return
        case ShellSyntax.openBracket:
            position += 2
            if !skipBalanced(open: ShellSyntax.openBracket, close: ShellSyntax.closeBracket, level: 1) {
                diagnose("unterminated $[", at: start)
            }
        default:
            if ShellSyntax.isNameStart(next) {
                position += 2
                while let nameByte = byte(at: position), ShellSyntax.isNameByte(nameByte) { position += 1 }
            } else if ShellSyntax.isSpecialParameter(next) {
                position += 2
            } else {
                appendValue(ShellSyntax.dollar, from: position, to: &word)
                position += 1
                return
            }
        }
        word.hasExpansion = true
        appendWritten(start..<position, to: &word)
    }

    /// Lexes `${...}`, which may nest quotes, expansions and substitutions before its `}`.
    private func lexBracedParameter(into word: inout LexedWord, inDoubleQuotes: Bool) {
        let start = position
        position += 2
        defer {
            word.hasExpansion = true
            appendWritten(start..<position, to: &word)
        }
        guard canNest(at: start, "${") else {
            _ = skipBalanced(open: ShellSyntax.openBrace, close: ShellSyntax.closeBrace, level: 1)
            return
        }
        depth += 1
        defer { depth -= 1 }
        // The inner parts are lexed only to find the closing brace and nested commands.
        var inner = LexedWord(start: word.start)
        while position < bytes.count {
            let current = bytes[position]
            if current == ShellSyntax.closeBrace {
                position += 1
                if inner.hasSubstitution { word.hasSubstitution = true }
                return
            }
            if current == ShellSyntax.singleQuote, inDoubleQuotes {
                position += 1
            } else {
                lexWordPart(current, into: &inner, inDoubleQuotes: inDoubleQuotes)
            }
        }
        if inner.hasSubstitution { word.hasSubstitution = true }
        diagnose("unterminated ${", at: start)
    }

    /// Lexes a backtick command substitution and parses its unescaped body as a child buffer.
    private func lexBackticks(into word: inout LexedWord, inDoubleQuotes: Bool) {
        let start = position
        position += 1
        var body: [UInt8] = []
        var offsets: [Int] = []
        var closed = false
        while position < bytes.count {
            let current = bytes[position]
            if current == ShellSyntax.backtick {
                closed = true
                break
            }
            if current == ShellSyntax.backslash {
                if skipContinuation() { continue }
                // Inside backticks a backslash only escapes ` $ \ (and " inside double quotes).
                if let escaped = byte(at: position + 1),
                    "`$\\".utf8.contains(escaped) || (inDoubleQuotes && escaped == ShellSyntax.doubleQuote)
                {
                    body.append(escaped)
                    offsets.append(position + 1)
                    position += 2
                    continue
                }
            }
            body.append(current)
            offsets.append(position)
            position += 1
        }
        let bodyEnd = position
        if closed { position += 1 } else { diagnose("unterminated backtick", at: start) }
        word.hasExpansion = true
        word.hasSubstitution = true
        parseChildBuffer(
            body, offsets: offsets, end: bodyEnd, context: .commandSubstitution,
            parentLink: .word(startingAt: map.sourceOffset(word.start)), openedAt: start, construct: "`")
        appendWritten(start..<position, to: &word)
    }

    /// Lexes `<(...)` or `>(...)` at the start of a word.
    private func lexProcessSubstitution(into word: inout LexedWord) {
        let start = position
        let opener = bytes[position] == ShellSyntax.less ? "<(" : ">("
        position += 2
        parseNestedList(context: .processSubstitution, word: word, openedAt: start, opener: opener)
        word.hasExpansion = true
        word.hasSubstitution = true
        appendWritten(start..<position, to: &word)
    }

    /// Parses the command list of `$(...)` or `<(...)` in place, up to and including its `)`.
    private func parseNestedList(
        context nestedContext: SimpleCommand.Context, word: LexedWord, openedAt start: Int, opener: String
    ) {
        guard canNest(at: start, opener) else {
            if !skipBalanced(open: ShellSyntax.openParen, close: ShellSyntax.closeParen, level: 1) {
                diagnose("unterminated \(opener)", at: start)
            }
            return
        }
        let saved = (context, parentLink, activeClosers, parenthesisDepth, caseDepth, conditionalMode)
        context = nestedContext
        parentLink = .word(startingAt: map.sourceOffset(word.start))
        activeClosers = [:]
        parenthesisDepth = 1
        caseDepth = 0
        conditionalMode = false
        depth += 1
        parseCompoundList(closers: [])
        if case .control(.closeParen, _) = peek() {
            nextToken()
        } else {
            diagnose("unterminated \(opener)", at: start)
            lookahead = nil
        }
        depth -= 1
        (context, parentLink, activeClosers, parenthesisDepth, caseDepth, conditionalMode) = saved
    }

    /// Whether `word` so far is `NAME=` or `NAME+=`, so a `(` starts a bash array literal.
    private func isArrayAssignmentPrefix(_ word: LexedWord) -> Bool {
        guard !word.isQuoted, !word.hasExpansion, word.value.last == ShellSyntax.equals else { return false }
        return ShellSyntax.isAssignment(bytes: word.value)
    }

    /// Lexes a bash array literal `(a b c)` as literal text.
    private func lexArrayLiteral(into word: inout LexedWord) {
        let start = position
        if !skipBalanced(open: ShellSyntax.openParen, close: ShellSyntax.closeParen, level: 0) {
            diagnose("unterminated array assignment", at: start)
        }
        if bytes[start..<position].contains(ShellSyntax.dollar) { word.hasExpansion = true }
        appendWritten(start..<position, to: &word)
    }

    /// Lexes bash ANSI-C quoting `$'...'`, decoding its backslash escapes.
    private func lexAnsiCQuoted(into word: inout LexedWord) {
        let opening = position
        word.isQuoted = true
        position += 2
        while position < bytes.count {
            let current = bytes[position]
            if current == ShellSyntax.singleQuote {
                position += 1
                return
            }
            guard current == ShellSyntax.backslash, let escaped = byte(at: position + 1) else {
                appendValue(current, from: position, to: &word)
                position += 1
                continue
            }
            let escapeStart = position
            position += 2
            for decoded in decodeAnsiCEscape(escaped) {
                appendValue(decoded, from: escapeStart, to: &word)
            }
        }
        diagnose("unterminated $'", at: opening)
    }

    /// The bytes an ANSI-C escape `\x` stands for; ``position`` is just past `x` and moves past
    /// any digits the escape takes.
    private func decodeAnsiCEscape(_ escaped: UInt8) -> [UInt8] {
        switch escaped {
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "a"): return [0x07]
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "e"), UInt8(ascii: "E"): return [0x1B]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "v"): return [0x0B]
        case UInt8(ascii: "x"):
            return [UInt8(truncatingIfNeeded: readDigits(radix: 16, maximumCount: 2, initial: 0))]
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            let value = readDigits(radix: 8, maximumCount: 2, initial: Int(escaped - UInt8(ascii: "0")))
            return [UInt8(truncatingIfNeeded: value)]
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"):
            return [escaped]
        default:
            return [ShellSyntax.backslash, escaped]
        }
    }

    private func readDigits(radix: Int, maximumCount: Int, initial: Int) -> Int {
        var value = initial
        var count = 0
        while count < maximumCount, let digitByte = byte(at: position),
            let digit = Int(String(UnicodeScalar(digitByte)), radix: radix)
        {
            value = value * radix + digit
            position += 1
            count += 1
        }
        return value
    }
}
