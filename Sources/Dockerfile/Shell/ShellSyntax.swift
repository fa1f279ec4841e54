/// Lexical vocabulary of the POSIX shell (plus the bash forms seen in Dockerfiles).
enum ShellSyntax {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let carriageReturn = UInt8(ascii: "\r")
    static let newline = UInt8(ascii: "\n")
    static let backslash = UInt8(ascii: "\\")
    static let singleQuote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let backtick = UInt8(ascii: "`")
    static let dollar = UInt8(ascii: "$")
    static let hash = UInt8(ascii: "#")
    static let ampersand = UInt8(ascii: "&")
    static let pipe = UInt8(ascii: "|")
    static let semicolon = UInt8(ascii: ";")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let less = UInt8(ascii: "<")
    static let greater = UInt8(ascii: ">")
    static let equals = UInt8(ascii: "=")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")

    /// Whether `byte` is a blank between tokens.
    ///
    /// A carriage return counts as a blank so CRLF sources read like LF.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == carriageReturn
    }

    /// Bytes that end an unquoted word.
    static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case space, tab, carriageReturn, newline, semicolon, ampersand, pipe, openParen, closeParen,
            less, greater:
            return true
        default:
            return false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Whether `byte` may start a shell variable name.
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    /// Whether `byte` may continue a shell variable name.
    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || isDigit(byte)
    }

    /// Single-character special parameters: `$@`, `$*`, `$#`, `$?`, `$-`, `$$`, `$!`.
    static func isSpecialParameter(_ byte: UInt8) -> Bool {
        "@*#?-$!".utf8.contains(byte) || isDigit(byte)
    }

    /// Whether `text` starts with an assignment prefix: `NAME=`, `NAME+=` or `NAME[index]=`.
    static func isAssignment<Bytes: Collection<UInt8>>(bytes text: Bytes) -> Bool {
        var iterator = text.makeIterator()
        guard let first = iterator.next(), isNameStart(first) else { return false }
        var inSubscript = false
        var previous = first
        while let byte = iterator.next() {
            if inSubscript {
                if byte == closeBracket { inSubscript = false }
            } else if byte == equals {
                return true
            } else if byte == openBracket {
                inSubscript = true
            } else if byte == plus {
                return iterator.next() == equals
            } else if !isNameByte(byte) || previous == closeBracket {
                return false
            }
            previous = byte
        }
        return false
    }

    /// Whether `word` starts with an assignment prefix (`NAME=`, `NAME+=`, `NAME[i]=`).
    static func isAssignment(_ word: String) -> Bool {
        isAssignment(bytes: word.utf8)
    }

    /// Reserved words that close a construct; they end a command list when in command position.
    static let closingReservedWords: Set<String> = [
        "then", "elif", "else", "fi", "do", "done", "esac", "}",
    ]

    /// Shells whose `-c` option takes a script string.
    static let shells: Set<String> = [
        "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "yash", "posh", "busybox-sh",
    ]

    /// Commands whose `-c`/`--command` option takes a script string run by a shell.
    static let shellRunners: Set<String> = ["su", "runuser"]
}
