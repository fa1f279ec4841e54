/// Swift source text for generated files.
enum SwiftLiteral {
    /// A raw multi-line string literal of `text`, with more `#` than any `"#...` or `\\#...` run
    /// in it, so the text needs no escaping.
    static func rawString(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
    }

    /// A one-line raw string literal of `text`, which holds no line break.
    static func string(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return hashes + "\"" + text + "\"" + hashes
    }
}
