import Foundation
import Policy

/// Paths and helpers shared by the rule-file tests.
enum RuleFileTestSupport {
    /// `Tests/PolicyTests/RuleFile`, derived from this file's location.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The sample rule pack committed beside the tests.
    static let samplesRoot = directory.appendingPathComponent("Samples").path
    /// The repository root (three levels above this directory).
    static let repositoryRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The committed JSON Schema for rule files.
    static let schemaPath = repositoryRoot.appendingPathComponent("docs/schemas/rule.schema.json").path

    /// A fresh temporary directory, removed by the caller with `removeItem`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("palisade-rulefile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `<root>/<folder>/rule.yaml` with `text`.
    static func writeRule(_ text: String, folder: String, in root: URL) throws {
        let directory = root.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try text.write(
            to: directory.appendingPathComponent(RulePackLoader.ruleFileName), atomically: true,
            encoding: .utf8)
    }

    /// A valid custom rule; tests change one line at a time to provoke each error.
    static let validCustomRule = """
        id: ACME-S3-001
        title: Bucket has no owner tag
        description: Buckets must say who owns them.
        severity: medium
        category: access-control
        input: tfplan
        select:
          resources: [aws_s3_bucket]
        assert: has(resource.values.tags.owner)
        message: "{{address}} has no owner tag"
        remediation: Add an owner tag.

        """

    /// `validCustomRule` with an id, for pack tests.
    static func customRule(id: String) -> String {
        validCustomRule.replacingOccurrences(of: "ACME-S3-001", with: id)
    }
}
