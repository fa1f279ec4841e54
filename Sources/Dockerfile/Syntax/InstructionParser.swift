/// Parses one logical line (continuations joined) into a typed instruction, following the
/// dispatch table of BuildKit's parser: which keywords take JSON, key-value pairs, words or
/// plain text.
enum InstructionParser {
    /// The message BuildKit gives for a JSON array that holds something other than strings.
    static let nonStringArrayMessage =
        "when using JSON array syntax, arrays must be comprised of strings only"

    /// Parses `line` into an unlocated instruction.
    ///
    /// The caller fills in line numbers and heredocs; errors carry no line yet.
    static func parse(_ line: ArraySlice<UInt8>, escape: UInt8) throws(LocatedProblem) -> Instruction {
        let text = ByteClass.trimmed(line)
        var keywordEnd = text.startIndex
        while keywordEnd < text.endIndex, !isTokenSpace(text[keywordEnd]) { keywordEnd += 1 }
        let keywordAsWritten = String(decoding: text[text.startIndex..<keywordEnd], as: UTF8.self)
        let keyword = keywordAsWritten.uppercased()
        var flags: [Flag] = []
        var rest = text[keywordEnd..<keywordEnd]
        if keywordEnd < text.endIndex {
            var afterKeyword = keywordEnd
            while afterKeyword < text.endIndex, isTokenSpace(text[afterKeyword]) { afterKeyword += 1 }
            let split = FlagExtraction.split(text[afterKeyword...])
            flags = split.flags
            rest = ByteClass.trimmed(split.rest)
        }
        let kind = try kind(keyword: keyword, rest: rest, escape: escape)
        return Instruction(
            keyword: keyword, keywordAsWritten: keywordAsWritten, kind: kind, flags: flags, heredocs: [],
            argumentText: String(decoding: rest, as: UTF8.self), line: 0, endLine: 0)
    }

    /// BuildKit's `tokenWhitespace`: `[\t\v\f\r ]`.
    private static func isTokenSpace(_ byte: UInt8) -> Bool {
        byte == ByteClass.space || byte == ByteClass.tab || byte == 0x0B || byte == 0x0C
            || byte == ByteClass.carriageReturn
    }

    private static func kind(
        keyword: String, rest: ArraySlice<UInt8>, escape: UInt8
    )
        throws(LocatedProblem) -> InstructionKind
    {
        let plain = String(decoding: rest, as: UTF8.self)
        switch keyword {
        case "FROM": return .from(FromArguments(words: ByteClass.splitOnWhitespace(rest)))
        case "RUN": return .run(try maybeJSON(rest))
        case "CMD": return .cmd(try maybeJSON(rest))
        case "ENTRYPOINT": return .entrypoint(try maybeJSON(rest))
        case "SHELL": return .shell(try maybeJSON(rest))
        case "COPY": return .copy(try fileTransfer(rest, escape: escape))
        case "ADD": return .add(try fileTransfer(rest, escape: escape))
        case "USER": return .user(plain)
        case "WORKDIR": return .workdir(plain)
        case "MAINTAINER": return .maintainer(plain)
        case "STOPSIGNAL": return .stopSignal(plain)
        case "EXPOSE": return .expose(ByteClass.splitOnWhitespace(rest))
        case "VOLUME":
            let transfer = try fileTransfer(rest, escape: escape)
            return .volume(transfer.paths, isExecForm: transfer.isExecForm)
        case "ARG": return .arg(argDeclarations(rest, escape: escape))
        case "ENV": return .env(try keyValues(rest, keyword: "ENV", escape: escape))
        case "LABEL": return .label(try keyValues(rest, keyword: "LABEL", escape: escape))
        case "HEALTHCHECK": return .healthcheck(try healthcheck(rest))
        case "ONBUILD":
            guard !rest.isEmpty else { return .onbuild(nil) }
            return .onbuild(try parse(rest, escape: escape))
        default: return .unknown(plain)
        }
    }

    /// parseMaybeJSON: exec form when the text is a JSON array of strings, else shell form.
    private static func maybeJSON(_ rest: ArraySlice<UInt8>) throws(LocatedProblem) -> Arguments? {
        guard !rest.isEmpty else { return nil }
        switch JSONArrayDecoder.decode(rest) {
        case .strings(let words): return .exec(words)
        case .notAllStrings: throw LocatedProblem(line: nil, nonStringArrayMessage)
        case .notJSON: return .shell(String(decoding: rest, as: UTF8.self))
        }
    }

    /// parseMaybeJSONToList: a JSON array of strings, else whitespace-separated words, each with
    /// its quotes removed as BuildKit's shell lexer later does per word (so `"a b"` is still two
    /// words, as in BuildKit: paths with spaces need the JSON form).
    private static func fileTransfer(
        _ rest: ArraySlice<UInt8>, escape: UInt8
    ) throws(LocatedProblem) -> FileTransfer {
        switch JSONArrayDecoder.decode(rest) {
        case .strings(let words): return FileTransfer(paths: words, isExecForm: true)
        case .notAllStrings: throw LocatedProblem(line: nil, nonStringArrayMessage)
        case .notJSON:
            let words = ByteClass.splitOnWhitespace(rest).map { word in
                WordExpander.removingQuotes(Array(word.utf8)[...], escape: escape)
            }
            return FileTransfer(paths: words, isExecForm: false)
        }
    }

