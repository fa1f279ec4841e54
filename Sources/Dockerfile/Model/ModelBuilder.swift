/// Builds the semantic model from a syntax tree: validates what BuildKit's instruction layer
/// rejects, splits stages, resolves FROM, users and image references.
struct ModelBuilder {
    let path: String
    let syntax: SyntaxTree

    private var escape: UInt8 { syntax.escapeCharacter == "`" ? ByteClass.backtick : ByteClass.backslash }

    func build(target: String?) throws(LocatedProblem) -> DockerfileModel {
        let instructions = syntax.instructions
        guard let firstFrom = instructions.firstIndex(where: { $0.keyword == "FROM" }) else {
            throw LocatedProblem(line: nil, "no FROM instruction")
        }
        for instruction in instructions { try InstructionValidation.check(instruction) }
        if let stray = instructions[..<firstFrom].first(where: { $0.keyword != "ARG" }) {
            throw LocatedProblem(
                line: stray.line, "no build stage in current context: \(stray.keyword) before the first FROM")
        }

        var globals = VariableScope { name in
            VariableScope.builderArguments.contains(name)
                ? "\(name) is set by the builder for the build platform"
                : "\(name) is not declared as a global ARG"
        }
        globals.predefinesPlatformArguments = true
        var globalArgs: [GlobalArg] = []
        for instruction in instructions[..<firstFrom] {
            guard case .arg(let declarations) = instruction.kind else { continue }
            for declaration in declarations {
                globals.declareArgument(declaration, escape: escape, inherited: nil)
                globalArgs.append(
                    GlobalArg(
                        name: declaration.name, defaultValue: declaration.defaultValue, line: instruction.line
                    ))
            }
        }

        var stages: [Stage] = []
        var stageEnvironments: [[String: String]] = []
        var instructionStages = [Int?](repeating: nil, count: instructions.count)
        var references: [ImageReferenceUse] = []
        var transferSources: [Int: [TransferSource]] = [:]
        var exposedPorts: [Int: [ExposedPort]] = [:]
        if let syntaxDirective = syntax.directives.first(where: { $0.name == "syntax" }) {
            references.append(syntaxReference(syntaxDirective))
        }
        var stageNames: [String: Int] = [:]
        var index = firstFrom
        while index < instructions.count {
            var end = index + 1
            while end < instructions.count, instructions[end].keyword != "FROM" { end += 1 }
            let stageIndex = stages.count
            for member in index..<end { instructionStages[member] = stageIndex }
            let result = try buildStage(
                index: stageIndex, members: index..<end, globals: globals, stages: stages,
                stageNames: stageNames, environments: stageEnvironments)
            if let name = result.stage.name {
                guard stageNames[name] == nil else {
                    throw LocatedProblem(line: result.stage.line, "duplicate stage name \"\(name)\"")
                }
                stageNames[name] = stageIndex
            }
            stages.append(result.stage)
            stageEnvironments.append(result.environment)
            references.append(contentsOf: result.references)
            transferSources.merge(result.transferSources) { first, _ in first }
            exposedPorts.merge(result.exposedPorts) { first, _ in first }
            index = end
        }
        references.sort { $0.line < $1.line }
        return DockerfileModel(
            path: path, syntax: syntax, globalArgs: globalArgs, globalArgValues: globals.argumentValues,
            stages: stages,
            instructionStages: instructionStages, imageReferences: references,
            finalStageIndex: try finalStage(target, stages: stages, names: stageNames),
            transferSources: transferSources, exposedPorts: exposedPorts)
    }

    private func finalStage(
        _ target: String?, stages: [Stage], names: [String: Int]
    ) throws(LocatedProblem)
        -> Int
    {
        guard let target else { return stages.count - 1 }
        if let named = names[target.lowercased()] { return named }
        if let number = Int(target), stages.indices.contains(number) { return number }
        throw LocatedProblem(line: nil, "target stage \"\(target)\" could not be found")
    }

    private struct StageResult {
        let stage: Stage
        let environment: [String: String]
        let references: [ImageReferenceUse]
        let transferSources: [Int: [TransferSource]]
        let exposedPorts: [Int: [ExposedPort]]
    }

