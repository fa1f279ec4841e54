/// A parsed Dockerfile with its semantic model: stages, bases, users and image references.
///
/// This is the document policies see (`palisade parse Dockerfile` prints it as JSON).
public struct DockerfileModel: Sendable {
    /// The path the caller gave.
    public let path: String
    /// The syntax tree the model was built from.
    public let syntax: SyntaxTree
    /// ARGs declared before the first FROM, in order (one entry per name).
    public let globalArgs: [GlobalArg]
    /// The values the global ARGs leave, by name, expanded as BuildKit expands them.
    ///
    /// They are what an ARG of a stage declared without a default takes. A name whose global ARG
    /// has no value is absent.
    public let globalArgValues: [String: String]
    /// The build stages in order.
    public let stages: [Stage]
    /// For each instruction (same index as `instructions`), the stage it belongs to.
    public let instructionStages: [Int?]
    /// Every image reference in the file with its origin, in line order.
    public let imageReferences: [ImageReferenceUse]
    /// The index of the final stage: the last, or the one the `target` option named.
    public let finalStageIndex: Int
    /// For each COPY and ADD in a stage (by index in `instructions`), its sources expanded with
    /// the stage's variables and classified (local, URL, Git, here-document).
    public let transferSources: [Int: [TransferSource]]
    /// For each EXPOSE in a stage (by index in `instructions`), its words expanded with the
    /// stage's ARG and ENV values, as BuildKit expands them; an ONBUILD EXPOSE with the values
    /// as written, like ONBUILD COPY and ADD.
    public let exposedPorts: [Int: [ExposedPort]]

    /// The parser directives.
    public var directives: [Directive] { syntax.directives }
    /// The instructions in file order.
    public var instructions: [Instruction] { syntax.instructions }
    /// Every comment line (suppressions are read from these).
    public var comments: [Comment] { syntax.comments }
    /// The final stage.
    public var finalStage: Stage { stages[finalStageIndex] }

    /// Parses `bytes` (UTF-8 with or without BOM, or UTF-16/UTF-32 with BOM) and builds the model.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: the name used in errors.
    ///   - target: the stage (name, case-insensitive, or index) to treat as final; nil for the last.
    ///   - limits: the most instructions and bytes per instruction the file may have.
    /// - Throws: ``DockerfileError`` for unreadable text, syntax BuildKit rejects, unknown
    ///   instructions, instructions before the first FROM other than ARG, a file with no FROM,
    ///   and a file beyond `limits`.
    public static func parse(
        bytes: [UInt8], path: String, target: String? = nil, limits: DockerfileLimits = .defaults
    ) throws(DockerfileError)
        -> DockerfileModel
    {
        let syntax = try SyntaxTree.parse(bytes: bytes, path: path, limits: limits)
        do {
            return try ModelBuilder(path: path, syntax: syntax).build(target: target)
        } catch {
            throw error.error(in: path)
        }
    }
}

/// An ARG declared before the first FROM; only these can be used in FROM.
public struct GlobalArg: Sendable, Hashable {
    /// The name.
    public let name: String
    /// The default as written after quote removal, or nil when none is given.
    public let defaultValue: String?
    /// The 1-based line of the ARG.
    public let line: Int
}

/// One build stage: a FROM and the instructions up to the next FROM.
public struct Stage: Sendable, Hashable {
    /// The 0-based index (usable as `COPY --from=<index>`).
    public let index: Int
    /// The name from `AS name`, lower-cased as BuildKit matches it; nil when unnamed.
    public let name: String?
    /// The name as written.
    public let nameAsWritten: String?
    /// The index of the FROM instruction in `Dockerfile.instructions`.
    public let fromInstruction: Int
    /// What the stage is built on.
    public let base: BaseImage
    /// The `--platform` flag of FROM as written, or nil.
    public let platform: String?
    /// The effective user, or nil when it is the base image's default (unknown statically).
    public let user: EffectiveUser?
    /// The 1-based line of FROM.
    public let line: Int
    /// The 1-based last line of the stage's last instruction.
    public let endLine: Int
    /// Indices into `Dockerfile.instructions` of the stage's instructions, FROM first.
    public let instructionIndices: [Int]
}

/// The base of a stage: an image, an earlier stage, or `scratch`.
public struct BaseImage: Sendable, Hashable {
    /// The reference as written in FROM.
    public let raw: String
    /// The reference after substituting global ARG defaults (best effort when unresolved).
    public let resolved: String
    /// Why the reference cannot be known statically, or nil when it is resolved.
    public let unresolvedReason: String?
    /// The index of the earlier stage it names, or nil.
    public let stage: Int?
    /// The parsed image, or nil for a stage, `scratch` or an unresolved reference.
    public let image: ImageReference?
    /// Whether it is `scratch` (the empty image).
    public let isScratch: Bool
    /// The stages the reference names through BuildKit's platform arguments, one per platform
    /// value (`FROM runtime-${TARGETOS}`); empty for other references.
    public var platformStages: [Int] = []
}

/// The user a stage's processes run as, from its last USER or inherited from an earlier stage.
public struct EffectiveUser: Sendable, Hashable {
    /// The USER argument as written.
    public let raw: String
    /// The argument after substituting the stage's ARG and ENV values (best effort).
    public let resolved: String
    /// The part before the first `:` of `resolved`.
    public let user: String
    /// The part after the first `:`, or nil when no group is given.
    public let group: String?
    /// The stage whose USER this is when inherited through `FROM <stage>`; nil when own.
    public let fromStage: Int?
    /// Why the value cannot be known statically, or nil.
    public let unresolvedReason: String?
    /// The 1-based line of the USER instruction.
    public let line: Int
}

/// Where an image reference appears.
public enum ImageReferenceOrigin: String, Sendable, Hashable {
    /// A stage's FROM.
    case from
    /// `COPY --from=<image>` where the value is not a stage.
    case copyFrom = "copy_from"
    /// `RUN --mount=...,from=<image>` where the value is not a stage.
    case runMount = "mount_from"
    /// The `# syntax=` directive (the BuildKit frontend image).
    case syntaxDirective = "syntax"
}

/// One use of an image reference in the file.
public struct ImageReferenceUse: Sendable, Hashable {
    /// Where it appears.
    public let origin: ImageReferenceOrigin
    /// The reference as written.
    public let raw: String
    /// The reference after variable substitution (best effort when unresolved).
    public let resolved: String
    /// Why the reference cannot be known statically, or nil.
    public let unresolvedReason: String?
    /// The parsed reference, or nil when unresolved.
    public let image: ImageReference?
    /// The 1-based line.
    public let line: Int
    /// The stage it appears in, or nil for the `# syntax=` directive.
    public let stage: Int?
}

/// A word of EXPOSE expanded with the variables in scope.
public struct ExposedPort: Sendable, Hashable {
    /// The word as written.
    public let raw: String
    /// The word with every variable replaced, or nil when a variable has no value here.
    public let resolved: String?
    /// Why `resolved` is nil: the first variable without a value.
    public let unresolvedReason: String?

    /// A word with its expansion, or the reason it has none.
    public init(raw: String, resolved: String?, unresolvedReason: String?) {
        self.raw = raw
        self.resolved = resolved
        self.unresolvedReason = unresolvedReason
    }
}