    private static func argDeclarations(_ rest: ArraySlice<UInt8>, escape: UInt8) -> [ArgDeclaration] {
        QuotedWords.split(rest, escape: escape).map { word in
            guard let equals = word.firstIndex(of: ByteClass.equals) else {
                return ArgDeclaration(
                    name: WordExpander.removingQuotes(word, escape: escape), defaultValue: nil,
                    rawDefault: nil)
            }
            let rawDefault = word[(equals + 1)...]
            return ArgDeclaration(
                name: WordExpander.removingQuotes(word[word.startIndex..<equals], escape: escape),
                defaultValue: WordExpander.removingQuotes(rawDefault, escape: escape),
                rawDefault: String(decoding: rawDefault, as: UTF8.self))
        }
    }

    /// parseNameVal: `KEY=value ...`, or the legacy `KEY value with spaces` when the first word
    /// has no `=`.
    private static func keyValues(
        _ rest: ArraySlice<UInt8>, keyword: String, escape: UInt8
    )
        throws(LocatedProblem) -> [KeyValue]
    {
        let words = QuotedWords.split(rest, escape: escape)
        guard let first = words.first else { return [] }
        if !first.contains(ByteClass.equals) {
            var keyEnd = rest.startIndex
            while keyEnd < rest.endIndex, !isTokenSpace(rest[keyEnd]) { keyEnd += 1 }
            var valueStart = keyEnd
            while valueStart < rest.endIndex, isTokenSpace(rest[valueStart]) { valueStart += 1 }
            guard keyEnd < rest.endIndex else {
                throw LocatedProblem(line: nil, "\(keyword) must have two arguments")
            }
            let rawValue = rest[valueStart...]
            return [
                KeyValue(
                    key: String(decoding: rest[rest.startIndex..<keyEnd], as: UTF8.self),
                    value: WordExpander.removingQuotes(rawValue, escape: escape),
                    rawValue: String(decoding: rawValue, as: UTF8.self))
            ]
        }
        var pairs: [KeyValue] = []
        for word in words {
            guard let equals = word.firstIndex(of: ByteClass.equals) else {
                let text = String(decoding: word, as: UTF8.self)
                throw LocatedProblem(
                    line: nil, "Syntax error - can't find = in \"\(text)\". Must be of the form: name=value")
            }
            let rawValue = word[(equals + 1)...]
            pairs.append(
                KeyValue(
                    key: WordExpander.removingQuotes(word[word.startIndex..<equals], escape: escape),
                    value: WordExpander.removingQuotes(rawValue, escape: escape),
                    rawValue: String(decoding: rawValue, as: UTF8.self)))
        }
        return pairs
    }

    /// parseHealthConfig: a type word (`NONE` or `CMD`), then the command for CMD.
    private static func healthcheck(_ rest: ArraySlice<UInt8>) throws(LocatedProblem) -> HealthcheckArguments
    {
        var typeEnd = rest.startIndex
        while typeEnd < rest.endIndex, !ByteClass.isSpace(rest[typeEnd]) { typeEnd += 1 }
        guard typeEnd > rest.startIndex else { return .missing }
        var commandStart = typeEnd
        while commandStart < rest.endIndex, ByteClass.isSpace(rest[commandStart]) { commandStart += 1 }
        let type = String(decoding: rest[rest.startIndex..<typeEnd], as: UTF8.self)
        let command = rest[commandStart...]
        switch type.uppercased() {
        case "NONE" where command.isEmpty: return .none
        case "CMD":
            guard let arguments = try maybeJSON(command) else {
                return .invalid(type: type, rest: "")
            }
            return .command(arguments)
        default:
            return .invalid(type: type, rest: String(decoding: command, as: UTF8.self))
        }
    }
}

extension Instruction {
    /// Whether BuildKit reads heredocs for this instruction: RUN, COPY or ADD in shell form,
    /// directly or as an ONBUILD trigger.
    var acceptsHeredocs: Bool {
        switch kind {
        case .run(let arguments):
            if case .exec = arguments { return false }
            return true
        case .copy(let transfer), .add(let transfer): return !transfer.isExecForm
        case .onbuild(let inner): return inner?.acceptsHeredocs ?? false
        default: return false
        }
    }

    /// A copy located at `line...endLine` with `heredocs`, applied to an ONBUILD trigger too.
    func located(line: Int, endLine: Int, heredocs: [Heredoc]) -> Instruction {
        var kind = self.kind
        if case .onbuild(let inner?) = kind {
            kind = .onbuild(inner.located(line: line, endLine: endLine, heredocs: heredocs))
        }
        return Instruction(
            keyword: keyword, keywordAsWritten: keywordAsWritten, kind: kind, flags: flags,
            heredocs: heredocs,
            argumentText: argumentText, line: line, endLine: endLine)
    }
}
