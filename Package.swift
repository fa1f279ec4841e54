// swift-tools-version: 6.2
import PackageDescription

/// Every Swift target is built in Swift 6 language mode with warnings treated as errors.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "Palisade",
    platforms: [.macOS(.v15)],  // Synchronization's Mutex and AtomicLazyReference
    products: [
        .executable(name: "palisade", targets: ["palisade"]),
        .library(name: "PalisadeCore", targets: ["PalisadeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CJSONC",
            pkgConfig: "json-c",
            providers: [.apt(["libjson-c-dev"])]
        ),
        // SHA-256 blocks on the processor's SHA instructions, for fingerprints.
        .target(name: "CSHA256"),
        // The parsed JSON tree: 16-byte nodes and side-by-side members in arenas.
        .target(name: "CJSONTree"),
        // Byte-order marks and UTF-16/32 to UTF-8, for every text input.
        .target(name: "TextDecoding", swiftSettings: strict),
        .target(
            name: "JSON", dependencies: ["CJSONC", "CJSONTree", "Parallel", "TextDecoding"],
            swiftSettings: strict),
        .target(name: "Parallel", swiftSettings: strict),
        // The plan model reads what the `.tf` says a plan cannot (``HCLBuiltValue``).
        .target(
            name: "TerraformPlan", dependencies: ["JSON", "Parallel", "TerraformSource"],
            swiftSettings: strict),
        .target(name: "Dockerfile", dependencies: ["TextDecoding"], swiftSettings: strict),
        .target(name: "TerraformSource", dependencies: ["JSON"], swiftSettings: strict),
        .target(name: "Policy", dependencies: ["JSON", "Yams"], swiftSettings: strict),
        .target(
            name: "PalisadeCore",
            dependencies: [
                "CSHA256", "JSON", "Parallel", "TerraformPlan", "TerraformSource", "Dockerfile", "Policy",
                "TextDecoding", "Yams",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Reporters", dependencies: ["PalisadeCore", "JSON", "Parallel"], swiftSettings: strict),
        // Writes the embedded pack and the rule docs: the CLI's generate commands and the tests.
        .target(
            name: "PackGeneration", dependencies: ["PalisadeCore", "Policy", "JSON"], swiftSettings: strict),
        .executableTarget(
            name: "palisade",
            dependencies: [
                "PalisadeCore", "Reporters", "PackGeneration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Locations of the repository and ../shared, and a seedable generator, for every test target.
        .target(name: "TestMaterial", path: "Tests/TestMaterial", swiftSettings: strict),
        .testTarget(
            name: "JSONTests", dependencies: ["JSON", "TextDecoding", "TestMaterial"], swiftSettings: strict),
        .testTarget(
            name: "ParallelTests", dependencies: ["Parallel", "TestMaterial"], swiftSettings: strict),
        .testTarget(
            name: "TerraformPlanTests", dependencies: ["TerraformPlan", "JSON", "TestMaterial"],
            exclude: ["Fixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "TerraformSourceTests", dependencies: ["TerraformSource", "JSON", "TestMaterial"],
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "DockerfileTests", dependencies: ["Dockerfile", "TestMaterial"], swiftSettings: strict),
        .testTarget(
            name: "PolicyTests", dependencies: ["Policy", "TestMaterial"], exclude: ["RuleFile/Samples"],
            swiftSettings: strict),
        .testTarget(
            name: "PalisadeCoreTests",
            dependencies: [
                "PalisadeCore", "PackGeneration", "TerraformSource", "TestMaterial", "TextDecoding",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ReportersTests", dependencies: ["Reporters", "PalisadeCore", "Policy", "TestMaterial"],
            exclude: ["Golden", "Fixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "PalisadeCLITests", dependencies: ["palisade", "TestMaterial"], swiftSettings: strict),
    ]
)
