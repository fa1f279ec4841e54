import JSON
import Policy

/// Reads the embedded pack's JSON documents (written by `palisade generate-pack`).
extension EmbeddedPack {

    /// One built-in rule file: its path under `policies/` and its root node.
    struct RuleFile {
        let path: String
        /// The rule's `input:` field as written, read before validation to skip other kinds.
        let input: String?
        let entry: JSONValue

        /// The rule's root node; its position table is decoded on each call.
        var root: JSONRuleNode {
            JSONRuleNode(root: entry["content"] ?? entry, marks: entry["marks"]?.string ?? "")
        }
    }

    /// The rules document, parsed once: what a scan needs.
    private static let rulesDocument = parse(rulesJSON)

    /// The examples document, parsed once when `explain` first asks for fixture sources.
    private static let examplesDocument = parse(examplesJSON)

    private static func parse(_ json: StaticString) -> Result<JSONDocument, InputError> {
        json.withUTF8Buffer { buffer in
            Result { () throws(InputError) in
                do throws(JSONParseError) {
                    return try JSONDocument.parse(UnsafeRawBufferPointer(buffer))
                } catch {
                    // Only a hand-edited generated file can get here; the position is in its JSON.
                    throw InputError(
                        file: EmbeddedPackSource.path, line: error.line, column: error.column,
                        message: "the embedded pack is not valid JSON (\(error.message)); run `"
                            + EmbeddedPackSource.command + "`")
                }
            }
        }
    }

    /// SHA-256 over every embedded path and its contents; empty when the document is unreadable.
    static var digest: String {
        (try? rulesDocument.get().root["digest"]?.string) ?? ""
    }

    /// The rule files, in path order.
    static func ruleFiles() throws(InputError) -> [RuleFile] {
        ruleFiles(in: try rulesDocument.get())
    }

    /// The rule files of a document in the embedded pack's shape.
    static func ruleFiles(in document: JSONDocument) -> [RuleFile] {
        document.root["rules"]?.elements.map { entry in
            RuleFile(
                path: entry["path"]?.string ?? "", input: entry["content"]?["input"]?.string, entry: entry)
        } ?? []
    }

    /// The embedded files other than rule files (expectations and fixture sources), by path
    /// relative to `policies/`, in path order.
    static func files() throws(InputError) -> [(path: String, contents: String)] {
        try examplesDocument.get().root["files"]?.elements.map {
            (path: $0["path"]?.string ?? "", contents: $0["contents"]?.string ?? "")
        } ?? []
    }
}
