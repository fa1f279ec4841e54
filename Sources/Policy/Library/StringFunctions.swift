import Foundation

/// String methods, compared by Unicode code point as CEL does (no canonical equivalence).
enum StringFunctions {
    static let overloads = [
        method("startsWith", signature: "string.startsWith(prefix)") { text, argument, _ in
            .bool(text.utf8.starts(with: argument.utf8))
        },
        method("endsWith", signature: "string.endsWith(suffix)") { text, argument, _ in
            .bool(text.utf8.reversed().starts(with: argument.utf8.reversed()))
        },
        method("contains", signature: "string.contains(substring)") { text, argument, context in
            guard context.charge(text.utf8.count / 64) else { return context.budgetError }
            return .bool(containsBytes(text, argument))
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
        var text = text
        let (low, high) = (range.lowerBound, range.upperBound)
        guard let first = text.withUTF8({ $0.firstIndex { $0 >= low && $0 <= high } }) else { return text }
        return text.withUTF8 { source in
            // By pointer, from the first byte to change: index and iterator checks cost about
            // six instructions per byte of a RUN line that DF016 lower-cases.
            guard let start = source.baseAddress else { return "" }
            let shift = UInt8(truncatingIfNeeded: offset)
            return String(unsafeUninitializedCapacity: source.count) { buffer in
                guard let target = buffer.baseAddress else { return 0 }
                target.initialize(from: start, count: source.count)
                for index in first..<source.count {
                    let byte = target[index]
                    if byte >= low && byte <= high { target[index] = byte &+ shift }
                }
                return source.count
            }
        }
    }

    /// Whether `needle` occurs in `haystack`, compared by UTF-8 bytes.
    ///
    /// The same answer as comparing code points (CEL's rule): a Swift string is valid UTF-8, and
    /// in valid UTF-8 no scalar's bytes begin inside another's, so byte sequences match exactly
    /// where code-point sequences do. Decoding both into scalar arrays first cost about 80
    /// instructions per byte of a RUN line (`StringFunctionTests` compares the two).
    static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard text.count >= pattern.count, let textStart = text.baseAddress,
                    let patternStart = pattern.baseAddress
                else { return false }
                // memchr finds each candidate first byte at word speed.
                let last = text.count - pattern.count
                var index = 0
                while index <= last {
                    guard let hit = memchr(textStart + index, Int32(pattern[0]), last - index + 1) else {
                        return false
                    }
                    let found = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - textStart
                    if memcmp(textStart + found, patternStart, pattern.count) == 0 { return true }
                    index = found + 1
                }
                return false
            }
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
