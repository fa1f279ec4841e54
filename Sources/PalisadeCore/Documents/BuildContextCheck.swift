import Dockerfile
import Policy

/// Which key and env files a whole-context copy (`COPY . .`) would bring in, judged from the
/// ignore file of the build context: the Dockerfile's folder.
///
/// As BuildKit does, `<Dockerfile name>.dockerignore` beside the Dockerfile wins over
/// `.dockerignore`. DF012 reads the result as `file.build_context`.
enum BuildContextCheck {
    /// Names of the key and credential files DF012 recognises, one example of each kind, as
    /// they would sit at the context root.
    static let probes = [
        ".env", ".env.production", "id_rsa", "id_ed25519", "server.key", "server.pem", "cert.p12",
        "cert.pfx", ".npmrc", ".pypirc", ".netrc", ".git-credentials", "credentials", "kubeconfig",
        ".aws/credentials", ".ssh/id_rsa", ".docker/config.json", ".kube/config",
    ]

    /// `{directory, ignore_file, checked, not_excluded, summary}` for the Dockerfile at `path`,
    /// or null for standard input, which has no build context.
    static func value(dockerfilePath path: String) -> Value {
        guard path != "-" else { return .null }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let prefix = slash == nil ? "" : directory + "/"
        let candidates = [prefix + name + ".dockerignore", prefix + ".dockerignore"]
        var ignoreFile: String?
        var ignore = DockerIgnore(text: "")
        for candidate in candidates where FileSystem.kind(of: candidate) == .file {
            guard let bytes = try? FileSystem.read(candidate) else { continue }
            ignoreFile = candidate
            ignore = DockerIgnore(text: String(decoding: bytes, as: UTF8.self))
            break
        }
        let notExcluded = probes.filter { !ignore.excludes($0) }
        let checked =
            "\(probes.count) key and env file names at the context root (\(probes.joined(separator: ", ")))"
        // Messages name files by their name in the context, never by an absolute path: a report
        // must read the same in every checkout.
        let ignoreName = ignoreFile.map { String($0.split(separator: "/").last ?? Substring($0)) }
        let summary: String
        if let ignoreFile = ignoreName {
            summary =
                notExcluded.isEmpty
                ? "\(ignoreFile) excludes every one of \(checked)"
                : "\(ignoreFile) does not exclude \(notExcluded.joined(separator: ", ")) (checked "
                    + "\(probes.count) key and env file names at the context root)"
        } else {
            summary =
                "the build context (the Dockerfile's folder) has no \(name).dockerignore or .dockerignore, so key and .env files are copied"
        }
        return .map([
            "directory": .string(directory), "ignore_file": ignoreFile.map(Value.string) ?? .null,
            "checked": .list(probes.map(Value.string)), "not_excluded": .list(notExcluded.map(Value.string)),
            "summary": .string(summary),
        ])
    }
}
