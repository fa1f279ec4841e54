/// One simple command of a shell script: assignments, words and redirections.
///
/// Every simple command of a script is listed once in ``ShellScript/commands``, including the
/// ones nested in command substitutions, process substitutions, subshells, brace groups,
/// compound-command bodies and `sh -c '...'` strings. Rules query these instead of raw text.
public struct SimpleCommand: Sendable, Equatable, Encodable {
    /// Where a simple command sits, by its innermost enclosing construct.
    ///
    /// Commands inside `if`/`while`/`for`/`case` bodies and function bodies keep the context of
    /// the construct around them (a brace-group function body is ``brace``).
    public enum Context: String, Sendable, Equatable, Encodable {
        /// Directly in the script.
        case top
        /// Inside `( ... )`.
        case subshell
        /// Inside `{ ...; }`.
        case brace
        /// Inside `$( ... )` or backticks.
        case commandSubstitution = "command_substitution"
        /// Inside `<( ... )` or `>( ... )`.
        case processSubstitution = "process_substitution"
        /// Inside the literal script string of `sh -c '...'`, `bash -c "..."`, `su -c '...'`.
        case shDashC = "sh_c"
        /// Inside a here-document that a shell reads as its script (`bash <<EOF`).
        case hereDocument = "here_document"
    }

    /// The words after quote removal, command name first; expansions kept as written.
    public let argv: [String]
    /// The same words as ``argv`` with their written text, quoting and expansion details.
    public let words: [ShellWord]
    /// Leading `NAME=value` words after quote removal (not part of ``argv``).
    public let assignments: [String]
    /// The same assignments as ``assignments``, with their written text and details.
    public let assignmentWords: [ShellWord]
    /// The redirections of the command, in source order (here-document bodies are in
    /// ``hereDocuments``).
    public let redirections: [ShellRedirection]
    /// An identifier shared by the commands of one pipeline (`a | b | c`), numbered from 0 in
    /// order of appearance.
    public let pipeline: Int
    /// The 0-based position of this command in its pipeline.
    public let pipelinePosition: Int
    /// How many elements the pipeline has; compound elements such as `( ... )` count as one.
    public let pipelineLength: Int
    /// The index in ``ShellScript/commands`` of the command whose word contains this one
    /// (`sh` for `curl` in `sh -c "$(curl ...)"`), or nil.
    public let parent: Int?
    /// The innermost construct around this command.
    public let context: Context
    /// UTF-8 offsets of the command (first to last token) in the parsed source.
    public let range: Range<Int>
    /// The bodies of its here-documents (`cat > f <<EOF`), in order, leading tabs taken out for
    /// `<<-`; expansions stay as written.
    public let hereDocuments: [String]
    /// The index in ``argv`` of the command that actually runs, past any wrapper commands.
    ///
    /// Wrappers are stripped repeatedly (`sudo -E env X=1 nice -n 5 apt-get` runs `apt-get`).
    /// When a wrapper is not followed by a command (`sudo -l`, a bare `env`), the wrapper itself
    /// is the command. Nil only when ``argv`` is empty. Found once, when the command is made:
    /// every rule reading ``effectiveArgv`` or an option asks for it.
    public let effectiveCommandIndex: Int?
    /// What this command does with a package manager, or nil when it runs none.
    ///
    /// Read once, when the command is made: several rules and the loader ask each command.
    public let packageCommand: PackageCommand?

    /// Creates a command from its parts; ``ShellScript/parse(_:)`` is the usual producer.
    public init(
        words: [ShellWord], assignmentWords: [ShellWord], redirections: [ShellRedirection],
        pipeline: Int, pipelinePosition: Int, pipelineLength: Int, parent: Int?, context: Context,
        range: Range<Int>, hereDocuments: [String] = []
    ) {
        let argv = words.map(\.value)
        self.argv = argv
        self.words = words
        self.assignments = assignmentWords.map(\.value)
        self.assignmentWords = assignmentWords
        self.redirections = redirections
        self.pipeline = pipeline
        self.pipelinePosition = pipelinePosition
        self.pipelineLength = pipelineLength
        self.parent = parent
        self.context = context
        self.range = range
        self.hereDocuments = hereDocuments
        let effectiveIndex = Self.effectiveCommandIndex(in: argv)
        effectiveCommandIndex = effectiveIndex
        packageCommand = effectiveIndex.flatMap { PackageCommandReader.read(Array(argv[$0...])) }
    }

    /// The command name: `argv[0]` with any leading path removed (`/usr/bin/sudo` gives `sudo`).
    ///
    /// Nil for commands made only of assignments or redirections.
    public var name: String? {
        argv.first.map(Self.baseName)
    }

    /// The files the command writes, as the parser gives the words (`~/.curlrc` unexpanded).
    ///
    /// They are the targets of its output redirections (`>`, `>>`, `>|`, `&>`, `&>>`, with or
    /// without a descriptor; not `>&`, which duplicates one) and, for `tee`, its file arguments.
    public var writtenFiles: [String] {
        var files = redirections.compactMap { redirection -> String? in
            guard [">", ">>", ">|", "&>", "&>>"].contains(redirection.symbol), let target = redirection.target
            else { return nil }
            return target.value
        }
        if effectiveName == "tee" { files += effectiveArgv.dropFirst().filter { !$0.hasPrefix("-") } }
        return files
    }

    /// `word` with everything up to its last `/` removed, unless that leaves nothing.
    static func baseName(_ word: String) -> String {
        // In ASCII every byte is a `Character`, so the last `/` byte is the last `/`; elsewhere a
        // `/` may be part of a larger character (before a combining mark), so characters decide.
        let utf8 = word.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return baseNameByCharacter(word) }
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return word }
        let tail = utf8[utf8.index(after: slash)...]
        return tail.isEmpty ? word : String(Substring(tail))
    }

    /// ``baseName(_:)`` by ``Character``, for words with non-ASCII scalars.
    static func baseNameByCharacter(_ word: String) -> String {
        guard let slash = word.lastIndex(of: "/") else { return word }
        let tail = word[word.index(after: slash)...]
        return tail.isEmpty ? word : String(tail)
    }

    private enum CodingKeys: String, CodingKey {
        case name, argv, words, assignments, redirections, pipeline, parent, context, range
        case effectiveArgv = "effective_argv"
        case assignmentWords = "assignment_words"
        case pipelinePosition = "pipeline_position"
        case pipelineLength = "pipeline_length"
    }

    /// Encodes the stored fields plus the derived ``name`` and ``effectiveArgv`` that policies
    /// read.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encode(argv, forKey: .argv)
        try container.encode(effectiveArgv, forKey: .effectiveArgv)
        try container.encode(words, forKey: .words)
        try container.encode(assignments, forKey: .assignments)
        try container.encode(assignmentWords, forKey: .assignmentWords)
        try container.encode(redirections, forKey: .redirections)
        try container.encode(pipeline, forKey: .pipeline)
        try container.encode(pipelinePosition, forKey: .pipelinePosition)
        try container.encode(pipelineLength, forKey: .pipelineLength)
        try container.encodeIfPresent(parent, forKey: .parent)
        try container.encode(context, forKey: .context)
        try container.encode([range.lowerBound, range.upperBound], forKey: .range)
    }
}
