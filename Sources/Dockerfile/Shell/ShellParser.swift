/// A recursive-descent parser for one buffer of shell text.
///
/// The top-level script is one buffer; backtick bodies and `sh -c` strings are unescaped into
/// buffers of their own, parsed by a child parser that shares the ``ShellParseOutput``.
/// `$(...)`, `<(...)`, subshells and compound commands are parsed in place. Nesting is bounded
/// by ``maximumDepth`` so recursion stays shallow whatever the input.
final class ShellParser {
    /// Deepest nesting of substitutions, groups and compound commands that is parsed.
    static let maximumDepth = 64

    let bytes: [UInt8]
    let map: ShellSourceMap
    let output: ShellParseOutput
    /// Current buffer offset of the lexer.
    var position = 0
    /// Current nesting depth (see ``maximumDepth``).
    var depth: Int
    /// The context given to commands parsed now.
    var context: SimpleCommand.Context
    /// How commands parsed now find their parent.
    var parentLink: ShellParseOutput.ParentLink
    /// One token of lookahead; each token is lexed exactly once.
    var lookahead: ShellToken?
    /// Buffer ranges of line continuations (`\` + newline) skipped so far, in order.
    var continuations: [Range<Int>] = []
    var pendingHereDocuments: [PendingHereDocument] = []
    /// The serial the next here-document opened gets.
    var nextHereDocumentSerial = 0
    /// The record identifier of the command each here-document belongs to, once it is recorded.
    var hereDocumentCommands: [Int: Int] = [:]
    /// Bodies read before their command was recorded, by serial.
    var unclaimedHereDocuments: [Int: ReadHereDocument] = [:]
    /// Bodies given to `cat`, which a shell after it in the pipeline may run (`cat <<EOF | sh`).
    var catHereDocuments: [(command: Int, read: ReadHereDocument)] = []
    /// Inside `[[ ... ]]`, where `&&`, `||`, `<`, `>`, `(` and `)` are words.
    var conditionalMode = false
    /// Closing reserved words that end the command lists being parsed, with their counts.
    var activeClosers: [String: Int] = [:]
    /// Greater than zero while an enclosing `(`, `$(` or `<(` waits for `)`.
    var parenthesisDepth = 0
    /// Greater than zero while an enclosing `case` item may end with `;;`.
    var caseDepth = 0
    /// How many tokens have been consumed, to guarantee progress.
    var consumedTokens = 0

    init(
        bytes: [UInt8], map: ShellSourceMap, output: ShellParseOutput, depth: Int,
        context: SimpleCommand.Context, parentLink: ShellParseOutput.ParentLink
    ) {
        self.bytes = bytes
        self.map = map
        self.output = output
        self.depth = depth
        self.context = context
        self.parentLink = parentLink
    }

    /// Parses the whole buffer.
    func parseScript() {
        let firstRecord = output.records.count
        while true {
            parseCompoundList(closers: [])
            guard case .end = peek() else {
                let token = nextToken()
                diagnoseUnexpected(token)
                continue
            }
            parseHereDocumentsPipedToShells(recordedSince: firstRecord)
            return
        }
    }

    /// The next token, without consuming it.
    func peek() -> ShellToken {
        if let lookahead { return lookahead }
        let token = lexToken()
        lookahead = token
        return token
    }

    /// Consumes and returns the next token.
    @discardableResult
    func nextToken() -> ShellToken {
        consumedTokens += 1
        if let token = lookahead {
            lookahead = nil
            return token
        }
        return lexToken()
    }

    /// Consumes newline tokens.
    func skipNewlines() {
        while case .newline = peek() { nextToken() }
    }

    /// Records a diagnostic about the buffer offset `offset`.
    func diagnose(_ message: String, at offset: Int) {
        output.diagnose("\(message) at offset \(map.sourceOffset(offset))")
    }

    /// Records a diagnostic for a token that does not fit where it appears.
    func diagnoseUnexpected(_ token: ShellToken) {
        switch token {
        case .word(let word):
            diagnose("unexpected '\(String(decoding: word.text, as: UTF8.self))'", at: word.start)
        case .control(let control, let offset):
            diagnose("unexpected '\(control.rawValue)'", at: offset)
        case .redirection(let symbol, _, let range):
            diagnose("unexpected '\(symbol)'", at: range.lowerBound)
        case .newline(let offset):
            diagnose("unexpected newline", at: offset)
        case .end:
            diagnose("unexpected end of input", at: bytes.count)
        }
    }

    /// Whether one more nesting level is allowed; records a diagnostic when it is not.
    func canNest(at offset: Int, _ construct: String) -> Bool {
        guard depth < Self.maximumDepth else {
            diagnose(
                "\(construct) nested deeper than \(Self.maximumDepth) levels is treated as literal text",
                at: offset)
            return false
        }
        return true
    }

    /// Parses a child buffer (a backtick body or an `sh -c` string) into the shared output.
    ///
    /// - Parameters:
    ///   - childBytes: the unescaped text.
    ///   - offsets: for each byte, the offset in this buffer it came from.
    ///   - end: this buffer's offset standing for the end of the child text.
    func parseChildBuffer(
        _ childBytes: [UInt8], offsets: [Int], end: Int, context childContext: SimpleCommand.Context,
        parentLink childLink: ShellParseOutput.ParentLink, openedAt opener: Int, construct: String
    ) {
        guard canNest(at: opener, construct) else { return }
        let child = ShellParser(
            bytes: childBytes, map: map.composed(with: offsets, end: end), output: output,
            depth: depth + 1, context: childContext, parentLink: childLink)
        child.parseScript()
    }
}
