import JSON

/// The key that tells instances of one resource or module block apart.
///
/// `count` gives integer keys (`aws_s3_bucket.b[0]`), `for_each` string keys
/// (`aws_s3_bucket.b["k"]`).
public enum InstanceKey: Sendable, Hashable, CustomStringConvertible {
    /// An index from `count`.
    case int(Int)
    /// A key from `for_each`.
    case string(String)

    /// The key as it appears in an address: `[0]` or `["k"]` (quotes and backslashes escaped).
    public var description: String {
        switch self {
        case .int(let value): return "[\(value)]"
        case .string(let value): return "[\(Self.quoted(value))]"
        }
    }

    /// Reads the `index` member of a plan entry: an integer or a string; nil for anything else.
    init?(json: JSONValue?) {
        guard let json else { return nil }
        if let value = json.int, let int = Int(exactly: value) {
            self = .int(int)
        } else if let value = json.string {
            self = .string(value)
        } else {
            return nil
        }
    }

    static func quoted(_ value: String) -> String {
        var result = "\""
        for character in value.unicodeScalars {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(character)
            }
        }
        return result + "\""
    }
}
