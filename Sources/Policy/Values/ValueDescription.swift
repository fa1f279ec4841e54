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
