/// What parsing one command produced.
enum ParsedCommand {
    /// A simple command, by its record identifier.
    case simple(Int)
    /// A compound command (group, loop, conditional, function definition).
    case compound
}

extension ShellParser {
    /// Parses commands separated by `;`, `&` and newlines until the end of the buffer, a `)`
    /// an enclosing construct waits for, a `;;` inside `case`, or an active closing reserved word.
    ///
    /// - Parameter closers: closing reserved words (`fi`, `done`, ...) that end this list.
    func parseCompoundList(closers: [String]) {
        for closer in closers { activeClosers[closer, default: 0] += 1 }
        defer { for closer in closers { activeClosers[closer, default: 1] -= 1 } }
        while true {
            switch peek() {
            case .end:
                return
            case .newline:
                nextToken()
                continue
            case .control(let control, _):
                switch control {
                case .semicolon, .background:
                    nextToken()
                    continue
                case .closeParen where parenthesisDepth > 0:
                    return
                case .caseBreak where caseDepth > 0, .caseFallThrough where caseDepth > 0,
                    .caseContinue where caseDepth > 0:
                    return
                case .openParen, .doubleOpenParen:
                    break
                default:
                    diagnoseUnexpected(nextToken())
                    continue
                }
            case .word(let word):
                if let reserved = word.reservedWord, ShellSyntax.closingReservedWords.contains(reserved) {
                    if activeClosers[reserved, default: 0] > 0 { return }
                    diagnoseUnexpected(nextToken())
                    continue
                }
            case .redirection:
                break
            }
            let consumedBefore = consumedTokens
            parseAndOr()
            if consumedTokens == consumedBefore { diagnoseUnexpected(nextToken()) }
        }
    }

    /// Parses pipelines joined by `&&` and `||`.
    private func parseAndOr() {
        guard parsePipeline() else { return }
        while case .control(let control, let offset) = peek(), control == .and || control == .or {
            nextToken()
            skipNewlines()
            guard parsePipeline() else {
                diagnose("missing command after '\(control.rawValue)'", at: offset)
                return
            }
        }
    }

    /// Parses commands joined by `|` and `|&`, optionally negated with `!`.
    ///
    /// Returns whether a command was found.
    private func parsePipeline() -> Bool {
        while case .word(let word) = peek(), word.reservedWord == "!" { nextToken() }
        let pipeline = output.newPipeline()
        var length = 0
        var simpleCommands: [Int] = []
        while let parsed = parseCommand(pipeline: pipeline, position: length) {
            length += 1
            if case .simple(let identifier) = parsed { simpleCommands.append(identifier) }
            guard case .control(let control, let offset) = peek(),
                control == .pipe || control == .pipeWithStandardError
            else { break }
            nextToken()
            skipNewlines()
            if case .word(let word) = peek(), word.reservedWord == "!" { nextToken() }
            if !startsCommand(peek()) {
                diagnose("missing command after '\(control.rawValue)'", at: offset)
                break
            }
        }
        for identifier in simpleCommands { output.setPipelineLength(length, of: identifier) }
        return length > 0
    }

    /// Whether `token` can begin a command.
    private func startsCommand(_ token: ShellToken) -> Bool {
        switch token {
        case .word(let word):
            guard let reserved = word.reservedWord else { return true }
            return !ShellSyntax.closingReservedWords.contains(reserved)
        case .redirection, .control(.openParen, _), .control(.doubleOpenParen, _):
            return true
        default:
            return false
        }
    }

    /// Parses one command of a pipeline: a simple command or a compound command.
    ///
    /// Returns nil, consuming nothing, when the next token cannot begin a command.
    func parseCommand(pipeline: Int, position pipelinePosition: Int) -> ParsedCommand? {
        let token = peek()
        guard startsCommand(token) else { return nil }
        switch token {
        case .word(let word):
            if let reserved = word.reservedWord, parseCompoundCommand(reserved, at: word.start) {
                parseTrailingRedirections()
                return .compound
            }
        case .control(.openParen, let offset):
            parseSubshell(at: offset)
            parseTrailingRedirections()
            return .compound
        case .control(.doubleOpenParen, let offset):
            nextToken()
            if !skipBalanced(open: ShellSyntax.openParen, close: ShellSyntax.closeParen, level: 2) {
                diagnose("unterminated ((", at: offset)
            }
            parseTrailingRedirections()
            return .compound
        default:
            break
        }
        return parseSimpleCommand(pipeline: pipeline, position: pipelinePosition)
    }

