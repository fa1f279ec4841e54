/// Reads the block and attribute structure of Terraform's JSON syntax (`.tf.json` files).
///
/// The JSON layer does not report where a value is, so this is a small scanner that
/// keeps every member's line. Terraform's JSON syntax cannot tell a nested block from a map
/// attribute without the provider schema, so an object member is recorded as both: an
/// attribute at its key's line and, when its value is an object or a list of objects, as
/// blocks whose bodies hold their own members.
public enum TerraformJSONReader {
    /// Parses a `.tf.json` file's bytes; `path` names it in the result and in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(HCLSyntaxError) -> HCLFile {
        var scanner = PositionedJSONScanner(bytes: bytes, file: path)
        let root = try scanner.document()
        guard case .object(let members) = root.value else {
            throw HCLSyntaxError(
                file: path, line: root.line, column: 1, message: "a .tf.json file must hold a JSON object")
        }
        var body = HCLBody()
        for member in members {
            if member.key == "locals" {
                body.blocks += labeledBodies(member.value, depth: 0).map { _, block in localsBlock(block) }
                continue
            }
            // `"resource": {TYPE: {NAME: {...}}}`, each level possibly a list of such objects.
            let labelDepth = member.key == "resource" || member.key == "data" ? 2 : 1
            for (labels, block) in labeledBodies(member.value, depth: labelDepth) {
                body.blocks.append(
                    HCLBlock(
                        type: member.key, labels: labels, line: block.line, endLine: block.endLine,
                        body: Self.body(of: block)))
            }
        }
        // JSON has no comments; `//` members are Terraform's comment convention and not kept.
        return HCLFile(path: path, body: body, comments: [])
    }

    /// A `locals` object as a block without labels whose attributes carry the references of
    /// their values: in JSON syntax, every string is a template.
    private static func localsBlock(_ node: PositionedJSON) -> HCLBlock {
        var body = Self.body(of: node)
        if case .object(let members) = node.value {
            // `body(of:)` gives one attribute per member but `//`, in order: matched by position
            // (a search by name for each member was quadratic in the number of locals).
            for (index, member) in members.filter({ $0.key != "//" }).enumerated()
            where index < body.attributes.count {
                var strings: [String] = []
                collectStrings(member.value, depth: 0, into: &strings)
                body.attributes[index].references = HCLReferences.references(inTemplates: strings)
            }
        }
        return HCLBlock(type: "locals", labels: [], line: node.line, endLine: node.endLine, body: body)
    }

    /// A list of strings as templates (see ``HCLBuiltValue``), when one of them refers to an
    /// attribute; every string of JSON syntax is a template.
    private static func builtValue(of node: PositionedJSON) -> HCLBuiltValue? {
        guard case .array(let elements) = node.value else { return nil }
        let built = HCLBuiltValue.list(
            elements.map { element in
                guard case .string(let text) = element.value else { return nil }
                return HCLTemplates.jsonTemplate(text)
            })
        return built.refersToAttributes ? built : nil
    }

    /// Every string in `node`, keys of objects included (they are templates too).
    private static func collectStrings(_ node: PositionedJSON, depth: Int, into strings: inout [String]) {
        guard depth < 64 else { return }
        switch node.value {
        case .string(let text): strings.append(text)
        case .scalar: break
        case .array(let elements):
            for element in elements { collectStrings(element, depth: depth + 1, into: &strings) }
        case .object(let members):
            for member in members {
                strings.append(member.key)
                collectStrings(member.value, depth: depth + 1, into: &strings)
            }
        }
    }

    /// The bodies under `depth` levels of label keys, with those labels.
    private static func labeledBodies(_ node: PositionedJSON, depth: Int) -> [([String], PositionedJSON)] {
        if case .array(let elements) = node.value {
            return elements.flatMap { labeledBodies($0, depth: depth) }
        }
        guard depth > 0 else { return [([], node)] }
        guard case .object(let members) = node.value else { return [] }
        return members.flatMap { member in
            labeledBodies(member.value, depth: depth - 1).map { ([member.key] + $0.0, $0.1) }
        }
    }

    private static func body(of node: PositionedJSON) -> HCLBody {
        var body = HCLBody()
        let objects: [PositionedJSON]
        if case .array(let elements) = node.value { objects = elements } else { objects = [node] }
        for object in objects {
            guard case .object(let members) = object.value else { continue }
            for member in members where member.key != "//" {
                var literal: String?
                if case .string(let text) = member.value.value { literal = text }
                if case .scalar(let text) = member.value.value, text != "null" { literal = text }
                body.attributes.append(
                    HCLAttribute(
                        name: member.key, line: member.keyLine, endLine: member.value.endLine,
                        literal: literal, builtValue: builtValue(of: member.value)))
                switch member.value.value {
                case .object:
                    body.blocks.append(
                        HCLBlock(
                            type: member.key, labels: [], line: member.keyLine, endLine: member.value.endLine,
                            body: Self.body(of: member.value)))
                case .array(let elements):
                    for element in elements {
                        guard case .object = element.value else { continue }
                        body.blocks.append(
                            HCLBlock(
                                type: member.key, labels: [], line: element.line, endLine: element.endLine,
                                body: Self.body(of: element)))
                    }
                default:
                    break
                }
            }
        }
        return body
    }
}

