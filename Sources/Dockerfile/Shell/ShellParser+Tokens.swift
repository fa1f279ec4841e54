extension ShellParser {
    /// Lexes the token at ``position``: an operator, a redirection, a newline or a word.
    func lexToken() -> ShellToken {
        skipBlanksAndComments()
        guard position < bytes.count else { return .end }
        let current = bytes[position]
        if conditionalMode, let word = lexConditionalOperator() { return .word(word) }
        switch current {
        case ShellSyntax.newline:
            position += 1
            readHereDocumentBodies()
            return .newline(at: position - 1)
        case ShellSyntax.ampersand:
            if byte(at: position + 1) == ShellSyntax.greater {
                return lexRedirection(fileDescriptor: nil)
            }
            return lexControl(byte(at: position + 1) == ShellSyntax.ampersand ? .and : .background)
        case ShellSyntax.pipe:
            switch byte(at: position + 1) {
            case ShellSyntax.pipe: return lexControl(.or)
            case ShellSyntax.ampersand: return lexControl(.pipeWithStandardError)
            default: return lexControl(.pipe)
            }
        case ShellSyntax.semicolon:
            return lexSemicolon()
        case ShellSyntax.openParen:
            let isDouble = byte(at: position + 1) == ShellSyntax.openParen
            return lexControl(isDouble ? .doubleOpenParen : .openParen)
        case ShellSyntax.closeParen:
            return lexControl(.closeParen)
        case ShellSyntax.less, ShellSyntax.greater:
            if byte(at: position + 1) == ShellSyntax.openParen { return .word(lexWord()) }
            return lexRedirection(fileDescriptor: nil)
        default:
            if let (descriptor, operatorStart) = fileDescriptorBeforeRedirection() {
                let start = position
                position = operatorStart
                return lexRedirection(fileDescriptor: descriptor, startingAt: start)
            }
            return .word(lexWord())
        }
    }

    /// The byte at `offset`, or nil past the end.
    func byte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    /// The length of a line continuation (`\` + LF or `\` + CRLF) at `offset`, if one is there.
    func continuationLength(at offset: Int) -> Int? {
        guard byte(at: offset) == ShellSyntax.backslash else { return nil }
        switch byte(at: offset + 1) {
        case ShellSyntax.newline: return 2
        case ShellSyntax.carriageReturn where byte(at: offset + 2) == ShellSyntax.newline: return 3
        default: return nil
        }
    }

    /// Skips a line continuation at ``position`` if there is one.
    func skipContinuation() -> Bool {
        guard let length = continuationLength(at: position) else { return false }
        continuations.append(position..<position + length)
        position += length
        return true
    }

    /// Skips blanks, line continuations and comments (a `#` where a token would start).
    func skipBlanksAndComments() {
        while position < bytes.count {
            let byte = bytes[position]
            if ShellSyntax.isBlank(byte) {
                position += 1
            } else if byte == ShellSyntax.hash {
                while position < bytes.count, bytes[position] != ShellSyntax.newline { position += 1 }
            } else if !skipContinuation() {
                return
            }
        }
    }

    private func lexControl(_ control: ShellControlOperator) -> ShellToken {
        let start = position
        position += control.rawValue.utf8.count
        return .control(control, at: start)
    }

    private func lexSemicolon() -> ShellToken {
        guard byte(at: position + 1) == ShellSyntax.semicolon else {
            return lexControl(byte(at: position + 1) == ShellSyntax.ampersand ? .caseFallThrough : .semicolon)
        }
        return lexControl(byte(at: position + 2) == ShellSyntax.ampersand ? .caseContinue : .caseBreak)
    }

    /// Redirection operators, longest first so the first match is the longest.
    private static let redirectionSymbols: [[UInt8]] = [
        "&>>", "<<<", "<<-", "&>", "<<", "<>", "<&", ">>", ">|", ">&", "<", ">",
    ].map { Array($0.utf8) }

    private func lexRedirection(fileDescriptor: Int?, startingAt start: Int? = nil) -> ShellToken {
        let tokenStart = start ?? position
        for symbol in Self.redirectionSymbols where hasPrefix(symbol, at: position) {
            position += symbol.count
            return .redirection(
                symbol: String(decoding: symbol, as: UTF8.self), fileDescriptor: fileDescriptor,
                range: tokenStart..<position)
        }
        // Unreachable for `<`, `>` and `&>`; kept so every path consumes input.
        position += 1
        return .redirection(symbol: "?", fileDescriptor: fileDescriptor, range: tokenStart..<position)
    }

    private func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        return bytes[offset..<offset + prefix.count].elementsEqual(prefix)
    }

    /// An all-digit word directly followed by `<` or `>` (the `2` of `2>&1`): its number and
    /// the offset of the operator.
    private func fileDescriptorBeforeRedirection() -> (Int, Int)? {
        var end = position
        while end < bytes.count, ShellSyntax.isDigit(bytes[end]), end - position < 10 { end += 1 }
        guard end > position, let next = byte(at: end),
            next == ShellSyntax.less || next == ShellSyntax.greater,
            byte(at: end + 1) != ShellSyntax.openParen,
            let number = Int(String(decoding: bytes[position..<end], as: UTF8.self))
        else { return nil }
        return (number, end)
    }

    /// Inside `[[ ... ]]`, operator characters are words of their own.
    private func lexConditionalOperator() -> LexedWord? {
        let first = bytes[position]
        let operatorBytes: [UInt8] = [
            ShellSyntax.ampersand, ShellSyntax.pipe, ShellSyntax.openParen, ShellSyntax.closeParen,
            ShellSyntax.less, ShellSyntax.greater,
        ]
        guard operatorBytes.contains(first) else { return nil }
        var word = LexedWord(start: position)
        let doubled =
            (first == ShellSyntax.ampersand || first == ShellSyntax.pipe) && byte(at: position + 1) == first
        let length = doubled ? 2 : 1
        for offset in position..<position + length { appendValue(bytes[offset], from: offset, to: &word) }
        position += length
        word.end = position
        word.text = Array(bytes[word.start..<word.end])
        return word
    }

    /// Reads the bodies of the here-documents opened on the line that just ended: each is
    /// given to its command, and one that a shell reads as its script is parsed as one.
    func readHereDocumentBodies() {
        let documents = pendingHereDocuments
        pendingHereDocuments = []
        for document in documents {
            let (body, offsets, closed) = readHereDocumentBody(document)
            if !closed {
                diagnose(
                    "here-document not closed by '\(String(decoding: document.delimiter, as: UTF8.self))'",
                    at: document.operatorOffset)
            }
            let read = ReadHereDocument(document: document, body: body, offsets: offsets)
            if let command = hereDocumentCommands[document.serial] {
                give(read, to: command)
            } else {
                unclaimedHereDocuments[document.serial] = read
            }
        }
    }

    /// Gives a body to the command with record identifier `command`, and parses it when that
    /// command is a shell reading its script from it.
    func give(_ read: ReadHereDocument, to command: Int) {
        output.addHereDocument(String(decoding: read.body, as: UTF8.self), to: command)
        guard read.document.fileDescriptor ?? 0 == 0 else { return }
        if readsScriptFromInput(command) {
            parseHereDocument(read, ranBy: command)
        } else if isBareCat(command) {
            catHereDocuments.append((command, read))
        }
    }

    /// Parses the bodies given to `cat` that the next command of its pipeline, a shell reading
    /// its script from its input, runs (`cat <<EOF | sh`); the pipelines are whole by now.
    ///
    /// The commands of this buffer are those recorded since `firstRecord` (with those of the
    /// buffers nested in it).
    func parseHereDocumentsPipedToShells(recordedSince firstRecord: Int) {
        let given = catHereDocuments
        catHereDocuments = []
        guard !given.isEmpty else { return }
        // Looked up once for all of them: a search per body made a script of many `cat <<EOF |`
        // lines quadratic.
        var byPlace: [PipelinePlace: Int] = [:]
        for identifier in firstRecord..<output.records.count {
            let record = output.records[identifier]
            byPlace[PipelinePlace(pipeline: record.pipeline, position: record.pipelinePosition)] = identifier
        }
        for (command, read) in given {
            let cat = output.records[command]
            let next = PipelinePlace(pipeline: cat.pipeline, position: cat.pipelinePosition + 1)
            if let shell = byPlace[next], readsScriptFromInput(shell) {
                parseHereDocument(read, ranBy: shell)
            }
        }
    }

    /// A command's place: its pipeline and its position in it.
    private struct PipelinePlace: Hashable {
        let pipeline: Int
        let position: Int
    }

    private func parseHereDocument(_ read: ReadHereDocument, ranBy command: Int) {
        parseChildBuffer(
            read.body, offsets: read.offsets,
            end: read.offsets.last.map { $0 + 1 } ?? read.document.operatorOffset,
            context: .hereDocument, parentLink: .command(command), openedAt: read.document.operatorOffset,
            construct: "here-document script")
    }

    /// Whether the command with record identifier `command` is `cat` copying its input: no file
    /// operand, or only `-`.
    private func isBareCat(_ command: Int) -> Bool {
        let argv = output.records[command].words.map(\.value)
        guard let commandIndex = SimpleCommand.effectiveCommandIndex(in: argv),
            SimpleCommand.baseName(argv[commandIndex]) == "cat"
        else { return false }
        return argv[(commandIndex + 1)...].allSatisfy { $0 == "-" || ($0.hasPrefix("-") && $0.count > 1) }
    }

    /// The body of `document` as its command reads it (leading tabs taken out for `<<-`), the
    /// buffer offset of each of its bytes, and whether the delimiter line closed it.
    private func readHereDocumentBody(
        _ document: PendingHereDocument
    ) -> (body: [UInt8], offsets: [Int], closed: Bool) {
        var body: [UInt8] = []
        var offsets: [Int] = []
        while position < bytes.count {
            let lineStart = position
            while position < bytes.count, bytes[position] != ShellSyntax.newline { position += 1 }
            var line = bytes[lineStart..<position]
            let hasNewline = position < bytes.count
            if hasNewline { position += 1 }
            if document.stripsLeadingTabs { line = line.drop { $0 == ShellSyntax.tab } }
            var compared = line
            if compared.last == ShellSyntax.carriageReturn { compared = compared.dropLast() }
            if compared.elementsEqual(document.delimiter) { return (body, offsets, true) }
            body += line
            offsets += line.indices
            if hasNewline {
                body.append(ShellSyntax.newline)
                offsets.append(position - 1)
            }
        }
        return (body, offsets, false)
    }

    /// Whether the command with record identifier `command` is a shell that reads its script
    /// from standard input: `sh`, `bash -s`, `bash -eux -` and the like, without `-c` or a
    /// script file.
    private func readsScriptFromInput(_ command: Int) -> Bool {
        let argv = output.records[command].words.map(\.value)
        guard let commandIndex = SimpleCommand.effectiveCommandIndex(in: argv),
            ShellSyntax.shells.contains(SimpleCommand.baseName(argv[commandIndex]))
        else { return false }
        return Self.scriptSource(argv, after: commandIndex) == .standardInput
    }

    /// Scans, without parsing, to the `close` byte that balances the `open` bytes.
    ///
    /// Nesting starts at `level`; quotes and backslashes are honoured. Returns whether the
    /// balancing byte was found.
    func skipBalanced(open: UInt8, close: UInt8, level initialLevel: Int) -> Bool {
        var level = initialLevel
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case ShellSyntax.backslash:
                position = min(position + 1, bytes.count)
            case ShellSyntax.singleQuote:
                while position < bytes.count, bytes[position] != ShellSyntax.singleQuote { position += 1 }
                position = min(position + 1, bytes.count)
            case ShellSyntax.doubleQuote:
                while position < bytes.count, bytes[position] != ShellSyntax.doubleQuote {
                    position += bytes[position] == ShellSyntax.backslash ? 2 : 1
                }
                position = min(position + 1, bytes.count)
            case open:
                level += 1
            case close:
                level -= 1
                if level <= 0 { return true }
            default:
                break
            }
        }
        return false
    }
}
