/// The arguments of RUN, CMD, ENTRYPOINT and SHELL: shell form text or exec form words.
public enum Arguments: Sendable, Hashable {
    /// Shell form: the text after the keyword and flags, continuations joined.
    case shell(String)
    /// Exec form: a JSON array of strings, decoded.
    case exec([String])
}

/// A builder flag as written before the arguments, such as `--from=build` or `--link`.
public struct Flag: Sendable, Hashable {
    /// The name without the leading dashes (`from`).
    public let name: String
    /// The text after the first `=` with BuildKit's quote removal applied; nil for `--link`.
    public let value: String?

    /// Creates a flag from its name and optional value.
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }

    /// The flag as BuildKit reports it: `--name=value` or `--name`.
    public var text: String {
        if let value { return "--\(name)=\(value)" }
        return "--\(name)"
    }
}

/// A here-document attached to RUN, COPY or ADD (`<<EOF`, `<<-"EOF"`, `3<<EOF`).
public struct Heredoc: Sendable, Hashable {
    /// The delimiter word with quotes removed.
    public let delimiter: String
    /// Whether any part of the delimiter was quoted (the body is then not expanded).
    public let isQuoted: Bool
    /// Whether it was written `<<-`, which strips leading tabs from body and terminator.
    public let stripsLeadingTabs: Bool
    /// The file descriptor written before `<<`, 0 when absent.
    public let fileDescriptor: Int
    /// The body as the command sees it (leading tabs stripped for `<<-`), line endings kept.
    public let body: String
    /// The 1-based line of the first body line (the terminator line when the body is empty).
    public let line: Int
    /// The 1-based line of the terminator.
    public let endLine: Int
}

/// A `KEY=value` pair of ENV or LABEL.
public struct KeyValue: Sendable, Hashable {
    /// The key with quotes removed.
    public let key: String
    /// The value with quotes and escapes removed; variable references are kept as written.
    public let value: String
    /// The value exactly as written, which the semantic model expands with variables in scope.
    public let rawValue: String
}

/// One name of an ARG instruction, with its default when given (`ARG A=1 B`).
public struct ArgDeclaration: Sendable, Hashable {
    /// The variable name.
    public let name: String
    /// The default with quotes removed, or nil when none is given.
    public let defaultValue: String?
    /// The default exactly as written, or nil when none is given.
    public let rawDefault: String?
}

/// The words of a FROM instruction: `image [AS name]`.
public struct FromArguments: Sendable, Hashable {
    /// The whitespace-separated words after the flags, as written.
    public let words: [String]

    /// The image (or stage) reference as written, empty when missing.
    public var image: String { words.first ?? "" }

    /// The stage name as written when the instruction reads `FROM image AS name`.
    public var stageName: String? {
        guard words.count == 3, words[1].lowercased() == "as" else { return nil }
        return words[2]
    }
}

/// The paths of COPY or ADD.
public struct FileTransfer: Sendable, Hashable {
    /// Every path word in order: sources, then the destination.
    public let paths: [String]
    /// Whether the paths were given as a JSON array.
    public let isExecForm: Bool

    /// The source paths (every path but the last).
    public var sources: [String] { Array(paths.dropLast()) }
    /// The destination (the last path), or nil when none is given.
    public var destination: String? { paths.count >= 2 ? paths.last : nil }
}

/// The argument of HEALTHCHECK.
public enum HealthcheckArguments: Sendable, Hashable {
    /// `HEALTHCHECK NONE`: disables any inherited health check.
    case none
    /// `HEALTHCHECK CMD ...` with the command.
    case command(Arguments)
    /// A type other than NONE or CMD (BuildKit rejects it), with its words as written.
    case invalid(type: String, rest: String)
    /// HEALTHCHECK with nothing after it.
    case missing
}

/// What an instruction is, with arguments typed the way its keyword needs them.
public indirect enum InstructionKind: Sendable, Hashable {
    /// `FROM [--platform=...] image [AS name]`.
    case from(FromArguments)
    /// `RUN`; nil when nothing follows the keyword.
    case run(Arguments?)
    /// `CMD`; nil when nothing follows the keyword.
    case cmd(Arguments?)
    /// `ENTRYPOINT`; nil when nothing follows the keyword.
    case entrypoint(Arguments?)
    /// `SHELL`; nil when nothing follows the keyword.
    case shell(Arguments?)
    /// `COPY`.
    case copy(FileTransfer)
    /// `ADD`.
    case add(FileTransfer)
    /// `USER` with its text as written.
    case user(String)
    /// `WORKDIR` with its text as written.
    case workdir(String)
    /// `MAINTAINER` (deprecated) with its text.
    case maintainer(String)
    /// `STOPSIGNAL` with its text.
    case stopSignal(String)
    /// `ARG` with one or more declarations.
    case arg([ArgDeclaration])
    /// `ENV` with its pairs.
    case env([KeyValue])
    /// `LABEL` with its pairs.
    case label([KeyValue])
    /// `EXPOSE` with its port words as written.
    case expose([String])
    /// `VOLUME` with its paths and whether they were a JSON array.
    case volume([String], isExecForm: Bool)
    /// `HEALTHCHECK`.
    case healthcheck(HealthcheckArguments)
    /// `ONBUILD` wrapping its trigger; nil when the trigger is missing.
    case onbuild(Instruction?)
    /// A keyword BuildKit does not know, with the rest of the line. The model rejects it.
    case unknown(String)
}

/// One instruction with its exact physical line range.
public struct Instruction: Sendable, Hashable {
    /// The keyword upper-cased (`RUN`, even when written `run`).
    public let keyword: String
    /// The keyword exactly as written.
    public let keywordAsWritten: String
    /// The typed arguments.
    public let kind: InstructionKind
    /// The flags as written, in order.
    public let flags: [Flag]
    /// The here-documents, in order.
    public let heredocs: [Heredoc]
    /// The text after the keyword and flags, continuations joined and trimmed.
    public let argumentText: String
    /// The 1-based first physical line.
    public let line: Int
    /// The 1-based last physical line, counting continuation lines and heredoc bodies.
    public let endLine: Int

    /// The value of the last flag named `name` (`--from`), or nil.
    public func flagValue(_ name: String) -> String? {
        flags.last { $0.name == name }?.value
    }

    /// Every value of flags named `name`, in order (`--mount` may repeat).
    public func flagValues(_ name: String) -> [String] {
        flags.compactMap { $0.name == name ? $0.value : nil }
    }
}

/// A comment line (`# ...`) with its line; suppressions are read from these.
public struct Comment: Sendable, Hashable {
    /// The 1-based line.
    public let line: Int
    /// The text after `#`, trimmed.
    public let text: String
}

/// A parser directive at the top of the file (`# syntax=`, `# escape=`, `# check=`).
public struct Directive: Sendable, Hashable {
    /// The directive name, lower-cased.
    public let name: String
    /// The value as written, trimmed.
    public let value: String
    /// The 1-based line.
    public let line: Int
}

/// The typed syntax tree of one Dockerfile, before stage analysis.
public struct SyntaxTree: Sendable, Hashable {
    /// The parser directives, in order.
    public let directives: [Directive]
    /// Every comment line, in order, including those inside continuations.
    public let comments: [Comment]
    /// The instructions in file order.
    public let instructions: [Instruction]
    /// The escape character in effect (`\` or a backtick).
    public let escapeCharacter: Character
}
