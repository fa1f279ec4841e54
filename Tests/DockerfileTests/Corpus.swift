import Foundation

/// Locates `../shared` beside the repository, derived from this file's path.
enum Corpus {
    /// The repository root (two levels above `Tests/DockerfileTests`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus/dockerfile`.
    static let dockerfileDirectory =
        repositoryRoot
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/dockerfile")

    /// Whether the corpus is present on this machine.
    static let isAvailable = FileManager.default.fileExists(atPath: dockerfileDirectory.path)

    /// Every corpus Dockerfile, sorted by name.
    static func dockerfiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: dockerfileDirectory, includingPropertiesForKeys: nil
        )
        .filter { $0.pathExtension == "Dockerfile" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The bytes of `url`.
    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
