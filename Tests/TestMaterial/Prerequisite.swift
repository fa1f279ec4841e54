import Foundation
import Testing

/// A test's prerequisite that is missing while the tests run in CI, where that is a failure.
public struct MissingPrerequisite: Error, CustomStringConvertible {
    /// What is missing, and how to get it.
    public let description: String
}

extension TestMaterial {
    /// Whether the tests run in CI (`CI=true`), where every prerequisite must be present.
    public static var isContinuousIntegration: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// Whether `python3 -c "import <modules>"` succeeds (`modules` comma-separated).
    public static func pythonCanImport(_ modules: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import " + modules]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Whether python3 has the `jsonschema` package.
    public static let hasJSONSchema = pythonCanImport("jsonschema")
    /// Whether python3 has `jsonschema` and PyYAML.
    public static let hasJSONSchemaAndYAML = pythonCanImport("jsonschema, yaml")
    /// Whether python3 has BuildKit's Dockerfile parser (PyPI `dockerfile`).
    public static let hasBuildKitParser = pythonCanImport("dockerfile")
}

extension Trait where Self == ConditionTrait {
    /// A condition that fails the test in CI and skips it elsewhere when `what` is missing.
    ///
    /// The test runs when `isPresent` holds. Otherwise it fails in CI (`CI=true`) and is skipped
    /// elsewhere, printing what is missing and how to get it either way.
    ///
    /// A test that silently does not run is not green: `scripts/run test` installs the Python
    /// packages, and `../shared` sits beside the repository on the project's machines.
    public static func requires(
        _ what: String, howToGet: String, _ isPresent: @escaping @Sendable () -> Bool
    ) -> Self {
        .enabled("\(what) is missing: \(howToGet)") {
            if isPresent() { return true }
            if TestMaterial.isContinuousIntegration {
                throw MissingPrerequisite(description: "\(what) is missing and CI=true: \(howToGet)")
            }
            return false
        }
    }

    /// Real plans in `../shared/corpus/tfplan`.
    public static var requiresPlanCorpus: Self {
        requires("../shared/corpus/tfplan", howToGet: "check out ../shared beside the repository") {
            TestMaterial.hasPlanCorpus
        }
    }

    /// Real Dockerfiles in `../shared/corpus/dockerfile`.
    public static var requiresDockerfileCorpus: Self {
        requires("../shared/corpus/dockerfile", howToGet: "check out ../shared beside the repository") {
            TestMaterial.hasDockerfileCorpus
        }
    }

    /// `../shared/bench/gen-plan`, which writes large realistic plans.
    public static var requiresPlanGenerator: Self {
        requires("../shared/bench/gen-plan", howToGet: "check out ../shared beside the repository") {
            FileManager.default.fileExists(atPath: TestMaterial.planGenerator.path)
        }
    }

    /// python3 with `jsonschema`.
    public static var requiresJSONSchema: Self {
        requires("python3 with jsonschema", howToGet: "pip install jsonschema (scripts/run test does)") {
            TestMaterial.hasJSONSchema
        }
    }

    /// python3 with `jsonschema` and PyYAML.
    public static var requiresJSONSchemaAndYAML: Self {
        requires(
            "python3 with jsonschema and PyYAML",
            howToGet: "pip install jsonschema pyyaml (scripts/run test does)"
        ) { TestMaterial.hasJSONSchemaAndYAML }
    }

    /// python3 with BuildKit's Dockerfile parser.
    public static var requiresBuildKitParser: Self {
        requires(
            "python3 with the dockerfile package", howToGet: "pip install dockerfile (scripts/run test does)"
        ) {
            TestMaterial.hasBuildKitParser
        }
    }
}
