import Foundation
import Policy
import Testing

@Suite("Rule pack loading")
struct RulePackLoaderTests {
    @Test("a folder whose name differs from the id is rejected at the id")
    func folderNameMismatch() throws {
        let root = try RuleFileTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try RuleFileTestSupport.writeRule(
            RuleFileTestSupport.customRule(id: "ACME-S3-002"), folder: "ACME-S3-001", in: root)
        let folder = root.appendingPathComponent("ACME-S3-001").path
        #expect {
            _ = try RulePackLoader.loadFolder(folder, origin: .custom)
        } throws: { error in
            guard let diagnostic = (error as? RuleLoadError)?.diagnostics.first else { return false }
            return diagnostic.line == 1 && diagnostic.column == 5
                && diagnostic.file == folder + "/rule.yaml"
                && diagnostic.message.contains("does not match its folder 'ACME-S3-001'")
        }
    }

    @Test("a pack is sorted by folder, skips hidden entries and plain files")
    func sortedAndSkipping() throws {
        let root = try RuleFileTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for id in ["ACME-B-001", "ACME-A-001", "ACME-C-001"] {
            try RuleFileTestSupport.writeRule(RuleFileTestSupport.customRule(id: id), folder: id, in: root)
        }
        try RuleFileTestSupport.writeRule("not: a rule", folder: ".hidden", in: root)
        try "notes".write(to: root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let rules = try RulePackLoader.loadPack(root: root.path, origin: .custom)
        #expect(rules.map(\.id) == ["ACME-A-001", "ACME-B-001", "ACME-C-001"])
    }

    @Test("problems in several folders are all reported")
    func collectsAcrossFolders() throws {
        let root = try RuleFileTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try RuleFileTestSupport.writeRule(
            RuleFileTestSupport.customRule(id: "ACME-A-001").replacingOccurrences(of: "medium", with: "mid"),
            folder: "ACME-A-001", in: root)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("ACME-B-001"), withIntermediateDirectories: true)
        #expect {
            _ = try RulePackLoader.loadPack(root: root.path, origin: .custom)
        } throws: { error in
            guard let error = error as? RuleLoadError else { return false }
            return error.diagnostics.map {
                "\(($0.file as NSString).pathComponents.suffix(2).joined(separator: "/")):\($0.line):\($0.column)"
            }
                == ["ACME-A-001/rule.yaml:4:11", "ACME-B-001/rule.yaml:1:1"]
        }
    }

    @Test("an id defined in two roots is rejected with both places")
    func duplicateAcrossRoots() throws {
        let first = try RuleFileTestSupport.temporaryDirectory()
        let second = try RuleFileTestSupport.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        for root in [first, second] {
            try RuleFileTestSupport.writeRule(
                RuleFileTestSupport.customRule(id: "ACME-A-001"), folder: "ACME-A-001", in: root)
        }
        #expect {
            _ = try RulePackLoader.loadPack(roots: [first.path, second.path], origin: .custom)
        } throws: { error in
            guard let diagnostics = (error as? RuleLoadError)?.diagnostics, diagnostics.count == 1 else {
                return false
            }
            return diagnostics[0].file.hasPrefix(second.path) && diagnostics[0].line == 1
                && diagnostics[0].column == 5
                && diagnostics[0].message.contains(
                    "duplicate rule id 'ACME-A-001'; first defined at \(first.path)")
        }
    }

    @Test("a custom rule may not reuse a built-in id")
    func reservedIDs() throws {
        let root = try RuleFileTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try RuleFileTestSupport.writeRule(
            RuleFileTestSupport.customRule(id: "AWS-S3-001"), folder: "AWS-S3-001", in: root)
        let builtIn = try RulePackLoader.loadPack(root: RuleFileTestSupport.samplesRoot, origin: .builtIn)
        #expect(
            try RulePackLoader.loadPack(root: root.path, origin: .custom, reservedIDs: ["AWS-RDS-001"]).count
                == 1)
        #expect {
            _ = try RulePackLoader.loadPack(
                root: root.path, origin: .custom, reservedIDs: Set(builtIn.map(\.id) + ["AWS-S3-001"]))
        } throws: { error in
            (error as? RuleLoadError)?.diagnostics.first?.message
                == "rule id 'AWS-S3-001' is already used by a built-in rule"
        }
    }

    @Test("a missing root is an error, not an empty pack")
    func missingRoot() {
        #expect(throws: RuleLoadError.self) {
            _ = try RulePackLoader.loadPack(root: "/nonexistent/palisade/policies", origin: .builtIn)
        }
    }
}
