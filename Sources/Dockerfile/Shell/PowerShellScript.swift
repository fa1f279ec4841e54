/// One command of a PowerShell script: a cmdlet, function, alias or program, with its arguments.
public struct PowerShellCommand: Sendable, Equatable, Encodable {
    /// The name as written (`iwr`, `Invoke-WebRequest`, `C:\tools\curl.exe`).
    public let writtenName: String
    /// The name in lower case, without a directory or `.exe`, with the common aliases of
    /// downloading and running text expanded: `iex` is `invoke-expression`, `iwr`
    /// `invoke-webrequest`, `irm` `invoke-restmethod`.
    public let name: String
    /// The arguments: parameters (`-Uri`) and values as written, the text of quoted strings.
    public let arguments: [String]
    /// The position of this command in the script's command list.
    public let index: Int
    /// The pipeline the command belongs to, numbered across the whole script.
    public let pipeline: Int
    /// The command's place in its pipeline, from 0.
    public let position: Int
    /// The commands whose arguments hold this one (inside `(...)`, `$(...)`, `@(...)` or
    /// `{...}`), innermost first.
    public let ancestors: [Int]
    /// The .NET methods called in this command's arguments outside the commands nested in
    /// them, in lower case (`downloadstring` in `iex ((New-Object Net.WebClient).DownloadString(u))`).
    public let methods: [String]

    /// The names the common aliases stand for.
    static let aliases = ["iex": "invoke-expression", "iwr": "invoke-webrequest", "irm": "invoke-restmethod"]

    /// `name` lowered, its directory and `.exe` dropped, an alias expanded.
    static func canonicalName(_ written: String) -> String {
        var name = written.lowercased()
        if let separator = name.lastIndex(where: { $0 == "\\" || $0 == "/" }) {
            name = String(name[name.index(after: separator)...])
        }
        if name.hasSuffix(".exe") { name = String(name.dropLast(4)) }
        return aliases[name] ?? name
    }
}

/// A value assigned to a variable or a static property by a PowerShell statement
/// (`[Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}`).
public struct PowerShellAssignment: Sendable, Equatable {
    /// What is assigned to, as written.
    public let target: String
    /// The words and quoted texts of the value, groups included, joined with spaces.
    public let value: String
}

/// What a PowerShell script was read as: its commands and its assignments.
public struct PowerShellReading: Sendable, Equatable {
    /// The commands, in the order they are written.
    public var commands: [PowerShellCommand] = []
    /// The assignments to variables and static properties, in the order they are written.
    public var assignments: [PowerShellAssignment] = []
}

/// The commands of a PowerShell script, found by reading its statements, pipelines and groups.
///
/// A pipeline element that starts with a bare word is a command (unless the word is a keyword
/// such as `if` or `foreach`, a variable, a type or a number); `&` and `.` call the command
/// named after them. Groups in a command's arguments hold commands of their own, which run
/// first; their ``PowerShellCommand/ancestors`` name the command. Nesting deeper than
/// ``maximumDepth`` is not read.
public enum PowerShellScript {
    /// How deeply groups nest before their content is skipped.
    public static let maximumDepth = 64

    /// The words that start a statement which is not a command.
    static let keywords: Set<String> = [
        "if", "elseif", "else", "foreach", "for", "while", "do", "until", "switch", "try", "catch",
        "finally", "function", "filter", "param", "return", "exit", "throw", "trap", "break", "continue",
        "begin", "process", "end", "data", "class", "enum", "using",
    ]

    /// The commands of `text`, in the order they are written.
    public static func commands(_ text: String) -> [PowerShellCommand] {
        read(text).commands
    }

    /// The commands and assignments of `text`.
    public static func read(_ text: String) -> PowerShellReading {
        var reader = Reader(tokens: PowerShellLexer.tokens(text))
        // A close that opens nothing ends no group at the top: reading goes on after it.
        while reader.next < reader.tokens.count { reader.readBlock(ancestors: [], depth: 0) }
        return PowerShellReading(commands: reader.commands.map(\.command), assignments: reader.assignments)
    }

    /// A command while its arguments are read.
    private struct Building {
        var writtenName: String
        var arguments: [String] = []
        var index: Int
        var pipeline: Int
        var position: Int
        var ancestors: [Int]
        var methods: [String] = []

        var command: PowerShellCommand {
            PowerShellCommand(
                writtenName: writtenName, name: PowerShellCommand.canonicalName(writtenName),
                arguments: arguments,
                index: index, pipeline: pipeline, position: position, ancestors: ancestors, methods: methods)
        }
    }

    private struct Reader {
        var tokens: [PowerShellToken]
        var next = 0
        var commands: [Building] = []
        var assignments: [PowerShellAssignment] = []
        var pipelines = 0

