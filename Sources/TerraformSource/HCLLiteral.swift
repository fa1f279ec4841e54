/// A value written as literals, templates and references: the argument of `jsonencode(...)`
/// as far as it can be read from the text.
public indirect enum HCLLiteral: Sendable, Equatable {
    /// A string: text and resource attribute references (see ``HCLTemplates``).
    case string([HCLTemplatePart])
    /// A number, as written.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// `[a, b]`.
    case tuple([HCLLiteral])
    /// `{ key = value }`, members in the order written.
    case object([HCLLiteralMember])

    /// True when a string anywhere in the value refers to a resource attribute.
    var refersToAttributes: Bool {
        switch self {
        case .string(let parts): HCLTemplates.refersToAttributes(parts)
        case .number, .bool, .null: false
        case .tuple(let elements): elements.contains { $0.refersToAttributes }
        case .object(let members): members.contains { $0.value.refersToAttributes }
        }
    }
}

/// One `key = value` of an ``HCLLiteral`` object.
public struct HCLLiteralMember: Sendable, Equatable {
    /// The key, unquoted.
    public var key: String
    /// The value.
    public var value: HCLLiteral

    /// Creates a member.
    public init(key: String, value: HCLLiteral) {
        self.key = key
        self.value = value
    }
}

/// Reads `jsonencode(...)` expressions whose argument is made of literals, templates and
/// resource attribute references only.
///
/// A plan knows such an expression's value only when every reference in it is known; a policy
/// built around a bucket's ARN (`Resource = "${aws_s3_bucket.b.arn}/*"`) is one unknown string
/// there. All or nothing: an argument with anything else in it (a call, a conditional, a
/// variable, a `for` expression) is not read.
enum HCLLiterals {
    /// Objects and tuples nested deeper than this are not read.
    static let maximumDepth = 32

    /// The argument of the expression `tokens` (line breaks included) when it is
    /// `jsonencode(LITERAL)`, else nil.
    static func jsonEncodedArgument(_ tokens: [HCLToken]) -> HCLLiteral? {
        var reader = Reader(tokens: tokens)
        reader.skipNewlines()
        guard reader.take(.identifier, "jsonencode"), reader.take(.open, "("),
            let value = reader.value(depth: 0)
        else { return nil }
        reader.skipNewlines()
        guard reader.take(.close, ")") else { return nil }
        reader.skipNewlines()
        return reader.isAtEnd ? value : nil
    }

    private struct Reader: HCLTokenCursor {
        let tokens: [HCLToken]
        var index = 0

        mutating func value(depth: Int) -> HCLLiteral? {
            skipNewlines()
            guard depth < HCLLiterals.maximumDepth, let token = current else { return nil }
            switch token.kind {
            case .open where token.text == "{": return object(depth: depth)
            case .open where token.text == "[": return tuple(depth: depth)
            case .quotedString:
                index += 1
                return HCLTemplates.quotedTemplate(token.text).map { .string($0) }
            case .number:
                index += 1
                return .number(token.text)
            case .identifier:
                switch token.text {
                case "true", "false":
                    index += 1
                    return .bool(token.text == "true")
                case "null":
                    index += 1
                    return .null
                default:
                    return takeAttributeTraversal().map { .string([.reference($0)]) }
                }
            default:
                return nil
            }
        }

        mutating func object(depth: Int) -> HCLLiteral? {
            index += 1
            var members: [HCLLiteralMember] = []
            while true {
                skipNewlines()
                if take(.close, "}") { return .object(members) }
                guard let keyToken = current else { return nil }
                let key: String
                switch keyToken.kind {
                case .identifier: key = keyToken.text
                case .quotedString:
                    guard let parts = HCLTemplates.quotedTemplate(keyToken.text) else { return nil }
                    if parts.isEmpty {
                        key = ""
                    } else if parts.count == 1, case .text(let text) = parts[0] {
                        key = text
                    } else {
                        return nil
                    }
                default: return nil
                }
                index += 1
                guard take(.equals, "=") || take(.symbol, ":"), let value = value(depth: depth + 1) else {
                    return nil
                }
                members.append(HCLLiteralMember(key: key, value: value))
                // A comma or a line break ends a member.
                if !take(.symbol, ",") {
                    guard current?.kind == .newline || (current?.kind == .close && current?.text == "}")
                    else {
                        return nil
                    }
                }
            }
        }

        mutating func tuple(depth: Int) -> HCLLiteral? {
            index += 1
            var elements: [HCLLiteral] = []
            while true {
                skipNewlines()
                if take(.close, "]") { return .tuple(elements) }
                guard let element = value(depth: depth + 1) else { return nil }
                elements.append(element)
                skipNewlines()
                if !take(.symbol, ",") {
                    skipNewlines()
                    guard take(.close, "]") else { return nil }
                    return .tuple(elements)
                }
            }
        }
    }
}
