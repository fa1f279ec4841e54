/// What the parsers of one script (the top level and every nested buffer) collect together.
final class ShellParseOutput {
    /// How a command found its parent while it was being parsed.
    enum ParentLink {
        /// No parent.
        case none
        /// The command owning the word that starts at this source offset (a substitution).
        case word(startingAt: Int)
        /// The command with this record identifier (the `sh` of `sh -c '...'`).
        case command(Int)
    }

    /// A simple command as recorded during parsing, before final ordering.
    struct Record {
        var words: [ShellWord]
        var assignmentWords: [ShellWord]
        var redirections: [ShellRedirection]
        var pipeline: Int
        var pipelinePosition: Int
        var pipelineLength: Int
        var parentLink: ParentLink
        var context: SimpleCommand.Context
        var range: Range<Int>
        /// The bodies of its here-documents, in order, added when they are read.
        var hereDocuments: [String] = []
    }

    /// At most this many diagnostics are kept; further ones are counted.
    static let diagnosticLimit = 50

    private(set) var records: [Record] = []
    private(set) var diagnostics: [String] = []
    private var suppressedDiagnostics = 0
    private var pipelineCount = 0
    /// Source offset of a word's start → record identifier of the command holding the word.
    private var wordOwners: [Int: Int] = [:]

    /// Records a problem found in the source.
    func diagnose(_ message: String) {
        if diagnostics.count < Self.diagnosticLimit {
            diagnostics.append(message)
        } else {
            suppressedDiagnostics += 1
        }
    }

    /// A fresh pipeline identifier.
    func newPipeline() -> Int {
        pipelineCount += 1
        return pipelineCount - 1
    }

    /// Stores a command and returns its record identifier.
    func add(_ record: Record) -> Int {
        let identifier = records.count
        records.append(record)
        for word in record.words + record.assignmentWords {
            wordOwners[word.range.lowerBound] = identifier
        }
        for redirection in record.redirections {
            if let target = redirection.target { wordOwners[target.range.lowerBound] = identifier }
        }
        return identifier
    }

    /// Gives the command with record identifier `identifier` the body of one of its
    /// here-documents.
    func addHereDocument(_ body: String, to identifier: Int) {
        records[identifier].hereDocuments.append(body)
    }

    /// Sets the pipeline length of the command with record identifier `identifier`.
    func setPipelineLength(_ length: Int, of identifier: Int) {
        records[identifier].pipelineLength = length
    }

    /// The commands in source order with parents and pipelines resolved, and the diagnostics.
    func finish() -> (commands: [SimpleCommand], diagnostics: [String]) {
        let order = records.indices.sorted {
            (records[$0].range.lowerBound, $0) < (records[$1].range.lowerBound, $1)
        }
        var finalIndex = [Int](repeating: 0, count: records.count)
        for (position, identifier) in order.enumerated() { finalIndex[identifier] = position }
        var pipelineNumbers: [Int: Int] = [:]
        let commands = order.map { identifier -> SimpleCommand in
            let record = records[identifier]
            let pipeline = pipelineNumbers[record.pipeline] ?? pipelineNumbers.count
            pipelineNumbers[record.pipeline] = pipeline
            return SimpleCommand(
                words: record.words, assignmentWords: record.assignmentWords,
                redirections: record.redirections, pipeline: pipeline,
                pipelinePosition: record.pipelinePosition, pipelineLength: record.pipelineLength,
                parent: parentIndex(of: record, finalIndex: finalIndex, self: identifier),
                context: record.context, range: record.range, hereDocuments: record.hereDocuments)
        }
        var allDiagnostics = diagnostics
        if suppressedDiagnostics > 0 {
            allDiagnostics.append("\(suppressedDiagnostics) more diagnostics not shown")
        }
        return (commands, allDiagnostics)
    }

    private func parentIndex(of record: Record, finalIndex: [Int], self identifier: Int) -> Int? {
        let parent: Int?
        switch record.parentLink {
        case .none: parent = nil
        case .command(let owner): parent = owner
        case .word(let start): parent = wordOwners[start]
        }
        guard let parent, parent != identifier, parent < finalIndex.count else { return nil }
        return finalIndex[parent]
    }
}
