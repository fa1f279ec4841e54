import JSON
import PalisadeCore
import Policy

/// Converts a rule file's YAML nodes to plain JSON and a table of their positions, for the
/// embedded pack.
///
/// The conversion knows nothing of rule fields: every mapping, list and scalar is copied as it
/// is, so a new rule field is embedded without any change here. The positions are stored apart
/// from the values, four numbers per node in document order (a mapping's key before its value):
/// the node's line and column, then its content's line and column. ``JSONRuleNode`` reads
/// both back, so the embedded pack reports the same positions as the YAML text.
struct RuleNodeEncoder {
    /// The rule file's path, for errors.
    let file: String
    /// The positions, four per node in document order.
    private(set) var marks: [Int] = []

    init(file: String) {
        self.file = file
    }

    /// Writes `node` as JSON and records its positions and those of everything inside it.
    ///
    /// A node JSON cannot hold as it is (a key that is not text, an alias, a YAML type beyond
    /// text, numbers, booleans and null, a number out of range) is an error at its position.
    mutating func encode(_ node: some RuleFileNode, into writer: inout JSONWriter) throws(InputError) {
        let position = node.position
        let content = node.contentPosition
        marks += [position.line, position.column, content.line, content.column]
        switch node.kind {
        case .mapping:
            writer.beginObject()
            for (key, value) in node.entries {
                guard key.kind == .string, let name = key.scalarText else {
                    throw unembeddable(key, "a key that is not text")
                }
                let keyPosition = key.position
                let keyContent = key.contentPosition
                marks += [keyPosition.line, keyPosition.column, keyContent.line, keyContent.column]
                writer.key(name)
                try encode(value, into: &writer)
            }
            writer.endObject()
        case .sequence:
            writer.beginArray()
            for element in node.elements { try encode(element, into: &writer) }
            writer.endArray()
        case .string:
            writer.string(node.scalarText ?? "")
        case .int:
            guard let value = node.intValue else { throw unembeddable(node, "an integer out of range") }
            writer.int(Int64(value))
        case .float:
            guard let value = node.doubleValue, value.isFinite else {
                throw unembeddable(node, "a number JSON cannot hold")
            }
            writer.fractional(value)
        case .bool:
            writer.bool(node.boolValue ?? false)
        case .null:
            writer.null()
        case .alias:
            throw unembeddable(node, "an alias")
        case .otherScalar:
            throw unembeddable(node, "a value of a YAML type other than text, number, boolean or null")
        }
    }

    private func unembeddable(_ node: some RuleFileNode, _ what: String) -> InputError {
        let position = node.position
        return InputError(
            file: file, line: position.line, column: position.column,
            message: "the built-in pack cannot embed \(what); write it as text")
    }
}