    private func buildStage(
        index: Int, members: Range<Int>, globals: VariableScope, stages: [Stage], stageNames: [String: Int],
        environments: [[String: String]]
    ) throws(LocatedProblem) -> StageResult {
        let instructions = syntax.instructions
        let from = instructions[members.lowerBound]
        guard case .from(let arguments) = from.kind else {
            throw LocatedProblem(line: from.line, "expected FROM")
        }
        let nameAsWritten = arguments.stageName
        let name = nameAsWritten?.lowercased()
        if let name, !Self.isValidStageName(name) {
            throw LocatedProblem(
                line: from.line,
                "invalid name for build stage: \"\(nameAsWritten ?? name)\", name can't start with a number or contain symbols"
            )
        }
        let base = resolveBase(arguments.image, globals: globals, stageNames: stageNames)
        var references: [ImageReferenceUse] = []
        if base.stage == nil, !base.isScratch, base.platformStages.isEmpty {
            references.append(
                ImageReferenceUse(
                    origin: .from, raw: base.raw, resolved: base.resolved,
                    unresolvedReason: base.unresolvedReason,
                    image: base.image, line: from.line, stage: index))
        }

        var scope = VariableScope(environment: base.stage.map { environments[$0] } ?? [:]) { name in
            // A global ARG is the usual mistake: a stage sees it only after `ARG name`.
            globals.declaresArgument(name)
                ? "\(name) is not declared in this stage (it is a global ARG, which a stage sees only after ARG \(name))"
                : "\(name) is not declared in this stage"
        }
        var user: EffectiveUser?
        var transferSources: [Int: [TransferSource]] = [:]
        var exposedPorts: [Int: [ExposedPort]] = [:]
        for member in members.dropFirst() {
            let instruction = instructions[member]
            switch instruction.kind {
            case .add(let transfer):
                transferSources[member] = sources(of: transfer, instruction, scope: scope, isAdd: true)
            case .onbuild(let trigger?):
                // Judged as the instruction it wraps, with this stage's variables as written.
                if case .add(let transfer) = trigger.kind {
                    transferSources[member] = sources(of: transfer, trigger, scope: scope, isAdd: true)
                } else if case .copy(let transfer) = trigger.kind {
                    transferSources[member] = sources(of: transfer, trigger, scope: scope, isAdd: false)
                } else if case .expose(let words) = trigger.kind {
                    exposedPorts[member] = ports(words, scope: scope)
                }
            case .arg(let declarations):
                for declaration in declarations {
                    let global = globals.lookup(declaration.name)
                    let inherited: VariableLookup? =
                        if case .value = global { global } else { nil }
                    scope.declareArgument(declaration, escape: escape, inherited: inherited)
                }
            case .env(let pairs):
                for pair in pairs { scope.setEnvironment(pair, escape: escape) }
            case .user(let text):
                user = effectiveUser(text, line: instruction.line, scope: scope)
            case .expose(let words):
                exposedPorts[member] = ports(words, scope: scope)
            case .copy(let transfer):
                transferSources[member] = sources(of: transfer, instruction, scope: scope, isAdd: false)
                if let value = instruction.flagValue("from"),
                    let use = externalReference(
                        value, origin: .copyFrom, line: instruction.line, stage: index, scope: scope,
                        stageNames: stageNames)
                {
                    references.append(use)
                }
            case .run:
                for mount in instruction.flagValues("mount") {
                    guard let value = Self.mountOption("from", in: mount),
                        let use = externalReference(
                            value, origin: .runMount, line: instruction.line, stage: index, scope: scope,
                            stageNames: stageNames)
                    else { continue }
                    references.append(use)
                }
            default: break
            }
        }
        if user == nil, let parent = base.stage, let inherited = stages[parent].user {
            user = EffectiveUser(
                raw: inherited.raw, resolved: inherited.resolved, user: inherited.user,
                group: inherited.group,
                fromStage: inherited.fromStage ?? parent, unresolvedReason: inherited.unresolvedReason,
                line: inherited.line)
        }
        let stage = Stage(
            index: index, name: name, nameAsWritten: nameAsWritten, fromInstruction: members.lowerBound,
            base: base,
            platform: from.flagValue("platform"), user: user, line: from.line,
            endLine: instructions[members.upperBound - 1].endLine, instructionIndices: Array(members))
        return StageResult(
            stage: stage, environment: scope.environment, references: references,
            transferSources: transferSources, exposedPorts: exposedPorts)
    }

    /// The words of EXPOSE, expanded with the stage's ARG and ENV values as BuildKit does.
    private func ports(_ words: [String], scope: VariableScope) -> [ExposedPort] {
        words.map { raw in
            let expanded = scope.expander(escape: escape).expand(Array(raw.utf8)[...])
            let problem = expanded.problems.first
            return ExposedPort(
                raw: raw, resolved: problem == nil ? expanded.text : nil, unresolvedReason: problem)
        }
    }

    /// The sources of COPY or ADD, expanded with the variables in scope and classified.
    private func sources(
        of transfer: FileTransfer, _ instruction: Instruction, scope: VariableScope, isAdd: Bool
    ) -> [TransferSource] {
        transfer.sources.map { raw in
            let expanded = scope.expander(escape: escape).expand(Array(raw.utf8)[...])
            return TransferSource.classify(
                raw: raw, resolved: expanded.text, unresolvedReason: expanded.problems.first,
                heredocs: instruction.heredocs, isAdd: isAdd)
        }
    }

