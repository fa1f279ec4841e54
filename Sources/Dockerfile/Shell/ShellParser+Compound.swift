extension ShellParser {
    /// Parses the compound command opened by the reserved word `reserved` at the next token.
    ///
    /// Returns false, consuming nothing, when `reserved` does not open one.
    func parseCompoundCommand(_ reserved: String, at offset: Int) -> Bool {
        let parse: () -> Void
        switch reserved {
        case "if": parse = parseIfBody
        case "while", "until": parse = parseLoopBody
        case "for", "select": parse = parseForBody
        case "case": parse = parseCaseBody
        case "{": parse = parseBraceGroupBody
        case "function": parse = parseFunctionKeywordBody
        default: return false
        }
        nextToken()
        guard canNest(at: offset, "'\(reserved)'") else {
            // Without parsing, the end of the construct is unknown: the rest is literal text.
            position = bytes.count
            lookahead = nil
            return true
        }
        depth += 1
        parse()
        depth -= 1
        return true
    }

    /// Consumes the reserved word `expected`, or records that it is missing.
    @discardableResult
    private func expect(_ expected: String, closing construct: String, openedAt offset: Int) -> Bool {
        if case .word(let word) = peek(), word.reservedWord == expected {
            nextToken()
            return true
        }
        diagnose("'\(construct)' without '\(expected)'", at: offset)
        return false
    }

    private var currentOffset: Int {
        switch peek() {
        case .word(let word): return word.start
        case .control(_, let offset), .newline(let offset): return offset
        case .redirection(_, _, let range): return range.lowerBound
        case .end: return bytes.count
        }
    }

    /// Parses the rest of `if list; then list; [elif list; then list;]... [else list;] fi`.
    private func parseIfBody() {
        let opening = currentOffset
        parseCompoundList(closers: ["then", "elif", "else", "fi"])
        guard expect("then", closing: "if", openedAt: opening) else { return }
        parseCompoundList(closers: ["elif", "else", "fi"])
        while case .word(let word) = peek(), let reserved = word.reservedWord {
            switch reserved {
            case "elif":
                nextToken()
                parseCompoundList(closers: ["then", "elif", "else", "fi"])
                guard expect("then", closing: "elif", openedAt: word.start) else { return }
                parseCompoundList(closers: ["elif", "else", "fi"])
            case "else":
                nextToken()
                parseCompoundList(closers: ["fi"])
            case "fi":
                nextToken()
                return
            default:
                diagnose("'if' without 'fi'", at: opening)
                return
            }
        }
        diagnose("'if' without 'fi'", at: opening)
    }

    /// Parses the rest of `while list; do list; done` and `until ...`.
    private func parseLoopBody() {
        let opening = currentOffset
        parseCompoundList(closers: ["do", "done"])
        guard expect("do", closing: "while", openedAt: opening) else { return }
        parseCompoundList(closers: ["done"])
        expect("done", closing: "while", openedAt: opening)
    }

    /// Parses the rest of `for name [in words]; do list; done`, `for ((...)); ...` and `select`.
    ///
    /// The loop words are not a command.
    private func parseForBody() {
        let opening = currentOffset
        if case .control(.doubleOpenParen, _) = peek() {
            nextToken()
            if !skipBalanced(open: ShellSyntax.openParen, close: ShellSyntax.closeParen, level: 2) {
                diagnose("unterminated 'for ((' ", at: opening)
            }
        } else {
            if case .word = peek() { nextToken() } else { diagnose("'for' without a name", at: opening) }
            skipNewlines()
            if case .word(let word) = peek(), word.literalText == "in" {
                nextToken()
                while case .word = peek() { nextToken() }
            }
        }
        while true {
            switch peek() {
            case .newline, .control(.semicolon, _): nextToken()
            default:
                if case .word(let word) = peek(), word.reservedWord == "{" {
                    _ = parseCompoundCommand("{", at: word.start)
                    return
                }
                guard expect("do", closing: "for", openedAt: opening) else { return }
                parseCompoundList(closers: ["done"])
                expect("done", closing: "for", openedAt: opening)
                return
            }
        }
    }

    /// Parses the rest of `case word in [(]pattern[|pattern]...) list ;; ... esac`.
    private func parseCaseBody() {
        let opening = currentOffset
        if case .word = peek() { nextToken() } else { diagnose("'case' without a word", at: opening) }
        skipNewlines()
        guard case .word(let word) = peek(), word.literalText == "in" else {
            diagnose("'case' without 'in'", at: opening)
            return
        }
        nextToken()
        caseDepth += 1
        defer { caseDepth -= 1 }
        while true {
            skipNewlines()
            switch peek() {
            case .word(let word) where word.reservedWord == "esac":
                nextToken()
                return
            case .end:
                diagnose("'case' without 'esac'", at: opening)
                return
            case .control(.closeParen, _) where parenthesisDepth > 0:
                diagnose("'case' without 'esac'", at: opening)
                return
            case .control(.openParen, _):
                nextToken()
            default:
                break
            }
            guard parseCasePatterns() else { continue }
            parseCompoundList(closers: ["esac"])
            switch peek() {
            case .control(.caseBreak, _), .control(.caseFallThrough, _), .control(.caseContinue, _):
                nextToken()
            default:
                break
            }
        }
    }

    /// Reads `pattern[|pattern]...)`.
    ///
    /// Returns false after consuming an unexpected token.
    private func parseCasePatterns() -> Bool {
        while true {
            guard case .word = peek() else {
                diagnoseUnexpected(nextToken())
                return false
            }
            nextToken()
            switch peek() {
            case .control(.pipe, _):
                nextToken()
            case .control(.closeParen, _):
                nextToken()
                return true
            default:
                diagnose("expected ')' after a case pattern", at: currentOffset)
                return true
            }
        }
    }

    /// Parses the rest of `{ list; }`.
    private func parseBraceGroupBody() {
        let opening = currentOffset
        let savedContext = context
        context = .brace
        defer { context = savedContext }
        parseCompoundList(closers: ["}"])
        expect("}", closing: "{", openedAt: opening)
    }

    /// Parses `( list )`.
    func parseSubshell(at offset: Int) {
        nextToken()
        guard canNest(at: offset, "(") else {
            if !skipBalanced(open: ShellSyntax.openParen, close: ShellSyntax.closeParen, level: 1) {
                diagnose("unterminated (", at: offset)
            }
            return
        }
        let saved = (context, parenthesisDepth)
        context = .subshell
        parenthesisDepth += 1
        depth += 1
        parseCompoundList(closers: [])
        if case .control(.closeParen, _) = peek() {
            nextToken()
        } else {
            diagnose("unterminated (", at: offset)
        }
        depth -= 1
        (context, parenthesisDepth) = saved
    }

    /// Parses the rest of `function name [()] body`.
    private func parseFunctionKeywordBody() {
        let opening = currentOffset
        if case .word = peek() { nextToken() } else { diagnose("'function' without a name", at: opening) }
        if case .control(.openParen, _) = peek() {
            nextToken()
            if case .control(.closeParen, _) = peek() { nextToken() }
        }
        skipNewlines()
        if parseCommand(pipeline: output.newPipeline(), position: 0) == nil {
            diagnose("function without a body", at: opening)
        }
    }

    /// The body of `name() body`, after its `(`: expects `)` then one command.
    func parseFunctionBody(at offset: Int) {
        if case .control(.closeParen, _) = peek() {
            nextToken()
        } else {
            diagnose("expected ')' in a function definition", at: offset)
        }
        guard canNest(at: offset, "function") else {
            position = bytes.count
            lookahead = nil
            return
        }
        depth += 1
        defer { depth -= 1 }
        skipNewlines()
        if parseCommand(pipeline: output.newPipeline(), position: 0) == nil {
            diagnose("function without a body", at: offset)
        }
    }
}
