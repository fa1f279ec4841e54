import Dockerfile
import Policy

/// A Dockerfile as the engine sees it: the model's document enriched with what
/// rules query, built once and shared by every rule.
///
/// On top of the model's JSON shape, each instruction carries `commands` (the simple commands
/// of RUN, heredoc bodies and `sh -c` strings included, parsed once), `is_final_stage`, and
/// keyword fields: ENV/ARG `pairs`, COPY/ADD `sources`/`destination`/`from`, EXPOSE `ports`,
/// USER `user`/`group`, HEALTHCHECK `none`. Stages list their instruction objects and say
/// `is_final`; image references say `stage_ref` and `scratch`. The file lists its inline
/// `suppressions` (`line`, `rule_ids`, `reason`, `whole_file`), which DF025 reads.
struct DockerfileDocument: InputDocument {
    let path: String
    /// The path relative to the scan root, for fingerprints that survive moving the checkout.
    let relativePath: String
    let model: DockerfileModel
    let document: ValueMap
    let instructionValues: [Value]
    /// Each source line, clipped to the 200 characters a snippet quotes (clipped once here, not
    /// for every subject of every rule).
    let snippetLines: [String]
    /// Each instruction's fingerprint text (``normalised(_:)``), made once for every rule.
    let instructionKeys: [String]
    let suppressions: InlineSuppressions
    /// Lines that hold a comment, as the parser read them (whatever the file's encoding).
    let commentLines: Set<Int>
    let redactor: Redactor
    /// The memos the functions share across this file's rules (`image_ref` results).
    let payload: any AnyObject & Sendable = EvaluationPayload()

    var kind: any InputKind.Type { DockerfileKind.self }
    var judgedResourceCount: Int { 0 }

    static func load(
        _ input: DiscoveredInput, target: String?, limits: DockerfileLimits
    ) throws(InputError) -> any InputDocument {
        let model: DockerfileModel
        do throws(DockerfileError) {
            model = try DockerfileModel.parse(
                bytes: input.bytes, path: input.path, target: target, limits: limits)
        } catch {
            throw InputError(file: input.path, line: error.line, column: error.column, message: error.message)
        }
        return try DockerfileDocument(
            path: input.path, relativePath: input.relativePath, model: model, bytes: input.bytes)
    }