    /// BuildKit's stage name rule: `^[a-z][a-z0-9-_.]*$` after lower-casing.
    static func isValidStageName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else {
            return false
        }
        return bytes.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ByteClass.isDigit($0)
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    private func resolveBase(_ raw: String, globals: VariableScope, stageNames: [String: Int]) -> BaseImage {
        let expanded = globals.expander(escape: escape).expand(Array(raw.utf8)[...])
        let resolved = expanded.text
        if let stage = stageNames[resolved.lowercased()], expanded.problems.isEmpty {
            return BaseImage(
                raw: raw, resolved: resolved, unresolvedReason: nil, stage: stage, image: nil,
                isScratch: false)
        }
        if resolved == "scratch", expanded.problems.isEmpty {
            return BaseImage(
                raw: raw, resolved: resolved, unresolvedReason: nil, stage: nil, image: nil, isScratch: true)
        }
        let platform = PlatformStageReference.resolve(
            raw, scope: globals, escape: escape, stageNames: stageNames)
        if case .stages(let platformStages)? = platform {
            return BaseImage(
                raw: raw, resolved: raw, unresolvedReason: nil,
                stage: platformStages.count == 1 ? platformStages[0] : nil, image: nil, isScratch: false,
                platformStages: platformStages)
        }
        var (image, reason) = Self.image(resolved, problems: expanded.problems)
        if case .noStage(let values)? = platform {
            reason = "the builder sets the platform arguments, and for \(values) the reference names no stage"
            image = nil
        }
        return BaseImage(
            raw: raw, resolved: resolved, unresolvedReason: reason, stage: nil, image: image, isScratch: false
        )
    }

    /// Parses a resolved reference, or says why it cannot be known statically.
    static func image(_ resolved: String, problems: [String]) -> (ImageReference?, String?) {
        if let problem = problems.first { return (nil, problem) }
        if resolved.isEmpty { return (nil, "the reference is empty after substitution") }
        if resolved.hasSuffix(":") { return (nil, "the tag is empty after substitution") }
        if resolved.hasSuffix("@") { return (nil, "the digest is empty after substitution") }
        guard let image = ImageReference.parse(resolved) else {
            return (nil, "\"\(resolved)\" is not a valid image reference")
        }
        return (image, nil)
    }

    /// A `--from` value that names an image rather than an earlier stage (name or index).
    private func externalReference(
        _ raw: String, origin: ImageReferenceOrigin, line: Int, stage: Int, scope: VariableScope,
        stageNames: [String: Int]
    ) -> ImageReferenceUse? {
        let expanded = scope.expander(escape: escape).expand(Array(raw.utf8)[...])
        // Unlike FROM, COPY --from and RUN --mount from= are looked up after every stage is
        // known, so a stage defined later in the file is a stage, not an image.
        if stageNames[expanded.text.lowercased()] != nil
            || declaredStageNames.contains(expanded.text.lowercased())
        {
            return nil
        }
        if let number = Int(expanded.text), number >= 0, number < stage { return nil }
        let allStageNames = stageNames.merging(declaredStageNames.map { ($0, stage) }) { known, _ in known }
        let platform = PlatformStageReference.resolve(
            raw, scope: scope, escape: escape, stageNames: allStageNames)
        if case .stages? = platform { return nil }
        var (image, reason) = Self.image(expanded.text, problems: expanded.problems)
        if case .noStage(let values)? = platform {
            reason = "the builder sets the platform arguments, and for \(values) the reference names no stage"
            image = nil
        }
        return ImageReferenceUse(
            origin: origin, raw: raw, resolved: expanded.text, unresolvedReason: reason, image: image,
            line: line,
            stage: stage)
    }

    /// Every `AS name` in the file, lower-cased.
    private var declaredStageNames: Set<String> {
        Set(
            syntax.instructions.compactMap { instruction in
                if case .from(let arguments) = instruction.kind { return arguments.stageName?.lowercased() }
                return nil
            })
    }

    private func syntaxReference(_ directive: Directive) -> ImageReferenceUse {
        let raw = String(directive.value.prefix { $0 != " " })
        let (image, reason) = Self.image(raw, problems: [])
        return ImageReferenceUse(
            origin: .syntaxDirective, raw: raw, resolved: raw, unresolvedReason: reason, image: image,
            line: directive.line, stage: nil)
    }

    /// The value of `key` in a `--mount` option list such as `type=cache,from=x,target=/y`.
    static func mountOption(_ key: String, in mount: String) -> String? {
        for field in mount.split(separator: ",") {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            if parts[0].trimmingPrefixSpaces().lowercased() == key { return String(parts[1]) }
        }
        return nil
    }

    private func effectiveUser(_ raw: String, line: Int, scope: VariableScope) -> EffectiveUser {
        let expanded = scope.expander(escape: escape).expand(Array(raw.utf8)[...])
        let resolved = expanded.text
        let parts = resolved.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        var reason = expanded.problems.first
        if reason == nil, resolved.isEmpty { reason = "the user is empty after substitution" }
        return EffectiveUser(
            raw: raw, resolved: resolved, user: String(parts.first ?? ""),
            group: parts.count > 1 ? String(parts[1]) : nil,
            fromStage: nil, unresolvedReason: reason, line: line)
    }
}

extension Substring {
    fileprivate func trimmingPrefixSpaces() -> Substring {
        drop { $0 == " " || $0 == "\t" }
    }
}
