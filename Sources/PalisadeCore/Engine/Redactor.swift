/// Removes secret values from every string that leaves the engine.
///
/// The plan itself is secret material (RULES.md §3.4): sensitive attributes, root variable
/// values and literal provider credentials are collected per input, and any occurrence of
/// them in a message or quoted line is replaced, whatever path put it there.
public struct Redactor: Sendable {
    /// What replaces a secret.
    public static let replacement = "(sensitive)"
    /// Shorter values are not redacted: they would mangle ordinary text and reveal little.
    static let minimumLength = 4

    private var secrets: [String] = []

    /// An empty redactor.
    public init() {}

    /// Adds a secret value to hide.
    public mutating func add(_ secret: String) {
        guard secret.count >= Self.minimumLength, !secrets.contains(secret) else { return }
        secrets.append(secret)
        secrets.sort { $0.count > $1.count }
    }

    /// True when there is nothing to hide.
    public var isEmpty: Bool { secrets.isEmpty }

    /// `text` with every known secret replaced.
    public func redact(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingAll(secret, with: Self.replacement)
        }
        return result
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
