/// Splits Terraform addresses and references into their parts.
///
/// Addresses such as `module.a["x.y"].aws_s3_bucket.b[0]` cannot be split on dots, because keys
/// may contain dots and brackets; this scanner honours quoted keys.
enum AddressSyntax {
    /// One step of an address or reference traversal.
    enum Segment: Equatable {
        /// A name between dots.
        case name(String)
        /// A literal index or key in brackets.
        case key(InstanceKey)
        /// A splat (`[*]`) or any bracket content that is not a literal key.
        case splat
    }

    /// Splits `text` into names and bracketed keys; nil when the text is not a traversal.
    static func segments(_ text: String) -> [Segment]? {
        // Every delimiter is ASCII, so the scan runs over UTF-8 bytes; names and keys are cut
        // at delimiters and so stay valid UTF-8.
        var text = text
        return text.withUTF8 { bytes in segments(bytes) }
    }

    private static func segments(_ bytes: UnsafeBufferPointer<UInt8>) -> [Segment]? {
        var result: [Segment] = []
        let complete = walkSegments(bytes) { extent in
            switch extent {
            case .name(let range):
                result.append(
                    .name(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)))
            case .bracket(let quoted, let content):
                result.append(bracketSegment(bytes, quoted: quoted, content: content))
            }
        }
        return complete ? result : nil
    }

    /// Where one segment lies: a name's bytes, or a bracket's content (between the quotes of a
    /// quoted key, escapes not yet decoded).
    private enum SegmentExtent {
        case name(Range<Int>)
        case bracket(quoted: Bool, content: Range<Int>)
    }

    /// Calls `visit` with each segment of `bytes` in order; false when a bracket does not close
    /// (where ``segments(_:)`` gives nil).
    private static func walkSegments(
        _ bytes: UnsafeBufferPointer<UInt8>, _ visit: (SegmentExtent) -> Void
    ) -> Bool {
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == dot {
                position += 1
                continue
            }
            if byte == openBracket {
                guard let (quoted, content, next) = bracketExtent(bytes, from: position + 1) else {
                    return false
                }
                visit(.bracket(quoted: quoted, content: content))
                position = next
                continue
            }
            let start = position
            while position < bytes.count, bytes[position] != dot, bytes[position] != openBracket {
                position += 1
            }
            visit(.name(start..<position))
        }
        return true
    }

    private static let dot = UInt8(ascii: ".")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// The segment a bracket's content makes: a quoted key with its escapes decoded (only `\n`
    /// is translated; any other escaped character stands for itself), an integer key, or a splat
    /// (`[*]` or any other content).
    private static func bracketSegment(
        _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, content: Range<Int>
    ) -> Segment {
        guard quoted else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[content]), as: UTF8.self)
            return Int(text).map { .key(.int($0)) } ?? .splat
        }
        var key: [UInt8] = []
        var position = content.lowerBound
        while position < content.upperBound {
            var byte = bytes[position]
            // The walk saw every backslash followed by the byte it escapes.
            if byte == backslash {
                position += 1
                byte = bytes[position] == UInt8(ascii: "n") ? UInt8(ascii: "\n") : bytes[position]
            }
            key.append(byte)
            position += 1
        }
        return .key(.string(String(decoding: key, as: UTF8.self)))
    }

    /// One module instance step, such as `module.a["x"]`.
    struct ModuleStep: Equatable {
        let name: String
        let key: InstanceKey?

        var text: String { "module.\(name)" + (key?.description ?? "") }
    }

    /// Parses a module instance address such as `module.a["x"].module.b[0]`; "" is the root.
    ///
    /// Old plans (format 0.1) wrote provider keys with bare call names (`vpc:aws`); a step
    /// without the `module.` prefix is accepted as a call name for that reason.
    static func moduleSteps(_ address: String) -> [ModuleStep]? {
        guard !address.isEmpty else { return [] }
        guard let segments = segments(address) else { return nil }
        var steps: [ModuleStep] = []
        var index = 0
        while index < segments.count {
            guard case .name(let first) = segments[index] else { return nil }
            var name = first
            if first == "module", index + 1 < segments.count, case .name(let callName) = segments[index + 1] {
                name = callName
                index += 1
            }
            index += 1
            var key: InstanceKey?
            if index < segments.count, case .key(let value) = segments[index] {
                key = value
                index += 1
            }
            steps.append(ModuleStep(name: name, key: key))
        }
        return steps
    }

    /// The module path without instance keys (`module.a.module.b`), used to find configuration.
    static func configurationPath(_ steps: [ModuleStep]) -> String {
        steps.map { "module.\($0.name)" }.joined(separator: ".")
    }

    /// The configuration path of a module named by its call names joined with `.` (`a.b` is
    /// `module.a.module.b`, "" the root), as the tables read from the `.tf` key modules.
    static func configurationPath(callNames: String) -> String {
        callNames.isEmpty ? "" : callNames.split(separator: ".").map { "module." + $0 }.joined(separator: ".")
    }

    /// The module instance address (`module.a["x"].module.b[0]`).
    static func instanceAddress(_ steps: [ModuleStep]) -> String {
        steps.map(\.text).joined(separator: ".")
    }

    /// Removes a trailing instance key: `aws_s3_bucket.b[0]` becomes `aws_s3_bucket.b`.
    static func baseAddress(_ address: String) -> String {
        guard address.hasSuffix("]"), endsWithKey(address), let open = lastKeyBracket(address)
        else { return address }
        return String(address[..<open])
    }

    /// Whether ``segments(_:)`` splits `text` and its last segment is a key, decided without
    /// building the segments: every resource's base address asks, and building them (a string
    /// per name and key) cost 4,800 instructions per address.
    static func endsWithKey(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var last: SegmentExtent?
            guard walkSegments(bytes, { last = $0 }), case .bracket(let quoted, let content)? = last else {
                return false
            }
            guard case .key = bracketSegment(bytes, quoted: quoted, content: content) else { return false }
            return true
        }
    }

    /// Reads the inside of `[...]` from just after the opening bracket: whether it is a quoted
    /// key, its content (between the quotes of one), and the position after the closing
    /// bracket; nil when the bracket does not close, or a quoted key is not followed by `]`.
    private static func bracketExtent(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (quoted: Bool, content: Range<Int>, next: Int)? {
        var position = start
        if position < bytes.count, bytes[position] == quote {
            position += 1
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if byte == backslash {
                    guard position < bytes.count else { return nil }
                    position += 1
                } else if byte == quote {
                    guard position < bytes.count, bytes[position] == closeBracket else { return nil }
                    return (true, start + 1..<position - 1, position + 1)
                }
            }
            return nil
        }
        while position < bytes.count, bytes[position] != closeBracket { position += 1 }
        guard position < bytes.count else { return nil }
        return (false, start..<position, position + 1)
    }

    /// The position of the `[` that opens the final key of an address.
    private static func lastKeyBracket(_ address: String) -> String.Index? {
        // Scan forward so brackets inside quoted keys are skipped.
        var inQuotes = false
        var escaped = false
        var lastOpen: String.Index?
        let utf8 = address.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if inQuotes {
                if escaped {
                    escaped = false
                } else if byte == backslash {
                    escaped = true
                } else if byte == quote {
                    inQuotes = false
                }
            } else if byte == quote {
                inQuotes = true
            } else if byte == openBracket {
                lastOpen = index
            }
            index = utf8.index(after: index)
        }
        return lastOpen
    }

    /// Joins a module instance address and a module-relative address.
    static func join(_ moduleAddress: String, _ local: String) -> String {
        moduleAddress.isEmpty ? local : moduleAddress + "." + local
    }
}
