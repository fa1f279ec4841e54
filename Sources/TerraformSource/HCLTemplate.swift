/// One part of a string a configuration builds: literal text, or the value of a reference.
///
/// `"${aws_s3_bucket.logs.arn}/*"` is `[.reference("aws_s3_bucket.logs.arn"), .text("/*")]`.
public enum HCLTemplatePart: Sendable, Equatable {
    /// Text written in the configuration, escapes decoded.
    case text(String)
    /// A traversal of a resource or data source attribute, as a plan's `configuration` writes
    /// references (`aws_s3_bucket.this[0].arn`).
    case reference(String)
}

/// Reads the elements of a list literal whose strings a plan may know only after apply.
///
/// A plan records one `references` list for a whole list expression, so it cannot say which
/// element is `aws_s3_bucket.b.arn` and which `"${aws_s3_bucket.b.arn}/*"`: the `.tf` can. Only
/// simple elements are read: a traversal of a resource or data source attribute, or a quoted
/// template of text and such traversals. Anything else (a call, a conditional, a variable, a
/// local value, a `%{` directive, an escape other than `\n`, `\t`, `\r`, `\"` and `\\`) is nil,
/// since what it makes cannot be told from the text.
enum HCLTemplates {
    /// The elements of the list literal `tokens` (the whole expression, `[` to `]`), each as a
    /// template or nil; nil when the expression is not one list literal.
    static func listElements(_ tokens: [HCLToken]) -> [[HCLTemplatePart]?]? {
        let tokens = tokens.filter { $0.kind != .newline }
        guard tokens.count >= 2, tokens.first?.kind == .open, tokens.first?.text == "[",
            tokens.last?.kind == .close, tokens.last?.text == "]"
        else { return nil }
        var elements: [[HCLTemplatePart]?] = []
        var depth = 0
        var start = 1
        for index in 1..<tokens.count {
            let token = tokens[index]
            let isEnd = index == tokens.count - 1
            if token.kind == .open {
                depth += 1
            } else if token.kind == .close, !isEnd {
                depth -= 1
                // A bracket closed early: the list ends before its last token.
                if depth < 0 { return nil }
            }
            guard isEnd || (depth == 0 && token.kind == .symbol && token.text == ",") else { continue }
            let element = tokens[start..<index]
            // A trailing comma leaves nothing after it.
            if !(isEnd && element.isEmpty) { elements.append(template(element)) }
            start = index + 1
        }
        return depth == 0 ? elements : nil
    }

    /// True when `parts` hold a reference to an attribute.
    static func refersToAttributes(_ parts: [HCLTemplatePart]) -> Bool {
        parts.contains { if case .reference = $0 { true } else { false } }
    }

    /// A quoted template or heredoc token as a template; nil for any other token.
    static func stringTemplate(_ token: HCLToken) -> [HCLTemplatePart]? {
        switch token.kind {
        case .quotedString: return quotedTemplate(token.text)
        case .heredoc: return heredocTemplate(token.text)
        default: return nil
        }
    }

    /// An element as a template: one quoted template, or one traversal; nil for anything else.
    static func template(_ tokens: ArraySlice<HCLToken>) -> [HCLTemplatePart]? {
        guard let first = tokens.first else { return nil }
        if tokens.count == 1, first.kind == .quotedString { return quotedTemplate(first.text) }
        return traversal(Array(tokens)).map { [.reference($0)] }
    }

    /// The whole of `tokens` as one traversal of a resource or data source attribute, as text.
    static func traversal(_ tokens: [HCLToken]) -> String? {
        guard let head = tokens.first, head.kind == .identifier, !nonResourceRoots.contains(head.text) else {
            return nil
        }
        let (steps, end) = HCLReferences.traversal(tokens, from: 0)
        // `TYPE.NAME.attribute` at least; `data.TYPE.NAME.attribute` for a data source.
        let shortest = head.text == "data" ? 4 : 3
        guard end == tokens.count, steps.count >= shortest else { return nil }
        return steps.joined()
    }

