import JSON

/// A known attribute value, redacted wherever the plan marks it sensitive.
///
/// Printing (`description`, ``redactedText``) replaces every sensitive part with `(sensitive)`.
/// ``json`` is nil when any part is sensitive; the raw value is reachable only through
/// ``unredactedJSONForEvaluation``, whose name says what it is for.
public struct AttributeValue: Sendable, CustomStringConvertible {
    /// The text that stands in for a sensitive value.
    public static let redactionMarker = "(sensitive)"

    private let raw: JSONValue
    private let sensitiveMark: JSONValue?
    /// True when this value itself is sensitive (marked, or inside a marked value).
    public let isSensitive: Bool
    /// True when the value was taken from a `constant_value` in configuration, because the plan
    /// leaves it unknown until apply.
    public let isFromConfiguration: Bool

    init(raw: JSONValue, sensitiveMark: JSONValue?, isSensitive: Bool, isFromConfiguration: Bool) {
        self.raw = raw
        self.sensitiveMark = sensitiveMark
        self.isSensitive = isSensitive || sensitiveMark?.bool == true
        self.isFromConfiguration = isFromConfiguration
    }

    /// True when the value or any part of it is sensitive.
    public var containsSensitive: Bool { isSensitive || SensitivityMarks.containsTrue(sensitiveMark?.node) }

    /// The JSON value, or nil when any part of it is sensitive.
    public var json: JSONValue? { containsSensitive ? nil : raw }

    /// The JSON value including sensitive parts: for evaluating policy expressions only, never
    /// for output.
    public var unredactedJSONForEvaluation: JSONValue { raw }

    /// The value's JSON type.
    public var kind: JSONValue.Kind { raw.kind }

    /// Compact JSON with sensitive parts replaced by `"(sensitive)"`; a wholly sensitive value
    /// is the bare marker `(sensitive)`.
    public var redactedText: String {
        if isSensitive { return Self.redactionMarker }
        var writer = JSONWriter(indent: 0)
        Self.write(raw, mark: sensitiveMark, depth: 0, into: &writer)
        return writer.text
    }

    /// The same as ``redactedText``.
    public var description: String { redactedText }

    private static func write(_ value: JSONValue, mark: JSONValue?, depth: Int, into writer: inout JSONWriter)
    {
        if mark?.bool == true || depth > JSONDocument.defaultMaximumDepth {
            writer.string(redactionMarker)
            return
        }
        switch value.kind {
        case .array:
            writer.beginArray()
            for (index, element) in value.elements.enumerated() {
                write(element, mark: mark?[index], depth: depth + 1, into: &writer)
            }
            writer.endArray()
        case .object:
            writer.beginObject()
            value.forEachMember { key, member in
                writer.key(key)
                write(member, mark: mark?[key], depth: depth + 1, into: &writer)
            }
            writer.endObject()
        default:
            writer.value(value)
        }
    }
}

/// Reading `after_sensitive` / `after_unknown` style marks, which mirror a value's shape with
/// `true` where the mark applies.
enum SensitivityMarks {
    /// True when `mark` is `true` or contains a `true` at any depth.
    static func containsTrue(_ mark: JSONNode?, depth: Int = 0) -> Bool {
        guard let mark, depth <= JSONDocument.defaultMaximumDepth else { return false }
        switch mark.kind {
        case .bool: return mark.bool == true
        case .array: return (0..<mark.count).contains { containsTrue(mark[$0], depth: depth + 1) }
        case .object:
            var found = false
            mark.forEachMember { _, member in
                if !found, containsTrue(member, depth: depth + 1) { found = true }
            }
            return found
        default: return false
        }
    }
}
