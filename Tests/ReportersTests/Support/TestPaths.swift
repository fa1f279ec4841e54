import Foundation
import TestMaterial

/// Where the repository and this target's committed test material are.
enum TestPaths {
    /// The repository root (the folder holding Package.swift).
    static let repositoryRoot = TestMaterial.repositoryRoot.path

    /// `Tests/ReportersTests`, relative to the repository root.
    static let targetFolder = "Tests/ReportersTests"

    /// The plan with a sensitive password, a sensitive variable and literal provider credentials.
    static let secretsPlan = targetFolder + "/Fixtures/secrets/plan.json"

    /// The Dockerfile of the golden tests.
    static let goldenDockerfile = targetFolder + "/Fixtures/golden/Dockerfile"

    /// A config with the default settings, named so that no `.palisade.yaml` above the checkout
    /// can change what the tests see.
    static let defaultConfig = targetFolder + "/Fixtures/palisade.yaml"

    /// The committed JSON Schema of the report.
    static let reportSchema = "docs/schemas/report.schema.json"

    /// An absolute path for a path relative to the repository root.
    static func absolute(_ relative: String) -> String {
        repositoryRoot + "/" + relative
    }
}
