// swift-tools-version: 6.2
import PackageDescription

/// The settings of every fuzz target: parsed as a library, warnings are errors.
///
/// Each target defines `LLVMFuzzerTestOneInput` and libFuzzer supplies `main`; `Fuzz/run`
/// builds them with libFuzzer and AddressSanitizer (`scripts/run fuzz` calls it).
let fuzzTarget: [SwiftSetting] = [
    .unsafeFlags(["-parse-as-library"]),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "PalisadeFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Palisade", path: "..")],
    targets: [
        .executableTarget(
            name: "fuzz-json-differential",
            dependencies: [.product(name: "PalisadeCore", package: "Palisade")],
            path: "Sources/JSONDifferential", swiftSettings: fuzzTarget),
        .executableTarget(
            name: "fuzz-plan",
            dependencies: [.product(name: "PalisadeCore", package: "Palisade")],
            path: "Sources/Plan", swiftSettings: fuzzTarget),
        .executableTarget(
            name: "fuzz-dockerfile",
            dependencies: [.product(name: "PalisadeCore", package: "Palisade")],
            path: "Sources/Dockerfile", swiftSettings: fuzzTarget),
        .executableTarget(
            name: "fuzz-policy-expression",
            dependencies: [.product(name: "PalisadeCore", package: "Palisade")],
            path: "Sources/PolicyExpression", swiftSettings: fuzzTarget),
        .executableTarget(
            name: "fuzz-rule-file",
            dependencies: [.product(name: "PalisadeCore", package: "Palisade")],
            path: "Sources/RuleFile", swiftSettings: fuzzTarget),
        .executableTarget(
            name: "fuzz-config",
            dependencies: [.product(name: "PalisadeCore", package: "Palisade")],
            path: "Sources/Config", swiftSettings: fuzzTarget),
        .executableTarget(
            name: "fuzz-hcl",
            dependencies: [.product(name: "PalisadeCore", package: "Palisade")],
            path: "Sources/HCL", swiftSettings: fuzzTarget),
    ]
)
