extension Value {
    /// The text printed for an unknown value, in JSON and in descriptions.
    public static let unknownText = "(known after apply)"

    /// Deterministic JSON text: maps keep their key order, no insignificant whitespace.
    ///
    /// Non-finite doubles print as `null`; an unknown prints as the string
    /// `"(known after apply)"` and an error as `"(error: message)"`, so any value can be shown.
    public var jsonText: String {
        var output = ""
        writeJSON(to: &output, remainingDepth: Value.maximumMaterializedDepth)
        return output
    }

    private func writeJSON(to output: inout String, remainingDepth: Int) {
        guard remainingDepth > 0 else {
            output += "\"(nested too deeply)\""
            return
        }
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += number.isFinite ? Value.formatDouble(number) : "null"
        case .string(let text): Value.writeJSONString(text, to: &output)
        case .unknown: Value.writeJSONString(Value.unknownText, to: &output)
        case .error(let error): Value.writeJSONString("(error: \(error.message))", to: &output)
        case .list, .map, .host:
            if let list = ListView(self) {
                output += "["
                for index in 0..<list.count {
                    if index > 0 { output += "," }
                    list[index].writeJSON(to: &output, remainingDepth: remainingDepth - 1)
                }
                output += "]"
            } else if let map = MapView(self) {
                output += "{"
                for (number, key) in map.keys.enumerated() {
                    if number > 0 { output += "," }
                    Value.writeJSONString(key, to: &output)
                    output += ":"
                    (map.value(forKey: key) ?? .null).writeJSON(
                        to: &output, remainingDepth: remainingDepth - 1)
                }
                output += "}"
            }
        }
    }

    /// Formats a finite double with the shortest digits that read back exactly (`3.0`, `1e+20`).
    static func formatDouble(_ number: Double) -> String {
        number.description
    }

    private static func writeJSONString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}"
                {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
