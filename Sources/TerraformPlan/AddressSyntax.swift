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
        var result: [Segment] = []
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first {
            if first == "." {
                scalars = scalars.dropFirst()
                continue
            }
            if first == "[" {
                guard let (segment, rest) = bracket(scalars.dropFirst()) else { return nil }
                result.append(segment)
                scalars = rest
                continue
            }
            var name = String.UnicodeScalarView()
            while let next = scalars.first, next != ".", next != "[" {
                name.append(next)
                scalars = scalars.dropFirst()
            }
            result.append(.name(String(name)))
        }
        return result
    }

    /// Reads the inside of `[...]` after the opening bracket.
    private static func bracket(
        _ text: Substring.UnicodeScalarView
    ) -> (Segment, Substring.UnicodeScalarView)? {
        var scalars = text
        if scalars.first == "\"" {
            scalars = scalars.dropFirst()
            var key = String.UnicodeScalarView()
            while let next = scalars.first {
                scalars = scalars.dropFirst()
                if next == "\\" {
                    guard let escaped = scalars.first else { return nil }
                    scalars = scalars.dropFirst()
                    key.append(escaped == "n" ? "\n" : escaped)
                } else if next == "\"" {
                    guard scalars.first == "]" else { return nil }
                    return (.key(.string(String(key))), scalars.dropFirst())
                } else {
                    key.append(next)
                }
            }
            return nil
        }
        var content = String.UnicodeScalarView()
        while let next = scalars.first, next != "]" {
            content.append(next)
            scalars = scalars.dropFirst()
        }
        guard scalars.first == "]" else { return nil }
        let text = String(content)
        let segment: Segment = Int(text).map { .key(.int($0)) } ?? .splat
        return (segment, scalars.dropFirst())
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

    /// The module instance address (`module.a["x"].module.b[0]`).
    static func instanceAddress(_ steps: [ModuleStep]) -> String {
        steps.map(\.text).joined(separator: ".")
    }

    /// Removes a trailing instance key: `aws_s3_bucket.b[0]` becomes `aws_s3_bucket.b`.
    static func baseAddress(_ address: String) -> String {
        guard address.hasSuffix("]"), let segments = segments(address), case .key = segments.last,
            let open = lastKeyBracket(address)
        else { return address }
        return String(address[..<open])
    }

    /// The position of the `[` that opens the final key of an address.
    private static func lastKeyBracket(_ address: String) -> String.Index? {
        // Scan forward so brackets inside quoted keys are skipped.
        var inQuotes = false
        var escaped = false
        var lastOpen: String.Index?
        var index = address.startIndex
        while index < address.endIndex {
            let character = address[index]
            if inQuotes {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inQuotes = false
                }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "[" {
                lastOpen = index
            }
            index = address.index(after: index)
        }
        return lastOpen
    }

    /// Joins a module instance address and a module-relative address.
    static func join(_ moduleAddress: String, _ local: String) -> String {
        moduleAddress.isEmpty ? local : moduleAddress + "." + local
    }
}