    /// Parses assignments, words and redirections into one simple command (or a function
    /// definition `name() body`).
    private func parseSimpleCommand(pipeline: Int, position pipelinePosition: Int) -> ParsedCommand? {
        var words: [LexedWord] = []
        var assignments: [LexedWord] = []
        var redirections: [ShellRedirection] = []
        var start: Int?
        var end = 0
        // The here-documents this command opens (and, first, those of commands nested in its
        // words, which claim theirs before it).
        let firstHereDocument = nextHereDocumentSerial
        tokens: while true {
            switch peek() {
            case .word(let word):
                nextToken()
                start = start ?? word.start
                end = word.end
                if words.isEmpty, word.isAssignment {
                    assignments.append(word)
                    continue
                }
                words.append(word)
                if words.count == 1, word.literalText == "[[" {
                    end = lexConditionalExpression(into: &words) ?? end
                }
            case .redirection(let symbol, let descriptor, let range):
                nextToken()
                start = start ?? range.lowerBound
                let (redirection, targetEnd) = parseRedirectionTarget(symbol, descriptor, range)
                redirections.append(redirection)
                end = targetEnd
            case .control(.openParen, let offset)
            where words.count == 1 && assignments.isEmpty && redirections.isEmpty:
                nextToken()
                parseFunctionBody(at: offset)
                return .compound
            default:
                break tokens
            }
        }
        guard let start else { return nil }
        let record = ShellParseOutput.Record(
            words: words.map(makeWord), assignmentWords: assignments.map(makeWord),
            redirections: redirections, pipeline: pipeline, pipelinePosition: pipelinePosition,
            pipelineLength: 1, parentLink: parentLink, context: context,
            range: map.sourceRange(start..<end))
        let identifier = output.add(record)
        for serial in firstHereDocument..<nextHereDocumentSerial where hereDocumentCommands[serial] == nil {
            hereDocumentCommands[serial] = identifier
            if let read = unclaimedHereDocuments.removeValue(forKey: serial) { give(read, to: identifier) }
        }
        parseNestedScript(of: identifier, words: words)
        return .simple(identifier)
    }

    /// Converts a lexed word into the public form.
    func makeWord(_ word: LexedWord) -> ShellWord {
        ShellWord(
            text: String(decoding: word.text, as: UTF8.self),
            value: String(decoding: word.value, as: UTF8.self), hasExpansion: word.hasExpansion,
            hasSubstitution: word.hasSubstitution, isQuoted: word.isQuoted,
            range: map.sourceRange(word.start..<word.end))
    }

    /// Reads the target word of a redirection operator.
    ///
    /// `<<` and `<<-` also queue a here-document body to skip. Returns the redirection and the
    /// offset where it ends.
    private func parseRedirectionTarget(
        _ symbol: String, _ descriptor: Int?, _ range: Range<Int>
    )
        -> (ShellRedirection, Int)
    {
        guard case .word(let target) = peek() else {
            diagnose("missing target after '\(symbol)'", at: range.lowerBound)
            return (
                ShellRedirection(fileDescriptor: descriptor, symbol: symbol, target: nil), range.upperBound
            )
        }
        nextToken()
        if symbol == "<<" || symbol == "<<-" {
            pendingHereDocuments.append(
                PendingHereDocument(
                    delimiter: target.value, stripsLeadingTabs: symbol == "<<-",
                    operatorOffset: range.lowerBound, fileDescriptor: descriptor,
                    serial: nextHereDocumentSerial))
            nextHereDocumentSerial += 1
        }
        let redirection = ShellRedirection(
            fileDescriptor: descriptor, symbol: symbol, target: makeWord(target))
        return (redirection, target.end)
    }

    /// Parses redirections after a compound command (`done < file`, `} > log 2>&1`).
    func parseTrailingRedirections() {
        while case .redirection(let symbol, let descriptor, let range) = peek() {
            nextToken()
            _ = parseRedirectionTarget(symbol, descriptor, range)
        }
    }

    /// Reads the words of `[[ ... ]]` up to and including `]]`, where operators are words.
    ///
    /// Returns the offset where `]]` ends, or nil when it is missing.
    private func lexConditionalExpression(into words: inout [LexedWord]) -> Int? {
        conditionalMode = true
        defer { conditionalMode = false }
        while true {
            switch peek() {
            case .word(let word):
                nextToken()
                words.append(word)
                if word.literalText == "]]" { return word.end }
            case .newline:
                nextToken()
            default:
                diagnose("unterminated [[", at: words.first?.start ?? position)
                return nil
            }
        }
    }
}