        init(tokens: [PowerShellToken]) {
            self.tokens = tokens
        }

        /// Statements up to the `close` that ends the group (read) or the end of the tokens.
        mutating func readBlock(ancestors: [Int], depth: Int) {
            while next < tokens.count {
                if tokens[next] == .close {
                    next += 1
                    return
                }
                readPipeline(ancestors: ancestors, depth: depth)
            }
        }

        /// One pipeline, up to a separator (read) or the close of the group (left for the block).
        mutating func readPipeline(ancestors: [Int], depth: Int) {
            let pipeline = pipelines
            pipelines += 1
            var position = 0
            while next < tokens.count {
                switch tokens[next] {
                case .separator:
                    next += 1
                    return
                case .close:
                    return
                case .pipe:
                    next += 1
                    position += 1
                default:
                    readElement(pipeline: pipeline, position: position, ancestors: ancestors, depth: depth)
                }
            }
        }

        /// One pipeline element: a command and its arguments, or an expression.
        mutating func readElement(pipeline: Int, position: Int, ancestors: [Int], depth: Int) {
            var owner: Int?
            if let name = commandName() {
                owner = commands.count
                commands.append(
                    Building(
                        writtenName: name, index: commands.count, pipeline: pipeline, position: position,
                        ancestors: ancestors))
            }
            // Methods called outside any command belong to the command around the group.
            let methodOwner = owner ?? ancestors.first
            let inner = owner.map { [$0] + ancestors } ?? ancestors
            // `$x = ...` or `[Type]::Property = ...`: the value's tokens are kept as text.
            var assigned: (target: String, valueStart: Int)?
            if owner == nil, next + 1 < tokens.count, case .word(let target) = tokens[next],
                target.hasPrefix("$") || target.hasPrefix("["), tokens[next + 1] == .word("=")
            {
                assigned = (target, next + 2)
                next += 2
            }
            defer {
                if let assigned {
                    assignments.append(
                        PowerShellAssignment(
                            target: assigned.target, value: text(of: assigned.valueStart..<next)))
                }
            }
            while next < tokens.count {
                switch tokens[next] {
                case .separator, .close, .pipe:
                    return
                case .word(let text):
                    if let owner { commands[owner].arguments.append(text) }
                    next += 1
                case .string(let text, let subexpressions):
                    if let owner { commands[owner].arguments.append(text) }
                    next += 1
                    for subexpression in subexpressions where depth < maximumDepth {
                        readNested(subexpression, ancestors: inner, depth: depth + 1)
                    }
                case .method(let name):
                    if let methodOwner { commands[methodOwner].methods.append(name.lowercased()) }
                    next += 1
                case .open:
                    next += 1
                    if depth < maximumDepth {
                        readBlock(ancestors: inner, depth: depth + 1)
                    } else {
                        skipGroup()
                    }
                }
            }
        }

        /// The command name that starts the element, read; nil when the element is an
        /// expression or a keyword's statement.
        mutating func commandName() -> String? {
            guard next < tokens.count else { return nil }
            switch tokens[next] {
            case .word(let text) where text == "&" || text == ".":
                // The call operators run the command named next.
                guard next + 1 < tokens.count else { return nil }
                switch tokens[next + 1] {
                case .word(let name), .string(let name, _):
                    next += 2
                    return name
                default:
                    next += 1
                    return nil
                }
            case .word(let text):
                // A word before `=` is a key (`@{ Name = 'x' }`), not a command.
                guard let first = text.unicodeScalars.first,
                    !"$[-.0123456789@".unicodeScalars.contains(first),
                    !keywords.contains(text.lowercased()),
                    next + 1 >= tokens.count || tokens[next + 1] != .word("=")
                else { return nil }
                next += 1
                return text
            default:
                return nil
            }
        }

        /// The words and quoted texts of `range`, joined with spaces.
        func text(of range: Range<Int>) -> String {
            tokens[range.clamped(to: tokens.indices)].compactMap { token -> String? in
                switch token {
                case .word(let text), .string(let text, _): text
                default: nil
                }
            }.joined(separator: " ")
        }

        /// Moves past the group just opened, unread.
        mutating func skipGroup() {
            var open = 1
            while next < tokens.count, open > 0 {
                if tokens[next] == .open { open += 1 }
                if tokens[next] == .close { open -= 1 }
                next += 1
            }
        }

        /// The commands of a string's `$(...)` subexpression, read as a group of its own with
        /// the same command list.
        mutating func readNested(_ text: String, ancestors: [Int], depth: Int) {
            let saved = (tokens, next)
            (tokens, next) = (PowerShellLexer.tokens(text), 0)
            readBlock(ancestors: ancestors, depth: depth)
            (tokens, next) = saved
        }
    }
}
