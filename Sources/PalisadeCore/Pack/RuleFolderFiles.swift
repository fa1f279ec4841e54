/// The files of rule folders that the pack carries: rule files and the readable fixture sources.
///
/// The embedded pack is generated from them, and a custom policy folder is read the same way.
public enum RuleFolderFiles {
    /// Which files of a rule folder are carried.
    ///
    /// The rule and the readable fixture sources are (`explain` shows them as examples). Plan
    /// JSON stays out: it is large and generated.
    static func isEmbedded(_ relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name == "rule.yaml" || name == "expected.yaml" || name.hasSuffix(".tf") || name == "Dockerfile"
    }

    /// The carried files under `policiesDirectory`, as (path relative to it, contents), sorted.
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
    public static func isRuleFile(_ path: String) -> Bool {
        path.hasSuffix("/rule.yaml")
    }
}
