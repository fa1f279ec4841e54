import Dockerfile
import Policy

/// Domain functions over images and shell commands: image references (DF001-DF006,
/// AWS-ECS-008), and option queries on the simple commands of RUN.
enum DockerfileFunctions {
    static let overloads: [FunctionOverload] =
        [
            FunctionOverload("image_ref", style: .global, arity: 1, signature: "image_ref(string) -> map") {
                args, context in
                guard case .string(let text) = args[0] else { return .error("image_ref expects a string") }
                guard let cache = (context.payload as? EvaluationPayload)?.imageReferences else {
                    return imageReference(text)
                }
                return cache.value(for: HashedText(text)) { imageReference(text) }
            },
            FunctionOverload("is_archive", style: .global, arity: 1, signature: "is_archive(path) -> bool") {
                args, _ in
                guard case .string(let path) = args[0] else { return .bool(false) }
                return .bool(isArchive(path))
            },
            FunctionOverload(
                "flag_value", style: .global, arity: 2,
                signature: "flag_value(command, option) -> string or null"
            ) { args, _ in
                guard let command = command(args[0]), case .string(let name) = args[1] else {
                    return .error("flag_value expects (command, option string)")
                }
                return command.flagValue(name).map(Value.string) ?? .null
            },
        ]
        + (1...7).map { count in
            FunctionOverload(
                "has_flag", style: .global, arity: count + 1,
                signature: "has_flag(command, option, ...) -> bool"
            ) { args, _ in
                guard let command = command(args[0]) else {
                    return .error("has_flag expects a command from instruction.commands")
                }
                let names = args.dropFirst().compactMap(\.stringValue)
                return .bool(command.hasFlag(names, valueOptions: []))
            }
        }

    static func command(_ value: Value) -> SimpleCommand? {
        guard case .host(let host) = value else { return nil }
        return (host as? CommandHostValue)?.command
    }

    /// `{registry, repository, tag, digest, digest_valid, scratch}`, or null when it does not parse.
    static func imageReference(_ text: String) -> Value {
        // Only seven-byte text lowercases to `scratch`: none of its letters is the lower case of
        // a non-ASCII letter, so the length test spares lowercasing every other reference.
        if text.utf8.count == 7, text.lowercased() == "scratch" {
            return .map([
                "registry": .null, "repository": .string("scratch"), "tag": .null, "digest": .null,
                "digest_valid": .bool(false), "scratch": .bool(true),
            ])
        }
        guard let reference = ImageReference.parse(text) else { return .null }
        return .map([
            "registry": .string(reference.registry), "repository": .string(reference.repository),
            "tag": reference.tag.map(Value.string) ?? .null,
            "digest": reference.digest.map(Value.string) ?? .null,
            "digest_valid": .bool(reference.isDigestValid), "scratch": .bool(false),
        ])
    }

    static let archiveSuffixes = [
        ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst",
        ".tar.lz",
        ".tar.lzma", ".tlz", ".tar.z",
    ]

    /// True for the archive formats ADD extracts (DF015).
    static func isArchive(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return archiveSuffixes.contains { lowered.hasSuffix($0) }
    }
}