    /// The stages `index` is built on, nearest first: its `FROM <stage>`, that stage's, and so on.
    ///
    /// A stage names only earlier stages, so the walk ends; what an image carries (USER,
    /// HEALTHCHECK, installed packages) reaches the last stage through all of them.
    static func ancestors(of index: Int, in stages: [Stage]) -> [Int] {
        var chain: [Int] = []
        var current = index
        while current < stages.count, let parent = stages[current].base.stage, parent < current {
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// The shell a shell-form RUN, CMD or ENTRYPOINT runs in without a SHELL instruction.
    static let defaultShell = ["/bin/sh", "-c"]

    init(path: String, relativePath: String, model: DockerfileModel, bytes: [UInt8]) throws(InputError) {
        self.path = path
        self.relativePath = relativePath
        self.model = model
        let encoded: Value
        do {
            encoded = try ValueEncoder().encode(model)
        } catch {
            throw InputError(file: path, message: "internal error encoding the Dockerfile model: \(error)")
        }
        guard case .map(var document) = encoded else {
            throw InputError(file: path, message: "internal error: the Dockerfile model is not an object")
        }
        var instructions: [Value] = []
        let encodedInstructions = Self.list(document["instructions"])
        // The SHELL in effect: BuildKit's default until a SHELL of the stage replaces it.
        var shell = Self.defaultShell
        var shellStage: Int?
        for (index, instruction) in model.instructions.enumerated() {
            let stage = model.instructionStages[index]
            if stage != shellStage { (shell, shellStage) = (Self.defaultShell, stage) }
            if case .shell(.exec(let words)?) = instruction.kind, !words.isEmpty { shell = words }
            let base = index < encodedInstructions.count ? encodedInstructions[index] : .null
            instructions.append(
                Self.enrich(
                    base, instruction, stage: stage, finalStage: model.finalStageIndex,
                    sources: model.transferSources[index], ports: model.exposedPorts[index],
                    globalValues: model.globalArgValues, shell: shell))
        }
        document["instructions"] = .list(instructions)
        var stages: [Value] = []
        for (index, stageValue) in Self.list(document["stages"]).enumerated() {
            guard case .map(var stage) = stageValue, index < model.stages.count else { continue }
            let modelStage = model.stages[index]
            stage["is_final"] = .bool(index == model.finalStageIndex)
            stage["ancestors"] = .list(Self.ancestors(of: index, in: model.stages).map { .int(Int64($0)) })
            stage["instructions"] = .list(
                modelStage.instructionIndices.compactMap { $0 < instructions.count ? instructions[$0] : nil })
            stages.append(.map(stage))
        }
        document["stages"] = .list(stages)
        document["image_refs"] = .list(
            Self.list(document["image_refs"]).map { reference in
                guard case .map(var entry) = reference else { return reference }
                entry["stage_ref"] = .bool(false)
                if entry["scratch"] == nil {
                    entry["scratch"] = .bool(entry["resolved"]?.stringValue?.lowercased() == "scratch")
                }
                return .map(entry)
            })
        let suppressions = InlineSuppressions(comments: model.comments.map { ($0.line, $0.text) })
        document["suppressions"] = suppressions.value
        document["build_context"] = BuildContextCheck.value(dockerfilePath: path)
        self.document = document
        self.instructionValues = instructions
        // Split bytes, not Characters: Swift reads "\r\n" as one Character, so a String split on
        // "\n" would see a CRLF file as a single line.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        self.snippetLines = body.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self).prefix(200))
        }
        self.instructionKeys = model.instructions.map(Self.normalised)
        self.suppressions = suppressions
        self.commentLines = Set(model.comments.map(\.line))
        self.redactor = Self.secrets(in: model, commands: instructions.map(Self.parsedCommands))
    }

    /// The simple commands enrichment parsed for an instruction value, an ONBUILD's inner ones
    /// included.
    static func parsedCommands(_ instruction: Value) -> [SimpleCommand] {
        guard case .map(let map) = instruction else { return [] }
        let own = list(map["commands"]).compactMap { value -> SimpleCommand? in
            guard case .host(let host) = value else { return nil }
            return (host as? CommandHostValue)?.command
        }
        return own + (map["onbuild"].map(parsedCommands) ?? [])
    }

    static func list(_ value: Value?) -> [Value] {
        if case .list(let list) = value { return list }
        return []
    }

    func jsonText() -> String { ValuePrinter.render(.map(document), redactor: redactor) }

    func subjects(for rule: Rule) -> [Subject] {
        guard case .dockerfile(let kind, let keywords) = rule.selection else { return [] }
        let file = Value.map(document)
        let stages = Self.list(document["stages"])
        switch kind {
        case .file:
            // Quoting a whole file helps no one; file rules name the lines in their message.
            return [
                subject(
                    ["file": file], line: 1,
                    endLine: max(1, snippetLines.count - (snippetLines.last == "" ? 1 : 0)),
                    key: "file", suppressionLine: nil, quoteLines: 0)
            ]
        case .stage, .finalStage:
            return model.stages.enumerated().compactMap { index, stage in
                guard kind == .stage || index == model.finalStageIndex, index < stages.count else {
                    return nil
                }
                return subject(
                    ["file": file, "stage": stages[index]], line: stage.line, endLine: stage.endLine,
                    key: "stage \(stage.name ?? String(index))", suppressionLine: stage.line, quoteLines: 1)
            }
        case .instruction:
            var subjects: [Subject] = []
            for (index, instruction) in model.instructions.enumerated() {
                var value = instructionValues[index]
                var keyword = instruction.keyword
                if keyword == "ONBUILD", case .map(let map) = value, let inner = map["onbuild"],
                    case .map(var innerMap) = inner
                {
                    // ONBUILD bodies are judged as the instruction they wrap, at the ONBUILD line.
                    keyword = innerMap["keyword"]?.stringValue ?? keyword
                    innerMap["stage"] = map["stage"] ?? .null
                    innerMap["is_final_stage"] = map["is_final_stage"] ?? .bool(false)
                    innerMap["onbuild_trigger"] = .bool(true)
                    value = .map(innerMap)
                }
                guard keywords.isEmpty || keywords.contains(keyword) else { continue }
                let stageIndex = model.instructionStages[index]
                var variables: ValueMap = ["file": file, "instruction": value]
                if let stageIndex, stageIndex < stages.count {
                    variables["stage"] = stages[stageIndex]
                } else {
                    variables["stage"] = .null
                }
                let stageName = stageIndex.map { model.stages[$0].name ?? String($0) } ?? "-"
                subjects.append(
                    subject(
                        variables, line: instruction.line, endLine: instruction.endLine,
                        key: "stage \(stageName)|" + instructionKeys[index],
                        suppressionLine: instruction.line))
            }
            return subjects
        case .imageReference:
            return Self.list(document["image_refs"]).enumerated().map { index, reference in
                let line = index < model.imageReferences.count ? model.imageReferences[index].line : 1
                let raw = index < model.imageReferences.count ? model.imageReferences[index].raw : ""
                return subject(
                    ["file": file, "image_ref": reference], line: line, endLine: line, key: "image \(raw)",
                    suppressionLine: line, quoteLines: 1)
            }
        }
    }

    func relocated(_ subject: Subject, toLine line: Int) -> Subject {
        guard line >= 1, line <= snippetLines.count else { return subject }
        var moved = subject
        moved.location.line = line
        moved.location.endLine = line
        moved.snippet = [snippetLines[line - 1]]
        moved.suppressedRules.formUnion(
            suppressions.suppressedRules(commentLines: commentBlock(above: line)))
        return moved
    }

    private func subject(
        _ variables: ValueMap, line: Int, endLine: Int, key: String, suppressionLine: Int?,
        quoteLines: Int? = nil
    ) -> Subject {
        let last = quoteLines.map { min(endLine, line + $0 - 1) } ?? endLine
        let snippet =
            line >= 1 && line <= snippetLines.count
            ? Array(snippetLines[(line - 1)..<min(last, snippetLines.count)]) : []
        return Subject(
            variables: variables, location: Location(file: path, line: line, endLine: endLine),
            fingerprintKey: relativePath + "|" + key,
            snippet: snippet,
            suppressionNotes: suppressions.entriesByRule(
                commentLines: suppressionLine.flatMap(commentBlock(above:))
            ).mapValues { SuppressionNote(file: path, line: $0.line, reason: $0.reason) },
            suppressionLine: suppressionLine)
    }

    /// The suppression comments that silenced no fail or unknown outcome of a rule that ran.
    ///
    /// A comment is used when a suppressed evaluation of a rule it names is a fail or unknown:
    /// a file-level comment anywhere, an instruction-level one when it stands in the comment
    /// block above the evaluated subject (an instruction, or a stage's FROM). Ids that no rule
    /// has are reported too; ids of rules that did not run (opt-in, `--skip`) are not judged.
    func unusedSuppressions(
        _ evaluations: some Sequence<Evaluation>, ranRules: Set<String>, knownRules: Set<String>
    ) -> [UnusedSuppression] {
        var used = Set<Int>()
        for evaluation in evaluations
        where evaluation.suppressed && (evaluation.outcome == .fail || evaluation.outcome == .unknown) {
            let block = evaluation.suppressionLine.flatMap(commentBlock(above:))
            for (index, entry) in suppressions.entries.enumerated()
            where entry.ruleIDs.contains(evaluation.ruleID)
                && (entry.wholeFile || (block?.contains(entry.line) ?? false))
            {
                used.insert(index)
            }
        }
        var unused: [UnusedSuppression] = []
        for (index, entry) in suppressions.entries.enumerated() where !used.contains(index) {
            let unknown = entry.ruleIDs.filter { !knownRules.contains($0) }
            let idle = entry.ruleIDs.filter { ranRules.contains($0) }
            guard !unknown.isEmpty || !idle.isEmpty else { continue }
            unused.append(
                UnusedSuppression(
                    file: path, line: entry.line, ruleIDs: entry.ruleIDs, unknownRuleIDs: unknown,
                    wholeFile: entry.wholeFile))
        }
        return unused
    }

    /// The lines of the comment block directly above `line`, if any.
    ///
    /// Read from the parser's comment lines rather than the raw text, so UTF-16 files and
    /// heredoc body lines that start with `#` are handled as BuildKit sees them.
    private func commentBlock(above line: Int) -> ClosedRange<Int>? {
        var first = line
        while first - 1 >= 1, commentLines.contains(first - 1) { first -= 1 }
        return first < line ? first...(line - 1) : nil
    }

    /// Instruction text with runs of white space folded, for fingerprints that survive reformatting.
    static func normalised(_ instruction: Instruction) -> String {
        (instruction.keyword + " " + instruction.argumentText).split(whereSeparator: {
            $0 == " " || $0 == "\t" || $0 == "\n"
        })
        .joined(separator: " ")
    }
}
