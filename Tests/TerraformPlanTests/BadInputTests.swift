import Foundation
import Testing

@testable import TerraformPlan

/// Bad input never crashes and never passes: each yields a one-line error naming the file.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let bytes: [UInt8]
        let messageFragment: String
        let hasPosition: Bool
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty.json", bytes: [], messageFragment: "empty input", hasPosition: true),
        Case(
            name: "truncated.json", bytes: Array(#"{"format_version":"1.2","resource_changes":[{"addr"#.utf8),
            messageFragment: "truncated", hasPosition: true),
        Case(
            name: "tfplan", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0] + Array(repeating: 0, count: 64),
            messageFragment: "terraform show -json", hasPosition: false),
        Case(
            name: "deep.json",
            bytes: Array(repeating: UInt8(ascii: "["), count: 100_000)
                + Array(repeating: UInt8(ascii: "]"), count: 100_000),
            messageFragment: "nesting is too deep", hasPosition: true),
        Case(
            name: "latin1.json",
            bytes: Array(#"{"format_version":"1.2","resource_changes":[],"x":""#.utf8) + [0xE9, 0x22, 0x7D],
            messageFragment: "invalid UTF-8", hasPosition: true),
        Case(
            name: "package.json", bytes: Array(#"{"name":"left-pad","version":"1.3.0"}"#.utf8),
            messageFragment: "other JSON, not a Terraform plan", hasPosition: false),
        Case(
            name: "terraform.tfstate",
            bytes: Array(#"{"version":4,"serial":1,"lineage":"x","resources":[]}"#.utf8),
            messageFragment: "a raw Terraform state file; scan its JSON form instead", hasPosition: false),
        Case(
            name: "future.json", bytes: Array(#"{"format_version":"2.0","resource_changes":[]}"#.utf8),
            messageFragment: "unsupported plan format_version 2.0", hasPosition: false),
        Case(
            name: "broken.json", bytes: Array(#"{"format_version":"1.2","resource_changes":{}}"#.utf8),
            messageFragment: "resource_changes is not a list", hasPosition: false),
        Case(
            name: "array.json", bytes: Array("[1,2]".utf8), messageFragment: "not a Terraform plan",
            hasPosition: false),
    ]

    @Test(arguments: cases)
    func fileYieldsOneLineErrorNamingIt(testCase: Case) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(testCase.name, testCase.bytes)
        do {
            let plan = try loadPlan(path: path)
            Issue.record("loaded \(plan.resources.count) resources from bad input \(testCase.name)")
        } catch {
            let text = error.description
            #expect(text.hasPrefix(path + ":"))
            #expect(!text.contains("\n"))
            #expect(text.contains(testCase.messageFragment), "\(text)")
            #expect((error.line != nil) == testCase.hasPosition)
        }
    }

    @Test func errorKinds() throws {
        func kind(_ text: String) -> PlanLoadError.Kind? {
            do {
                _ = try Plan.load(bytes: Array(text.utf8), path: "x.json")
                return nil
            } catch { return error.kind }
        }
        // A state in `terraform show -json` form is read (as deployed resources); a raw one is not.
        #expect(kind(#"{"format_version":"1.0","values":{}}"#) == nil)
        #expect(kind(#"{"version":4,"serial":1,"lineage":"x","resources":[]}"#) == .notAPlan(.state))
        #expect(kind(#"{"a":1}"#) == .notAPlan(.otherJSON))
        #expect(kind(#"{"format_version":"3.1","planned_values":{}}"#) == .unsupportedVersion("3.1"))
        #expect(kind(#"{"format_version":1.2,"planned_values":{}}"#) == .malformedPlan)
        #expect(kind("{") == .notJSON)
    }

    /// Resources are built in chunks on every core; the plan keeps list order and reports the
    /// first malformed entry, as a single pass would, whichever chunk finishes first.
    @Test func chunkedBuildKeepsOrderAndFirstError() throws {
        func change(_ index: Int, named: Bool = true) -> String {
            let name = named ? #","name":"b\#(index)""# : ""
            return #"{"address":"aws_s3_bucket.b\#(index)","mode":"managed","type":"aws_s3_bucket""#
                + name + #","change":{"actions":["create"],"after":{}}}"#
        }
        func plan(_ changes: [String]) -> [UInt8] {
            Array(
                (#"{"format_version":"1.2","resource_changes":["# + changes.joined(separator: ",") + "]}")
                    .utf8)
        }
        let count = 1_000
        let loaded = try Plan.load(bytes: plan((0..<count).map { change($0) }), path: "many.json")
        #expect(loaded.resources.map(\.address) == (0..<count).map { "aws_s3_bucket.b\($0)" })
        let broken = (0..<count).map { change($0, named: $0 != 700 && $0 != 300) }
        do {
            _ = try Plan.load(bytes: plan(broken), path: "broken.json")
            Issue.record("a plan with nameless resources loaded")
        } catch {
            #expect(error.description.contains("resource_changes[300]"), "\(error)")
        }
    }

    @Test func truncatedJSONReportsLineAndColumn() {
        do {
            _ = try Plan.load(
                bytes: Array("{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [".utf8),
                path: "t.json")
            Issue.record("truncated JSON loaded")
        } catch {
            #expect(error.line == 3)
            #expect(error.column != nil)
            #expect(error.description.hasPrefix("t.json:3:"))
        }
    }
}
