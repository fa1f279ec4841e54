/// One element of a PowerShell pipeline: a command (a cmdlet, function, alias or program with its
/// arguments) or an expression (`(New-Object Net.WebClient).DownloadString(u)`, `$s = ...`).
public struct PowerShellCommand: Sendable, Equatable, Encodable {
    /// The command name as written (`iwr`, `Invoke-WebRequest`, `C:\tools\curl.exe`); empty for
    /// an expression.
    public let writtenName: String
    /// The name in lower case, without a directory or `.exe`, with the common aliases of
    /// downloading and running text expanded: `iex` is `invoke-expression`, `iwr`
    /// `invoke-webrequest`, `irm` `invoke-restmethod`; empty for an expression.
    public let name: String
    /// The arguments of a command, or the words of an expression: parameters (`-Uri`) and values
    /// as written, the text of quoted strings; not the words inside its groups.
    public let arguments: [String]
    /// The position of this element in the script's list.
    public let index: Int
    /// The pipeline the element belongs to, numbered across the whole script.
    public let pipeline: Int
    /// The element's place in its pipeline, from 0.
    public let position: Int
    /// The elements whose groups (`(...)`, `$(...)`, `@(...)`, `{...}`) or assigned value hold
    /// this one, innermost first.
    public let ancestors: [Int]
    /// The .NET methods this element calls itself, in lower case (`downloadstring` for the
    /// expression `(New-Object Net.WebClient).DownloadString(u)`).
    public let methods: [String]
    /// The target of an assignment, as written; nil for anything else.
    ///
    /// `$s` in `$s = ...`, the property in `[Type]::Property = ...`. The assigned pipeline's
    /// elements have this one as an ancestor.
    public let assigns: String?
    /// An assignment's value as text: the words and quoted texts after `=`, groups included,
    /// joined with spaces; empty for anything else.
    public let value: String

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

/// The pipeline elements of a PowerShell script, and how many pipelines they were read from.
public struct PowerShellReading: Sendable, Equatable {
    /// The elements, in the order they are written.
    public var commands: [PowerShellCommand] = []
    /// The number of pipelines read, elements or not: the next script's pipelines follow.
    public var pipelineCount = 0
}

/// The pipeline elements of a PowerShell script, found by reading its statements, pipelines and
/// groups.
///
/// An element that starts with a bare word is a command (unless the word is a keyword such as
/// `if` or `foreach`, a variable, a type, a number, or a key before `=`); `&` and `.` call the
/// command named after them; any other element is an expression. Groups hold elements of their
/// own, which run first; their ``PowerShellCommand/ancestors`` name the element. The value of an
/// assignment is read as a pipeline under it. Nesting deeper than ``maximumDepth`` is not read.
public enum PowerShellScript {
    /// How deeply groups nest before their content is skipped.
    public static let maximumDepth = 64

    /// The words that start a statement which is not a command.
    static let keywords: Set<String> = [
        "if", "elseif", "else", "foreach", "for", "while", "do", "until", "switch", "try", "catch",
        "finally", "function", "filter", "param", "return", "exit", "throw", "trap", "break", "continue",
        "begin", "process", "end", "data", "class", "enum", "using",
    ]

    /// The pipeline elements of `text`, in the order they are written.
    public static func commands(_ text: String) -> [PowerShellCommand] {
        read(text).commands
    }

    /// The pipeline elements of `text` and its pipeline count.
    public static func read(_ text: String) -> PowerShellReading {
        var reader = Reader(tokens: PowerShellLexer.tokens(text))
        // A close that opens nothing ends no group at the top: reading goes on after it.
        while reader.next < reader.tokens.count { reader.readBlock(ancestors: [], depth: 0) }
        return PowerShellReading(commands: reader.elements.map(\.element), pipelineCount: reader.pipelines)
    }

    /// An element while it is read.
    private struct Building {
        var writtenName: String
        var arguments: [String] = []
        var index: Int
        var pipeline: Int
        var position: Int
        var ancestors: [Int]
        var methods: [String] = []
        var assigns: String?
        var value = ""

        var element: PowerShellCommand {
            PowerShellCommand(
                writtenName: writtenName, name: PowerShellCommand.canonicalName(writtenName),
                arguments: arguments,
                index: index, pipeline: pipeline, position: position, ancestors: ancestors, methods: methods,
                assigns: assigns, value: value)
        }
    }

    private struct Reader {
        var tokens: [PowerShellToken]
        var next = 0
        var elements: [Building] = []
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
                if next < tokens.count, tokens[next] == .separator { next += 1 }
            }
        }

        /// One pipeline, up to a separator or the close of the group (both left to the caller).
        mutating func readPipeline(ancestors: [Int], depth: Int) {
            let pipeline = pipelines
            pipelines += 1
            var position = 0
            while next < tokens.count {
                switch tokens[next] {
                case .separator, .close:
                    return
                case .pipe:
                    next += 1
                    position += 1
                default:
                    readElement(pipeline: pipeline, position: position, ancestors: ancestors, depth: depth)
                }
            }
        }

        /// One pipeline element: a command and its arguments, or an expression; an assignment's
        /// value is read as a pipeline of its own under it.
        mutating func readElement(pipeline: Int, position: Int, ancestors: [Int], depth: Int) {
            let index = elements.count
            let name = commandName()
            elements.append(
                Building(
                    writtenName: name ?? "", index: index, pipeline: pipeline, position: position,
                    ancestors: ancestors))
            let inner = [index] + ancestors
            if name == nil, next + 1 < tokens.count, case .word(let target) = tokens[next],
                target.hasPrefix("$") || target.hasPrefix("["), tokens[next + 1] == .word("=")
            {
                next += 2
                let valueStart = next
                elements[index].assigns = target
                if depth < maximumDepth { readPipeline(ancestors: inner, depth: depth + 1) }
                elements[index].value = text(of: valueStart..<next)
                return
            }
            while next < tokens.count {
                switch tokens[next] {
                case .separator, .close, .pipe:
                    return
                case .word(let text):
                    elements[index].arguments.append(text)
                    next += 1
                case .string(let text, let subexpressions):
                    elements[index].arguments.append(text)
                    next += 1
                    for subexpression in subexpressions where depth < maximumDepth {
                        readNested(subexpression, ancestors: inner, depth: depth + 1)
                    }
                case .method(let method):
                    elements[index].methods.append(method.lowercased())
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

        /// The elements of a string's `$(...)` subexpression, read as a group of its own with
        /// the same element list.
        mutating func readNested(_ text: String, ancestors: [Int], depth: Int) {
            let saved = (tokens, next)
            (tokens, next) = (PowerShellLexer.tokens(text), 0)
            while next < tokens.count { readBlock(ancestors: ancestors, depth: depth) }
            (tokens, next) = saved
        }
    }
}
