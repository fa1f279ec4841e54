import Foundation
import Testing

@testable import PalisadeCore

/// hadolint as an oracle for DF020's fixtures.
///
/// Every line its pinning rules flag must be a DF020 failure too. DF020 may flag more (forwarders such as `xx-apt-get`, Git tags, `name-17-x`
/// rpm names), which the rule's fixtures state line by line.
@Suite("hadolint oracle")
struct HadolintOracleTests {
    /// hadolint's version-pinning rules that DF020 lists as equivalents.
    static let pinningCodes: Set<String> = [
        "DL3008", "DL3013", "DL3016", "DL3018", "DL3028", "DL3033", "DL3037", "DL3041", "DL3062",
    ]

    static let hadolint: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":").map { "\($0)/hadolint" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The lines hadolint flags with a pinning rule.
    func flaggedLines(_ dockerfile: String, hadolint: String) throws -> Set<Int> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: hadolint)
        process.arguments = ["-f", "json", "--no-fail", dockerfile]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return Set(
            entries.filter { Self.pinningCodes.contains($0["code"] as? String ?? "") }.compactMap {
                $0["line"] as? Int
            })
    }

    @Test(
        "Every line hadolint's pinning rules flag in DF020's fixtures is a DF020 failure",
        .enabled(if: hadolint != nil))
    func df020CoversHadolint() throws {
        let folder = RepositoryPaths.policies + "/DF020"
        let expectations = try FixtureExpectations.parse(
            try String(contentsOfFile: folder + "/expected.yaml", encoding: .utf8), file: "expected.yaml")
        var compared = 0
        for expectation in expectations {
            let flagged = try flaggedLines(
                folder + "/fixtures/\(expectation.name)/Dockerfile", hadolint: try #require(Self.hadolint))
            let failing = Set(
                expectation.outcomes.filter { $0.outcome == .fail }.compactMap {
                    Int($0.subject.dropFirst("line ".count))
                })
            #expect(
                flagged.isSubset(of: failing),
                "\(expectation.name): hadolint flags \(flagged.subtracting(failing).sorted())")
            compared += flagged.count
        }
        #expect(
            compared >= 10, "hadolint flagged only \(compared) lines; is it the hadolint this test expects?")
    }
}
