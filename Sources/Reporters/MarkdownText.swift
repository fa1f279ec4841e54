/// Escaping of input-derived text for GitHub- and GitLab-flavoured markdown.
///
/// A resource address (a `for_each` key can hold any text), a tag value, an image name or a
/// Dockerfile line must render as the text it is: it must not end a table cell or row, open a
/// link, start emphasis or code, inject HTML, or notify anyone.
enum MarkdownText {
    /// `text` as literal inline markdown on one line.
    ///
    /// HTML's special characters become entities (no tag, no attribute can start); every other
    /// ASCII punctuation character is backslash-escaped (no emphasis, code span, link or table
    /// pipe; GFM keeps `\|` inside a cell); line breaks and tabs become spaces so a table row
    /// stays one row; other control characters become U+FFFD; and `@` and `#` are followed by a
    /// zero-width space so `@name` mentions nobody and `#1` links no issue (GitHub matches both
    /// in the rendered text, where a backslash escape no longer exists). Inside a code element
    /// (`inCode`) the zero-width space is left out: GitHub's and GitLab's reference filters skip
    /// text under `code`, and without it a command or digest copied from the comment is exact.
    static func inline(_ text: String, inCode: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "@": out += inCode ? "@" : "@&#8203;"
            case "#": out += inCode ? "\\#" : "\\#&#8203;"
            case "\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += " "
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else if scalar.isASCII, isPunctuation(UInt8(scalar.value)) {
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `text` inside `<code>…</code>`, for addresses and rule ids: the content is still escaped
    /// by ``inline(_:inCode:)``, since markdown inside an inline HTML element is parsed.
    static func code(_ text: String) -> String {
        "<code>" + inline(text, inCode: true) + "</code>"
    }

    /// Rule text (a remediation, an unknown's reason) with its backtick pairs shown as code.
    ///
    /// Each pair becomes ``code(_:)`` and the rest is ``inline(_:inCode:)``, so a command or
    /// setting in it reads as code without letting the text open markdown of its own. A backtick
    /// without a partner stays a literal backtick. Only for text whose backticks are all the
    /// rule's or the engine's: a backtick in an input value would pair with one of the template's.
    static func withCodeSpans(_ text: String) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "`") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "`") else { break }
            out += inline(String(rest[..<open])) + code(String(rest[afterOpen..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out + inline(String(rest))
    }

    /// A link whose target we built (percent-encoded, so it holds no space, `(` or `)`) and whose
    /// text comes from input.
    static func link(_ text: String, to url: String) -> String {
        "[" + inline(text) + "](" + url.replacing("(", with: "%28").replacing(")", with: "%29") + ")"
    }

    /// ASCII punctuation CommonMark lets a backslash escape.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
