import Foundation
import Testing

/// An input the gate must reject with exit 2 and one error line naming it.
struct BadInput: Sendable, CustomStringConvertible {
    /// What is wrong with it.
    let description: String
    /// The path passed on the command line, relative to the scratch directory.
    let path: String
    /// Creates the input inside the scratch directory.
    let make: @Sendable (TemporaryDirectory) throws -> Void

    static let all: [BadInput] = [
        BadInput(description: "empty file", path: "empty.json") { try $0.write("empty.json", "") },
        BadInput(description: "truncated JSON", path: "truncated.json") {
            try $0.write(
                "truncated.json", #"{"format_version":"1.2","planned_values":{"root_module":{"resources":["#)
        },
        BadInput(description: "binary plan (zip)", path: "tfplan") {
            try $0.write("tfplan", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0x00, 0x00, 0xFF, 0xFE])
        },
        BadInput(description: "100,000-deep nesting", path: "deep.json") {
            try $0.write(
                "deep.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        },
        BadInput(description: "invalid UTF-8 in a plan", path: "latin1.json") {
            try $0.write(
                "latin1.json",
                Array(#"{"format_version":"1.2","x":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8))
        },
        BadInput(description: "invalid UTF-8 in a Dockerfile", path: "Dockerfile") {
            try $0.write("Dockerfile", Array("FROM alpine:3.19\nRUN echo ".utf8) + [0xC3, 0x28] + [0x0A])
        },
        BadInput(description: "JSON that is not a plan", path: "package.json") {
            try $0.write("package.json", #"{"name": "app", "version": "1.0.0"}"#)
        },
        BadInput(description: "a plan that names a key twice in one object", path: "twice.json") {
            try $0.write(
                "twice.json",
                #"{"format_version":"1.2","resource_changes":[{"address":"aws_s3_bucket_acl.a","type":"aws_s3_bucket_acl","change":{"actions":["create"],"after":{"acl":"private","acl":"public-read"}}}]}"#
            )
        },
        BadInput(description: "missing file", path: "nowhere.json") { _ in },
        BadInput(description: "directory with no plan", path: "docs") {
            try $0.write("docs/README.md", "# docs\n")
        },
        BadInput(description: "empty directory", path: "nothing") {
            try FileManager.default.createDirectory(
                atPath: $0.path + "/nothing", withIntermediateDirectories: true)
        },
    ]
}

@Suite("Bad input")
struct BadInputTests {
    @Test("scan rejects it with exit 2 and one error line naming the file", arguments: BadInput.all)
    func scanRejects(_ input: BadInput) throws {
        let scratch = try TemporaryDirectory()
        try input.make(scratch)
        for format in ["text", "json"] {
            let result = try CLI.run(["scan", "--format", format, input.path], in: scratch.path)
            #expect(!result.crashed, "\(input) crashed")
            #expect(result.status == 2, "\(input) (\(format)): exit \(result.status)")
            #expect(result.errorLines.count == 1, "\(input) (\(format)): \(result.errorLines)")
            let line = result.errorLines.first ?? ""
            #expect(line.hasPrefix("palisade: \(input.path)"), "\(input) (\(format)): \(line)")
        }
    }

    @Test(
        "parse rejects it the same way",
        arguments: BadInput.all.filter { !["docs", "nothing"].contains($0.path) })
    func parseRejects(_ input: BadInput) throws {
        let scratch = try TemporaryDirectory()
        try input.make(scratch)
        let result = try CLI.run(["parse", "--check", input.path], in: scratch.path)
        #expect(!result.crashed && result.status == 2, "\(input): exit \(result.status)")
        #expect(
            result.errorLines.count == 1
                && result.errorLines.first?.hasPrefix("palisade: \(input.path)") == true)
    }

    @Test("Bad input on standard input is named -")
    func standardInputRejected() throws {
        let result = try CLI.run(["scan", "-"], input: Array(#"{"format_version": "1.2", "#.utf8))
        #expect(result.status == 2)
        #expect(
            result.errorLines.count == 1 && result.errorLines.first?.hasPrefix("palisade: -") == true,
            "\(result.errorLines)")
    }

    @Test("A directory whose only JSON is not a plan is rejected, not scanned clean")
    func directoryOfNonPlanJSON() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("app/package.json", #"{"name": "app"}"#)
        let result = try CLI.run(["scan", "app"], in: scratch.path)
        #expect(
            result.status == 2, "a directory without a plan or Dockerfile scanned with exit \(result.status)")
        #expect(
            result.errorLines.count == 1 && result.errorLines.first?.hasPrefix("palisade: app") == true,
            "\(result.errorLines)")
    }

    @Test("One bad file among good ones still fails closed with exit 2")
    func mixedInputsFailClosed() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("broken.json", "{")
        let result = try CLI.run(
            ["scan", RepositoryPaths.examples + "/docker/Dockerfile", "broken.json"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.errorLines == result.errorLines.filter { $0.hasPrefix("palisade: broken.json") })
        #expect(result.errorLines.count == 1)
    }

    @Test("A repeated key is named with its line and column and where it first appeared")
    func duplicateKeyPosition() throws {
        let directory = try TemporaryDirectory()
        let plan = try directory.write(
            "plan.json",
            "{\"format_version\": \"1.2\", \"resource_changes\": [{\"change\": {\"after\": {\"acl\": \"private\",\n\"acl\": \"public-read\"}}}]}"
        )
        let result = try CLI.run(["scan", plan])
        #expect(result.status == 2)
        #expect(
            result.errorLines == [
                "palisade: \(plan):2:1: duplicate key \"acl\" in one object (first at 1:70); which value counts is ambiguous, and Terraform never writes one"
            ])
    }

    @Test(
        "NaN and numbers json-c cannot hold are refused at their position in a plan",
        arguments: [
            (
                "NaN",
                "1:78: NaN is not a number JSON allows; it compares false with everything, and Terraform never writes one"
            ),
            (
                "1e999",
                "1:78: number 1e999 is out of range: json-c would read it as infinity, and Terraform writes no number a provider cannot hold"
            ),
            (
                "18446744073709551616",
                "1:78: number 18446744073709551616 is out of range: json-c would read it as 18446744073709551615, and Terraform writes no number a provider cannot hold"
            ),
        ])
    func unreadableNumbers(_ number: String, message: String) throws {
        let directory = try TemporaryDirectory()
        let plan = try directory.write(
            "plan.json",
            "{\"format_version\": \"1.2\", \"resource_changes\": [{\"change\": {\"after\": {\"size\": \(number)}}}]}"
        )
        let result = try CLI.run(["scan", plan])
        #expect(result.status == 2)
        #expect(result.errorLines == ["palisade: \(plan):\(message)"])
    }
}