/// A JSON value with the lines it spans.
struct PositionedJSON {
    /// A member of an object with the line of its key.
    struct Member {
        var key: String
        var keyLine: Int
        var value: PositionedJSON
    }

    enum Value {
        case object([Member])
        case array([PositionedJSON])
        case string(String)
        /// A number, `true`, `false` or `null`, as written.
        case scalar(String)
    }

    var value: Value
    var line: Int
    var endLine: Int
}

/// A strict JSON scanner that records lines; errors carry the file, line and column.
struct PositionedJSONScanner {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private static let maximumDepth = 256

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            lineStart = 3
        }
    }

    private func error(_ message: String) -> HCLSyntaxError {
        HCLSyntaxError(file: file, line: line, column: position - lineStart + 1, message: message)
    }

    mutating func document() throws(HCLSyntaxError) -> PositionedJSON {
        let value = try self.value(depth: 0)
        skipSpace()
        guard position == bytes.count else { throw error("unexpected content after the JSON value") }
        return value
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\n"):
                line += 1
                position += 1
                lineStart = position
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            default:
                return
            }
        }
    }

    private mutating func value(depth: Int) throws(HCLSyntaxError) -> PositionedJSON {
        guard depth < Self.maximumDepth else { throw error("JSON nested too deeply") }
        skipSpace()
        guard position < bytes.count else { throw error("unexpected end of input: expected a JSON value") }
        let startLine = line
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [PositionedJSON.Member] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return PositionedJSON(value: .object([]), line: startLine, endLine: line)
            }
            while true {
                skipSpace()
                let keyLine = line
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw error("expected a quoted member name")
                }
                let key = try string()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw error("expected : after a member name")
                }
                position += 1
                let member = try value(depth: depth + 1)
                members.append(PositionedJSON.Member(key: key, keyLine: keyLine, value: member))
                skipSpace()
                guard position < bytes.count else { throw error("unexpected end of input in an object") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return PositionedJSON(value: .object(members), line: startLine, endLine: line)
                } else {
                    throw error("expected , or } in an object")
                }
            }
        case UInt8(ascii: "["):
            position += 1
            var elements: [PositionedJSON] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return PositionedJSON(value: .array([]), line: startLine, endLine: line)
            }
            while true {
                elements.append(try value(depth: depth + 1))
                skipSpace()
                guard position < bytes.count else { throw error("unexpected end of input in an array") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return PositionedJSON(value: .array(elements), line: startLine, endLine: line)
                } else {
                    throw error("expected , or ] in an array")
                }
            }
        case UInt8(ascii: "\""):
            let text = try string()
            return PositionedJSON(value: .string(text), line: startLine, endLine: line)
        default:
            let text = try literal()
            return PositionedJSON(value: .scalar(text), line: startLine, endLine: line)
        }
    }

    /// Reads a string from its opening quote; gives its text with `\"` and `\\` unescaped.
    private mutating func string() throws(HCLSyntaxError) -> String {
        position += 1
        var text: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte < 0x20 { throw error("control character in a string") }
            if byte == UInt8(ascii: "\\") {
                guard position + 1 < bytes.count else { break }
                text.append(bytes[position + 1])
                position += 2
                continue
            }
            text.append(byte)
            position += 1
        }
        throw error("unterminated string")
    }

    /// Reads a number, `true`, `false` or `null`.
    private mutating func literal() throws(HCLSyntaxError) -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            let isLiteralByte =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "E")
            guard isLiteralByte else { break }
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        let isNumber = text.first.map { $0 == "-" || $0.isNumber } ?? false && Double(text) != nil
        guard text == "true" || text == "false" || text == "null" || isNumber else {
            position = start
            throw error("expected a JSON value")
        }
        return text
    }
}
