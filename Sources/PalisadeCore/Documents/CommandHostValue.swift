import Dockerfile
import Policy

/// One simple command of a RUN (or CMD/ENTRYPOINT) as rules see it, backed by the shell
/// parser's `SimpleCommand` so `has_flag` and `flag_value` use its option rules.
final class CommandHostValue: HostValue {
    let command: SimpleCommand
    /// Added to `parent` and `pipeline` when several scripts (heredoc bodies) are concatenated.
    let indexOffset: Int
    let pipelineOffset: Int

    init(command: SimpleCommand, indexOffset: Int, pipelineOffset: Int) {
        self.command = command
        self.indexOffset = indexOffset
        self.pipelineOffset = pipelineOffset
    }

    static let memberNames = [
        "argv", "name", "effective_argv", "effective_name", "assignments", "pipeline", "pipeline_position",
        "pipeline_length", "parent", "context", "package_manager", "writes_to", "here_documents",
    ]

    var kind: HostValueKind { .map }
    var count: Int { Self.memberNames.count }
    var keys: [String] { Self.memberNames }
    func element(at index: Int) -> Value { .null }
    func hasMember(_ name: String) -> Value {
        if case .null = member(name) { return .bool(false) }
        return .bool(Self.memberNames.contains(name))
    }

    func member(_ name: String) -> Value {
        switch name {
        case "argv": .list(command.argv.map(Value.string))
        case "name": command.name.map(Value.string) ?? .null
        case "effective_argv": .list(command.effectiveArgv.map(Value.string))
        case "effective_name": command.effectiveName.map(Value.string) ?? .null
        case "assignments": .list(command.assignments.map(Value.string))
        case "pipeline": .int(Int64(command.pipeline + pipelineOffset))
        case "pipeline_position": .int(Int64(command.pipelinePosition))
        case "pipeline_length": .int(Int64(command.pipelineLength))
        case "parent": command.parent.map { .int(Int64($0 + indexOffset)) } ?? .null
        case "context": .string(command.context.rawValue)
        case "package_manager": command.packageCommand.map(Self.packageValue) ?? .null
        case "writes_to": .list(command.writtenFiles.map(Value.string))
        case "here_documents":
            // What the command reads as text: here-document bodies, then here-strings (`<<<`).
            .list(
                (command.hereDocuments
                    + command.redirections.compactMap { $0.symbol == "<<<" ? $0.target?.value : nil })
                    .map(Value.string))
        default: .null
        }
    }

    /// `{name, family, action, refreshes_index, installs, installs_named_packages, packages:
    /// [{word, pinned}], unpinned}`
    /// for rules about package managers (DF019, DF020).
    static func packageValue(_ package: PackageCommand) -> Value {
        .map([
            "name": .string(package.manager), "family": .string(package.family.rawValue),
            "action": package.action.map(Value.string) ?? .null,
            "refreshes_index": .bool(package.refreshesIndex), "installs": .bool(package.installs),
            "installs_named_packages": .bool(package.installsNamedPackages),
            "packages": .list(
                package.packages.map { .map(["word": .string($0.word), "pinned": .bool($0.isPinned)]) }),
            "unpinned": .list(package.unpinnedPackages.map(Value.string)),
        ])
    }
}
