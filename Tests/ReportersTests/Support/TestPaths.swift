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

    /// A real plan whose for_each keys and container names carry markdown, HTML, mentions and
    /// line breaks (Fixtures/hostile/main.tf).
    static let hostilePlan = targetFolder + "/Fixtures/hostile/plan.json"

    /// A Dockerfile with such text in a variable name and image references.
    static let hostileDockerfile = targetFolder + "/Fixtures/hostile/Dockerfile"

    /// Third-party schemas the formats are validated against (see their SOURCES.md).
    static let sarifSchema = "docs/schemas/external/sarif-schema-2.1.0.json"
    static let junitSchema = "docs/schemas/external/junit-10.xsd"
    static let gitlabSchema = "docs/schemas/external/gitlab-codequality.json"

    /// A config with the default settings, named so that no `.palisade.yaml` above the checkout
    /// can change what the tests see.
    static let defaultConfig = targetFolder + "/Fixtures/palisade.yaml"

    /// The committed JSON Schema of the report.
    static let reportSchema = "docs/schemas/report.schema.json"

    /// The committed JSON Schema of the evidence report.
    static let evidenceSchema = "docs/schemas/evidence.schema.json"

    /// An absolute path for a path relative to the repository root.
    static func absolute(_ relative: String) -> String {
        repositoryRoot + "/" + relative
    }
}
