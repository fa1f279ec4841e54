import Foundation
import Testing

/// A gate must not let mistakes through silently: unknown rule ids and missing policy folders.
@Suite("Strict rule selection")
struct StrictSelectionTests {
    static let dockerfile = RepositoryPaths.examples + "/docker/Dockerfile"

    @Test(
        "An unknown id in --only or --skip is a usage error (64) with the closest id",
        arguments: [
            (["--only", "DF0199"], "unknown rule id 'DF0199' in --only; did you mean 'DF019'?"),
            (
                ["--skip", "DF001,AWS-S3-01"],
                "unknown rule id 'AWS-S3-01' in --skip; did you mean 'AWS-S3-001'?"
            ),
            (
                ["--only", "NOPE-RULE-XYZ"],
                "unknown rule id 'NOPE-RULE-XYZ' in --only; `palisade rules` lists them"
            ),
        ])
    func unknownIDs(flags: [String], message: String) throws {
        let result = try CLI.run(["scan"] + flags + [Self.dockerfile])
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.errorLines == ["palisade: " + message], "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("Known ids in any case pass the check")
    func knownIDs() throws {
        let result = try CLI.run(["scan", "--only", "df001", "--skip", "DF002", Self.dockerfile])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test("enable and disable in the config are checked too")
    func configIDs() throws {
        let scratch = try TemporaryDirectory()
        let config = try scratch.write(".palisade.yaml", Array("enable: [DF02O]\ndisable: [DF001]\n".utf8))
        let result = try CLI.run(["scan", "--config", config, Self.dockerfile])
        #expect(result.status == 64, "\(result.standardError)")
        #expect(
            result.errorLines == [
                "palisade: unknown rule id 'DF02O' in `enable` of the config; did you mean 'DF020'?"
            ])
    }

    @Test("Ids of custom policies are known")
    func customIDs() throws {
        let result = try CLI.run([
            "scan", "--policies", RepositoryPaths.examples + "/policies", "--only", "ORG-DF-001",
            Self.dockerfile,
        ])
        #expect(result.status != 64, "\(result.standardError)")
        #expect(!result.standardError.contains("unknown rule id"))
    }

    @Test("--policies naming a missing folder says no such directory and exits 2")
    func missingPolicyFolder() throws {
        let scratch = try TemporaryDirectory()
        let missing = scratch.path + "/nope"
        for command in [["scan", Self.dockerfile], ["rules"]] {
            let result = try CLI.run(command + ["--policies", missing])
            #expect(result.status == 2, "\(command): \(result.standardError)")
            #expect(
                result.errorLines.contains("palisade: \(missing):1:1: no such directory"),
                "\(result.standardError)")
        }
    }
}
