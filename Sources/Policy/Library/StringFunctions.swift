/// String methods, compared by Unicode code point as CEL does (no canonical equivalence).
enum StringFunctions {
    static let overloads = [
        method("startsWith", signature: "string.startsWith(prefix)") { text, argument, _ in
            .bool(text.unicodeScalars.starts(with: argument.unicodeScalars))
        },
        method("endsWith", signature: "string.endsWith(suffix)") { text, argument, _ in
            .bool(text.unicodeScalars.reversed().starts(with: argument.unicodeScalars.reversed()))
        },
        method("contains", signature: "string.contains(substring)") { text, argument, context in
            guard context.charge(text.utf8.count / 64) else { return context.budgetError }
            return .bool(
                firstRange(of: Array(argument.unicodeScalars), in: Array(text.unicodeScalars), from: 0) != nil
            )
        },
        method("split", signature: "string.split(separator)") { text, separator, context in
            split(text, separator: separator, limit: -1, context: context)
        },
        FunctionOverload("split", style: .method, arity: 2, signature: "string.split(separator, limit)") {
            arguments, context in
            guard case .string(let text) = arguments[0], case .string(let separator) = arguments[1],
                case .int(let limit) = arguments[2]
            else { return mismatch("split", arguments) }
            return split(text, separator: separator, limit: limit, context: context)
        },
        FunctionOverload("join", style: .method, arity: 0, signature: "list.join()") { arguments, context in
            join(arguments, separator: "", context: context)
        },
        FunctionOverload("join", style: .method, arity: 1, signature: "list.join(separator)") {
            arguments, context in
            guard case .string(let separator) = arguments[1] else { return mismatch("join", arguments) }
            return join(arguments, separator: separator, context: context)
        },
        FunctionOverload("lowerAscii", style: .method, arity: 0, signature: "string.lowerAscii()") {
            arguments, _ in
            guard case .string(let text) = arguments[0] else { return mismatch("lowerAscii", arguments) }
            return .string(mapASCII(text, from: UInt8(ascii: "A")...UInt8(ascii: "Z"), offset: 32))
        },
        FunctionOverload("upperAscii", style: .method, arity: 0, signature: "string.upperAscii()") {
            arguments, _ in
            guard case .string(let text) = arguments[0] else { return mismatch("upperAscii", arguments) }
            return .string(mapASCII(text, from: UInt8(ascii: "a")...UInt8(ascii: "z"), offset: -32))
        },
    ]

    /// A string method with one string argument.
    private static func method(
        _ name: String, signature: String,
        _ body: @escaping @Sendable (String, String, EvaluationContext) -> Value
    ) -> FunctionOverload {
        FunctionOverload(name, style: .method, arity: 1, signature: signature) { arguments, context in
            guard case .string(let text) = arguments[0], case .string(let argument) = arguments[1] else {
                return mismatch(name, arguments)
            }
            return body(text, argument, context)
        }
    }

    /// CEL's `join` (strings extension): the strings of the list in `arguments[0]`, separated.
    ///
    /// An unknown or failed element is the result.
    private static func join(_ arguments: [Value], separator: String, context: EvaluationContext) -> Value {
        guard let list = ListView(arguments[0]) else { return mismatch("join", arguments) }
        guard context.charge(list.count) else { return context.budgetError }
        var parts: [String] = []
        parts.reserveCapacity(list.count)
        for index in 0..<list.count {
            switch list[index] {
            case .string(let part): parts.append(part)
            case let undecided where undecided.isUnknown || undecided.isError: return undecided
            case let other:
                return .error("join() needs a list of strings; element \(index) is \(other.typeName)")
            }
        }
        return .string(parts.joined(separator: separator))
    }

    static func mismatch(_ name: String, _ arguments: [Value]) -> Value {
        .error("no overload of \(name)() for (\(arguments.map(\.typeName).joined(separator: ", ")))")
    }

    /// `text` with each byte of `range` moved by `offset`, as `lowerAscii` and `upperAscii` map.
    ///
    /// By bytes: an ASCII letter is one byte, and no byte of a longer UTF-8 sequence is ASCII, so
    /// this is the scalar-by-scalar mapping without appending scalar by scalar.
    static func mapASCII(_ text: String, from range: ClosedRange<UInt8>, offset: Int) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: range.contains) else { return text }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var position = 0
            for byte in utf8 {
                buffer[position] = range.contains(byte) ? UInt8(Int(byte) + offset) : byte
                position += 1
            }
            return position
        }
    }

    /// The first index at or after `start` where `needle` occurs in `haystack`.
    static func firstRange(
        of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int
    ) -> Int? {
        guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// CEL's `split`: a negative limit splits everywhere, zero yields no parts, `n` at most n parts.
    static func split(_ text: String, separator: String, limit: Int64, context: EvaluationContext) -> Value {
        if limit == 0 { return .list([]) }
        let scalars = Array(text.unicodeScalars)
        let needle = Array(separator.unicodeScalars)
        guard context.charge(scalars.count / 16) else { return context.budgetError }
        var parts: [Value] = []
        if needle.isEmpty {
            // An empty separator splits into single code points; the last part keeps the rest.
            for (index, scalar) in scalars.enumerated() {
                if limit > 0, parts.count == limit - 1 {
                    parts.append(.string(String(String.UnicodeScalarView(scalars[index...]))))
                    return .list(parts)
                }
                parts.append(.string(String(scalar)))
            }
            return .list(parts)
        }
        var start = 0
        while limit < 0 || parts.count < limit - 1,
            let found = firstRange(of: needle, in: scalars, from: start)
        {
            parts.append(.string(String(String.UnicodeScalarView(scalars[start..<found]))))
            start = found + needle.count
        }
        parts.append(.string(String(String.UnicodeScalarView(scalars[start...]))))
        return .list(parts)
    }
}