    /// Roots that name something other than a resource or data source: what they stand for is
    /// not in the text.
    static let nonResourceRoots: Set<String> = [
        "var", "local", "module", "each", "count", "path", "terraform", "self",
    ]

    /// The parts of a quoted template (`text` with its quotes), nil when it holds anything but
    /// text and traversals.
    static func quotedTemplate(_ text: String) -> [HCLTemplatePart]? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") else {
            return nil
        }
        return parts(of: bytes[1..<(bytes.count - 1)], decodingEscapes: true)
    }

    /// The parts of a heredoc (`text` from `<<` through its closing marker), nil when it holds
    /// anything but text and traversals.
    ///
    /// `<<-` strips the indentation its lines share, as Terraform does. The value ends with the
    /// line break before the closing marker.
    static func heredocTemplate(_ text: String) -> [HCLTemplatePart]? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard lines.count >= 2, let opener = lines.first, opener.hasPrefix("<<") else { return nil }
        lines.removeFirst()
        lines.removeLast()
        if opener.hasPrefix("<<-") {
            let indents = lines.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }.map { line in
                line.prefix { $0 == " " || $0 == "\t" }.count
            }
            let shared = indents.min() ?? 0
            lines = lines.map { $0.dropFirst(min(shared, $0.prefix { $0 == " " || $0 == "\t" }.count)) }
        }
        let content = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        return parts(of: Array(content.utf8)[...], decodingEscapes: false)
    }

    /// The parts of a string of a `.tf.json` file, where every string is a template whose
    /// escapes JSON has already decoded.
    static func jsonTemplate(_ text: String) -> [HCLTemplatePart]? {
        let bytes = Array(text.utf8)
        return parts(of: bytes[...], decodingEscapes: false)
    }

    private static func parts(of bytes: ArraySlice<UInt8>, decodingEscapes: Bool) -> [HCLTemplatePart]? {
        var parts: [HCLTemplatePart] = []
        var literal: [UInt8] = []
        var index = bytes.startIndex
        let end = bytes.endIndex
        func flush() {
            if !literal.isEmpty { parts.append(.text(String(decoding: literal, as: UTF8.self))) }
            literal = []
        }
        func follows(_ text: String, at position: Int) -> Bool {
            let needle = Array(text.utf8)
            return position + needle.count <= end
                && bytes[position..<(position + needle.count)].elementsEqual(needle)
        }
        while index < end {
            let byte = bytes[index]
            if decodingEscapes, byte == UInt8(ascii: "\\") {
                guard index + 1 < end, let decoded = escapes[bytes[index + 1]] else { return nil }
                literal.append(decoded)
                index += 2
            } else if follows("$${", at: index) || follows("%%{", at: index) {
                literal += [byte, UInt8(ascii: "{")]
                index += 3
            } else if follows("%{", at: index) {
                return nil
            } else if follows("${", at: index) {
                // A traversal holds no braces or strings: the first `}` ends it.
                guard let close = bytes[(index + 2)..<end].firstIndex(of: UInt8(ascii: "}")),
                    let (tokens, _) = try? HCLLexer.tokenize(Array(bytes[(index + 2)..<close]), file: ""),
                    let reference = traversal(tokens.filter { $0.kind != .newline })
                else { return nil }
                flush()
                parts.append(.reference(reference))
                index = close + 1
            } else {
                literal.append(byte)
                index += 1
            }
        }
        flush()
        return parts
    }

    /// The escapes decoded; `\u` and `\U` are left out, and a template holding one is not read.
    private static let escapes: [UInt8: UInt8] = [
        UInt8(ascii: "n"): UInt8(ascii: "\n"), UInt8(ascii: "t"): UInt8(ascii: "\t"),
        UInt8(ascii: "r"): UInt8(ascii: "\r"), UInt8(ascii: "\""): UInt8(ascii: "\""),
        UInt8(ascii: "\\"): UInt8(ascii: "\\"),
    ]
}
