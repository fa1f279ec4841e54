/// The value of a variable as the expander sees it.
enum VariableLookup {
    /// The variable has this value (possibly empty).
    case value(String)
    /// The variable is not set; `reason` says why (no default, not declared, set by the builder).
    case unset(reason: String)
}

/// The result of expanding one word.
struct ExpandedWord {
    /// The text after quote removal and substitution.
    let text: String
    /// Why the text may differ from what the build uses (empty when fully resolved).
    let problems: [String]
}

/// Quote removal and variable substitution for one word, after BuildKit's shell lexer:
/// single quotes are literal, the escape character escapes the next character, and `$A`,
/// `${A}`, `${A:-d}`, `${A-d}`, `${A:+x}`, `${A+x}`, `${A:?m}` and `${A?m}` are substituted.
struct WordExpander {
    /// The escape character (`\` or a backtick).
    let escape: UInt8
    /// Where values come from.
    let lookup: (String) -> VariableLookup
    /// When true, references to unset variables are kept as written (quote removal only).
    let keepsUnsetReferences: Bool

    /// Nested `${A:-${B:-...}}` deeper than this is reported, not followed.
    static let maximumDepth = 32

    /// Removes quotes and escapes but keeps every variable reference as written.
    static func removingQuotes(_ text: ArraySlice<UInt8>, escape: UInt8) -> String {
        WordExpander(escape: escape, lookup: { _ in .unset(reason: "") }, keepsUnsetReferences: true)
            .expand(text).text
    }

    func expand(_ text: ArraySlice<UInt8>) -> ExpandedWord {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var problems: [String] = []
        expand(text, into: &output, problems: &problems, depth: 0)
        return ExpandedWord(text: String(decoding: output, as: UTF8.self), problems: problems)
    }

    private func expand(
        _ text: ArraySlice<UInt8>, into output: inout [UInt8], problems: inout [String], depth: Int
    ) {
        guard depth <= Self.maximumDepth else {
            problems.append("variable substitution nested too deeply")
            return
        }
        var index = text.startIndex
        let end = text.endIndex
        while index < end {
            let byte = text[index]
            switch byte {
            case ByteClass.singleQuote:
                index += 1
                while index < end, text[index] != ByteClass.singleQuote {
                    output.append(text[index])
                    index += 1
                }
                index += 1
            case ByteClass.doubleQuote:
                index += 1
                while index < end, text[index] != ByteClass.doubleQuote {
                    let inner = text[index]
                    if inner == ByteClass.dollar {
                        index = substitute(text, at: index, into: &output, problems: &problems, depth: depth)
                        continue
                    }
                    if inner == escape, index + 1 < end {
                        let next = text[index + 1]
                        if next == ByteClass.doubleQuote || next == ByteClass.dollar || next == escape {
                            output.append(next)
                            index += 2
                            continue
                        }
                    }
                    output.append(inner)
                    index += 1
                }
                index += 1
            case ByteClass.dollar:
                index = substitute(text, at: index, into: &output, problems: &problems, depth: depth)
            default:
                if byte == escape {
                    if index + 1 < end { output.append(text[index + 1]) }
                    index += 2
                } else {
                    output.append(byte)
                    index += 1
                }
            }
        }
    }

    /// Substitutes the reference starting at the `$` at `start`; returns the index after it.
    private func substitute(
        _ text: ArraySlice<UInt8>, at start: Int, into output: inout [UInt8], problems: inout [String],
        depth: Int
    ) -> Int {
        let end = text.endIndex
        var index = start + 1
        guard index < end else {
            output.append(ByteClass.dollar)
            return index
        }
        if ByteClass.isNameByte(text[index]) {
            while index < end, ByteClass.isNameByte(text[index]) { index += 1 }
            let name = String(decoding: text[(start + 1)..<index], as: UTF8.self)
            plain(name, raw: text[start..<index], into: &output, problems: &problems)
            return index
        }
        guard text[index] == UInt8(ascii: "{") else {
            output.append(ByteClass.dollar)
            return index
        }
        index += 1
        let nameStart = index
        while index < end, ByteClass.isNameByte(text[index]) { index += 1 }
        let name = String(decoding: text[nameStart..<index], as: UTF8.self)
        let close = matchingBrace(text, from: index)
        let raw = text[start..<min(close + 1, end)]
        guard close < end else {
            problems.append("unterminated variable reference \(String(decoding: raw, as: UTF8.self))")
            return end
        }
        guard !name.isEmpty else {
            problems.append("bad substitution \(String(decoding: raw, as: UTF8.self))")
            return close + 1
        }
        if index == close {
            plain(name, raw: raw, into: &output, problems: &problems)
            return close + 1
        }
        var operatorEnd = index + 1
        let colon = text[index] == UInt8(ascii: ":")
        if colon, operatorEnd < close { operatorEnd += 1 }
        let operation = text[operatorEnd - 1]
        let word = text[operatorEnd..<close]
        let lookedUp = lookup(name)
        if keepsUnsetReferences, case .unset = lookedUp {
            output.append(contentsOf: raw)
            return close + 1
        }
        var value: String?
        if case .value(let found) = lookedUp { value = found }
        let isUsable = colon ? !(value ?? "").isEmpty : value != nil
        switch operation {
        case UInt8(ascii: "-"):
            if isUsable, let value {
                output.append(contentsOf: value.utf8)
            } else {
                expand(word, into: &output, problems: &problems, depth: depth + 1)
            }
        case UInt8(ascii: "+"):
            if isUsable { expand(word, into: &output, problems: &problems, depth: depth + 1) }
        case UInt8(ascii: "?"):
            if isUsable, let value {
                output.append(contentsOf: value.utf8)
            } else {
                problems.append("\(name) is required: \(String(decoding: word, as: UTF8.self))")
            }
        default:
            problems.append("unsupported substitution \(String(decoding: raw, as: UTF8.self))")
        }
        return close + 1
    }

    private func plain(
        _ name: String, raw: ArraySlice<UInt8>, into output: inout [UInt8], problems: inout [String]
    ) {
        switch lookup(name) {
        case .value(let value): output.append(contentsOf: value.utf8)
        case .unset(let reason):
            if keepsUnsetReferences {
                output.append(contentsOf: raw)
            } else {
                problems.append(reason)
            }
        }
    }

    /// The index of the `}` closing the reference whose body starts at `from`, or the end.
    private func matchingBrace(_ text: ArraySlice<UInt8>, from: Int) -> Int {
        var depth = 0
        var index = from
        while index < text.endIndex {
            let byte = text[index]
            if byte == escape {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                if depth == 0 { return index }
                depth -= 1
            }
            index += 1
        }
        return text.endIndex
    }
}
