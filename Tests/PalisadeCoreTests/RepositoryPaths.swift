/// Paths of the repository and of the shared test material beside it, derived from this file.
enum RepositoryPaths {
    /// The repository root.
    static let root: String = {
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/")
    }()

    /// `policies/` in the repository.
    static let policies = root + "/policies"

    /// `../shared` beside the repository (absent in a public clone).
    static let shared = root + "/../shared"
}
