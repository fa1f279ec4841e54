import Foundation

/// Where the repository and the shared material beside it (`../shared`: the corpus and the plan
/// generator) are, derived from this file's path, for every test target.
public enum TestMaterial {
    /// The repository root (Tests/TestMaterial/TestMaterial.swift is three levels down).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository (absent in a public clone).
    public static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    /// `../shared/corpus/tfplan`: real plan JSON.
    public static let planCorpus = shared.appendingPathComponent("corpus/tfplan")
    /// `../shared/corpus/dockerfile`: real Dockerfiles.
    public static let dockerfileCorpus = shared.appendingPathComponent("corpus/dockerfile")
    /// `../shared/bench/gen-plan`: writes large realistic plans.
    public static let planGenerator = shared.appendingPathComponent("bench/gen-plan")

    /// Whether the plan corpus is present on this machine.
    public static var hasPlanCorpus: Bool { FileManager.default.fileExists(atPath: planCorpus.path) }
    /// Whether the Dockerfile corpus is present on this machine.
    public static var hasDockerfileCorpus: Bool {
        FileManager.default.fileExists(atPath: dockerfileCorpus.path)
    }

    /// Every corpus plan, sorted by name.
    public static var planFiles: [URL] { files(in: planCorpus, withExtension: "json") }
    /// Every corpus Dockerfile, sorted by name.
    public static var dockerfiles: [URL] { files(in: dockerfileCorpus, withExtension: "Dockerfile") }

    private static func files(in directory: URL, withExtension pathExtension: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix("." + pathExtension) }.sorted().map {
            directory.appendingPathComponent($0)
        }
    }

    /// The bytes of a file.
    public static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    /// A plan from `bench/gen-plan` with `resources` resources.
    public static func generatedPlan(resources: Int) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", planGenerator.path, "--resources", String(resources)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GeneratorFailure(status: process.terminationStatus)
        }
        return Array(data)
    }

    /// `gen-plan` exited with a failure.
    public struct GeneratorFailure: Error {
        /// Its exit status.
        public let status: Int32
    }
}

/// A small, fast, seedable random number generator, so a failing fuzz case replays from its seed.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
