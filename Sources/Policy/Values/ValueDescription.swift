extension Value: CustomStringConvertible {
    /// A readable rendering for messages: a string prints bare, anything else as JSON text.
    ///
    /// Message templates use this, so `"{{name}} is open"` reads `web is open`, not `"web" is open`.
    public var description: String {
        switch self {
        case .string(let text): text
        case .unknown(let unknown): Value.describe(unknown)
        case .error(let error): "(error: \(error.description))"
        default: jsonText
        }
    }

    private static func describe(_ unknown: Unknown) -> String {
        let paths = unknown.causes.map(\.path).filter { !$0.isEmpty }
        let references = unknown.references
        var parts: [String] = []
        if !paths.isEmpty { parts.append(paths.joined(separator: ", ")) }
        if !references.isEmpty { parts.append("depends on " + references.joined(separator: ", ")) }
        guard !parts.isEmpty else { return unknownText }
        return "\(unknownText): " + parts.joined(separator: "; ")
    }
}

extension Value {
    /// The value as a person reads it in a finding: strings bare, lists as their elements
    /// separated by commas (`22, 3389`, not `[22,3389]`), an empty list as `(none)`, maps as
    /// JSON text.
    public var messageText: String {
        if case .string(let text) = self { return text }
        guard let list = ListView(self) else { return description }
        guard list.count > 0 else { return "(none)" }
        return (0..<list.count).map { list[$0].messageText }.joined(separator: ", ")
    }
}
