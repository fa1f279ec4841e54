import JSON
import Policy
import Synchronization

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

    /// The rule documents parsed so far, by input kind: a scan parses only the kinds it reads.
    private static let rulesDocuments = Mutex<[String: Result<JSONDocument, InputError>]>([:])

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

    /// The rule files, in path order.
    static func ruleFiles() throws(InputError) -> [RuleFile] {
        try ruleFiles(ofKinds: nil)
    }

    /// The rule files whose `input:` field names one of `inputs` or no kind at all (those are
    /// read so that validation reports them), in path order; all of them when `inputs` is nil.
    static func ruleFiles(for inputs: Set<RuleInput>?) throws(InputError) -> [RuleFile] {
        try ruleFiles(ofKinds: inputs.map { Set($0.map(\.rawValue)).union([""]) })
    }

    private static func ruleFiles(ofKinds kinds: Set<String>?) throws(InputError) -> [RuleFile] {
        var files: [RuleFile] = []
        for (input, json) in rulesJSON where kinds?.contains(input) ?? true {
            let document = rulesDocuments.withLock { parsed in
                if let document = parsed[input] { return document }
                let document = parse(json)
                parsed[input] = document
                return document
            }
            files += ruleFiles(in: try document.get())
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The built-in rule ids, from the rule files' folder names, without parsing a rule.
    static let ruleIDs: Set<String> = rulePaths.withUTF8Buffer { paths in
        Set(
            paths.split(separator: UInt8(ascii: "\n")).map {
                String(decoding: $0.dropLast("/rule.yaml".utf8.count), as: UTF8.self)
            })
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
