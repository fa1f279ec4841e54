import Policy

/// `clean_path(path)`: a slash-separated path in its shortest equivalent form, so that a
/// comparison with a list of sensitive host paths cannot be dodged by spelling (K8S-WKL-005).
enum PathCleaning {
    static let overload = FunctionOverload(
        "clean_path", style: .global, arity: 1, signature: "clean_path(string) -> string"
    ) { args, _ in
        guard case .string(let path) = args[0] else {
            return .error("clean_path expects a string, got \(args[0].typeName)")
        }
        return .string(clean(path))
    }

    /// `path` in its shortest equivalent form.
    ///
    /// Repeated slashes collapse, `.` steps vanish, `..` removes the step before it (and stays
    /// at `/` for an absolute path), and a trailing slash goes: `//etc/../var/run/./docker.sock/`
    /// is `/var/run/docker.sock`. An empty relative result is `.`, as in Go's `path.Clean`.
    static func clean(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var steps: [Substring] = []
        for step in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch step {
            case ".": continue
            case "..":
                if let last = steps.last, last != ".." {
                    steps.removeLast()
                } else if !absolute {
                    steps.append(step)
                }
            default: steps.append(step)
            }
        }
        let joined = steps.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
