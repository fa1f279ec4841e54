import JSON
import Policy

/// Writes `EmbeddedPack.swift`, the built-in rule pack compiled into the binary as one JSON text.
///
/// A copied `palisade` then works alone. The generated file holds data, not Swift values of the
/// rule types, so changing those types never breaks it (nor the build that regenerates it). It is
/// committed; a test fails when it is stale.
public enum PackGenerator {
    /// The command that regenerates the embedded pack, named by the staleness test.
    public static let command = "swift run palisade generate-pack"
    /// Where the generated file lives, relative to the repository root.
    public static let outputPath = "Sources/PalisadeCore/Pack/EmbeddedPack.swift"

    /// Which files of a rule folder are embedded.
    ///
    /// The rule and the readable fixture sources are (`explain` shows them as examples). Plan JSON stays out: it is large and generated.
    static func isEmbedded(_ relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name == "rule.yaml" || name == "expected.yaml" || name.hasSuffix(".tf") || name == "Dockerfile"
    }

    /// The files to embed under `policiesDirectory`, as (path relative to it, contents), sorted.
    public static func collect(
        policiesDirectory: String
    ) throws(InputError) -> [(path: String, contents: String)] {
        var files: [(path: String, contents: String)] = []
        var stack = [""]
        while let relative = stack.popLast() {
            let directory = relative.isEmpty ? policiesDirectory : policiesDirectory + "/" + relative
            for name in try FileSystem.entries(of: directory).sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                switch FileSystem.kind(of: policiesDirectory + "/" + child) {
                case .directory: stack.append(child)
                case .file where isEmbedded(child):
                    let bytes = try FileSystem.read(policiesDirectory + "/" + child)
                    files.append((child, String(decoding: bytes, as: UTF8.self)))
                default: continue
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Whether a path is a rule file, which the pack stores converted to JSON.
    static func isRuleFile(_ path: String) -> Bool {
        path.hasSuffix("/rule.yaml")
    }

    /// The embedded pack as JSON texts: the rules, and the other files.
    ///
    /// `rules` is `{"digest": ..., "rules": [...]}`: SHA-256 over every path and its contents, and
    /// each rule file's YAML converted to JSON (`content`) with its positions (`marks`, decimal numbers separated by spaces, see
    /// ``RuleNodeEncoder``). `examples` is `{"files": [...]}`, the other files' text, which only
    /// `explain` reads, so a scan never parses it. One entry per line keeps diffs to the rules
    /// changed. A rule file that is not YAML, or holds what JSON cannot, is an error at its
    /// position.
    public static func documents(
        _ files: [(path: String, contents: String)]
    ) throws(InputError) -> (rules: String, examples: String) {
        var digestInput = ""
        for file in files { digestInput += file.path + "\u{0}" + file.contents + "\u{0}" }
        var rules: [String] = []
        var others: [String] = []
        for file in files {
            var writer = JSONWriter(indent: 0)
            writer.beginObject()
            writer.key("path")
            writer.string(file.path)
            if isRuleFile(file.path) {
                let name = "policies/" + file.path
                let root: YAMLRuleNode
                do throws(RuleLoadError) {
                    root = try RuleFileParser.yamlRoot(file.contents, file: name)
                } catch {
                    throw RulePack.inputError(error.diagnostics[0])
                }
                var encoder = RuleNodeEncoder(file: name)
                writer.key("content")
                try encoder.encode(root, into: &writer)
                // One string rather than an array: json-c makes an object of every number, and
                // these thousands of objects were most of the time spent parsing the pack.
                writer.key("marks")
                writer.string(encoder.marks.map { String($0) }.joined(separator: " "))
                writer.endObject()
                rules.append(writer.text)
            } else {
                writer.key("contents")
                writer.string(file.contents)
                writer.endObject()
                others.append(writer.text)
            }
        }
        return (
            "{\"digest\":\"\(SHA256.hex(digestInput))\",\n\"rules\":[\n" + rules.joined(separator: ",\n")
                + "\n]}",
            "{\"files\":[\n" + others.joined(separator: ",\n") + "\n]}"
        )
    }

    /// The Swift source of the embedded pack: ``documents(_:)`` as two string literals.
    public static func render(_ files: [(path: String, contents: String)]) throws(InputError) -> String {
        let (rules, examples) = try documents(files)
        return """
            // Generated by `\(command)` from policies/. Do not edit.
            // swift-format-ignore-file

            /// The built-in rule pack as JSON, read by the extension in `EmbeddedPack+Contents.swift`.
            enum EmbeddedPack {
                /// The rules and the pack's digest, as UTF-8 kept in the binary's read-only data.
                static let rulesJSON: StaticString = \(literal(rules))

                /// The expectations and fixture sources `explain` shows.
                static let examplesJSON: StaticString = \(literal(examples))
            }

            """
    }

    /// A raw multi-line string literal of `json`, with more `#` than any `"#...` or `\\#...` run
    /// in the text.
    private static func literal(_ json: String) -> String {
        var hashes = "#"
        while json.contains("\"" + hashes) || json.contains("\\" + hashes) { hashes += "#" }
        return hashes + "\"\"\"\n" + json + "\n\"\"\"" + hashes
    }
}
