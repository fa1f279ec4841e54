import TestMaterial

/// Paths in the repository.
enum RepositoryPaths {
    /// The repository root.
    static let root = TestMaterial.repositoryRoot.path

    /// `policies/` in the repository.
    static let policies = root + "/policies"
}
