/// Writes scalars for YAML-like output (`palisade config`, `palisade explain`) that reads back
/// as the same value: plain when unambiguous, double-quoted otherwise.
public enum YAMLText {
    /// Words YAML 1.1 or 1.2 would read as booleans or null when left plain.
    private static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    /// The string as a plain scalar when it cannot be mistaken for anything else, else quoted.
    public static func scalar(_ text: String) -> String {
        let plainSafe =
            !text.isEmpty && !reservedWords.contains(text.lowercased())
            && text.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_./-+".unicodeScalars.contains($0)
            }
            && !(text.first.map { $0.isNumber || $0 == "-" || $0 == "." || $0 == "+" } ?? true)
        return plainSafe ? text : quoted(text)
    }

    /// The string double-quoted, with backslash escapes for quotes, backslashes and controls.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
