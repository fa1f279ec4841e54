import Foundation
import JSON
import TestMaterial
import Testing

@testable import TerraformSource

/// Reads configuration files from disk for the locator.
struct DiskFiles: ConfigurationFiles {
    func entries(of directory: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: directory)
    }

    func contents(of path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}

/// Configuration files held in memory, by path.
struct MemoryFiles: ConfigurationFiles {
    var files: [String: String]

    func entries(of directory: String) -> [String]? {
        let prefix = directory == "." ? "" : directory + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count)) }
    }

    func contents(of path: String) -> [UInt8]? { files[path].map { Array($0.utf8) } }
}

@Suite("Locating plan resources in the configuration")
struct SourceLocatorTests {
    static let project = TestMaterial.repositoryRoot
        .appendingPathComponent("Tests/TerraformSourceTests/Fixtures/project").path

    private func planRoot() throws -> JSONDocument {
        try JSONDocument.parse(try TestMaterial.bytes(URL(fileURLWithPath: Self.project + "/plan.json")))
    }

    private func locator(withModulesJSON: Bool = true) throws -> SourceLocator {
        let plan = try planRoot()
        let modulesJSON =
            withModulesJSON
            ? FileManager.default.contents(atPath: Self.project + "/.terraform/modules/modules.json").map {
                [UInt8]($0)
            } : nil
        let modules = ModuleDirectories(calls: ModuleCall.calls(inPlan: plan.root), modulesJSON: modulesJSON)
        return SourceLocator(root: Self.project, modules: modules, files: DiskFiles())
    }

    private func line(_ number: Int, of path: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false)[number - 1].description
    }

    @Test("Every resource of the real plan is found at its resource block, modules and instances included")
    func everyPlanResource() throws {
        let plan = try planRoot()
        let locator = try locator()
        let changes = try #require(plan.root["resource_changes"]).elements
        #expect(changes.count == 9)
        for change in changes {
            let address = try #require(change["address"]?.string)
            let type = try #require(change["type"]?.string)
            let name = try #require(change["name"]?.string)
            let match = try #require(try locator.locate(address: address, attribute: nil), "\(address)")
            let text = try line(match.block.line, of: match.block.file)
            let header =
                match.block.file.hasSuffix(".tf.json") ? "\"\(name)\"" : "resource \"\(type)\" \"\(name)\""
            #expect(text.contains(header), "\(address): \(text)")
            #expect(match.block.endLine > match.block.line)
        }
    }

    @Test(
        "Module addresses map to their directories: local, nested local, installed by terraform init",
        arguments: [
            ("module.storage.aws_s3_bucket_acl.this", "modules/storage/main.tf", 9),
            ("module.storage.module.logs.aws_db_instance.logs", "modules/logs/main.tf", 1),
            ("module.vendored.aws_ecr_repository.images", ".terraform/modules/vendored/main.tf", 3),
            (#"aws_security_group.edge["b"]"#, "main.tf", 4),
            ("aws_ebs_volume.disk[1]", "main.tf", 33),
            ("aws_ebs_volume.json_disk", "volumes.tf.json", 4),
        ])
    func moduleDirectories(_ address: String, file: String, line: Int) throws {
        let match = try #require(try locator().locate(address: address, attribute: nil))
        #expect(match.block.file == Self.project + "/" + file)
        #expect(match.block.line == line)
    }

    @Test(
        "Attribute paths land on the attribute's line, nested blocks by position",
        arguments: [
            (#"aws_security_group.edge["a"]"#, "ingress[1].cidr_blocks[0]", "cidr_blocks", 26),
            (#"aws_security_group.edge["a"]"#, "ingress[0].cidr_blocks", "cidr_blocks", 13),
            (#"aws_security_group.edge["a"]"#, "ingress[1]", "ingress {", 21),
            (#"aws_security_group.edge["a"]"#, #"tags["Note"]"#, "tags = {", 15),
            ("aws_ebs_volume.disk[0]", "encrypted", "encrypted", 37),
            (
                "module.vendored.aws_ecr_repository.images", "image_scanning_configuration[0].scan_on_push",
                "scan_on_push", 8
            ),
            ("aws_ebs_volume.json_disk", "encrypted", "\"encrypted\"", 7),
            ("aws_ebs_volume.json_disk", #"tags["Name"]"#, "\"tags\"", 8),
        ])
    func attributes(_ address: String, attribute: String, fragment: String, line: Int) throws {
        let match = try #require(try locator().locate(address: address, attribute: attribute))
        let span = try #require(match.attribute)
        #expect(span.line == line)
        #expect(try self.line(span.line, of: span.file).contains(fragment))
    }

    /// The line `attribute` of `address` is placed on in `files` (a root module without module
    /// calls), with the plan's known values of every block path when given.
    private static func attributeLine(
        _ files: MemoryFiles, _ address: String, _ attribute: String, knownValues: [String: String]?
    ) throws -> Int? {
        let locator = SourceLocator(
            root: ".", modules: ModuleDirectories(calls: [], modulesJSON: nil), files: files)
        return try locator.locate(
            address: address, attribute: attribute, knownValues: knownValues.map { values in { _ in values } }
        )?.attribute?.line
    }

    @Test("Known values pick the one agreeing block; a tie or no agreement falls back to the position")
    func valueMatching() throws {
        let files = MemoryFiles(files: [
            "main.tf": """
            resource "aws_security_group" "s" {
              ingress {
                from_port = 22
                protocol  = "tcp"
              }
              ingress {
                from_port = 443
                protocol  = "tcp"
              }
            }
            """
        ])
        func line(_ values: [String: String]) throws -> Int? {
            try Self.attributeLine(files, "aws_security_group.s", "ingress[0].from_port", knownValues: values)
        }
        #expect(try line(["from_port": "443", "protocol": "tcp"]) == 7)
        #expect(try line(["from_port": "22", "protocol": "tcp"]) == 3)
        #expect(try line(["protocol": "tcp"]) == 3)
        #expect(try line([:]) == 3)
    }

    @Test("Beside a dynamic block, an element no static block matches is placed on the dynamic block")
    func dynamicBesideStatic() throws {
        let files = MemoryFiles(files: [
            "main.tf": """
            resource "aws_security_group" "s" {
              ingress {
                from_port = 443
                to_port   = 443
                protocol  = "6"
              }
              dynamic "ingress" {
                for_each = [22]
                content {
                  from_port = ingress.value
                }
              }
            }
            """
        ])
        func line(_ values: [String: String]?, index: Int = 0) throws -> Int? {
            try Self.attributeLine(
                files, "aws_security_group.s", "ingress[\(index)].cidr_blocks", knownValues: values)
        }
        // The static block, though the plan writes its protocol as tcp.
        #expect(try line(["from_port": "443", "to_port": "443", "protocol": "tcp"]) == 2)
        // Ports that differ from the static block's, or a placeholder whose values are all unknown.
        #expect(try line(["from_port": "22", "to_port": "22", "protocol": "tcp"]) == 7)
        #expect(try line([:]) == 7)
        #expect(try line([:], index: 1) == 7)
        // Without the plan's values, the position decides, as before.
        #expect(try line(nil) == 2)
    }

    @Test("An attribute the configuration does not write leaves the finding on the block")
    func unwrittenAttribute() throws {
        let match = try #require(
            try locator().locate(address: "aws_ebs_volume.disk[0]", attribute: "kms_key_id"))
        #expect(match.attribute == nil)
        #expect(match.span == match.block)
    }

    @Test("A downloaded module's resources are brought in by a module call of the configuration's own files")
    func callSites() throws {
        let locator = try locator()
        let call = try #require(try locator.callSite(of: "module.vendored.aws_ecr_repository.images"))
        #expect(call.block.file == Self.project + "/main.tf")
        #expect(try line(call.block.line, of: call.block.file) == "module \"vendored\" {")
        #expect(call.attribute == nil)
        // Local modules, and the root, are the configuration's own.
        #expect(try locator.callSite(of: "module.storage.module.logs.aws_db_instance.logs") == nil)
        #expect(try locator.callSite(of: "aws_ebs_volume.disk[0]") == nil)
    }

    @Test("Without modules.json a git module has no directory and nothing is guessed; local ones still map")
    func noModulesJSON() throws {
        let locator = try locator(withModulesJSON: false)
        #expect(
            try locator.locate(address: "module.vendored.aws_ecr_repository.images", attribute: nil) == nil)
        // Its module call is still the configuration's own.
        #expect(
            try locator.callSite(of: "module.vendored.aws_ecr_repository.images")?.block.file
                == Self.project + "/main.tf")
        let nested = try locator.locate(
            address: "module.storage.module.logs.aws_db_instance.logs", attribute: nil)
        #expect(nested?.block.file == Self.project + "/modules/logs/main.tf")
    }

    @Test("Addresses that are not resources or providers, or not in the configuration, are not located")
    func notLocated() throws {
        let locator = try locator()
        #expect(try locator.locate(address: "provider.google", attribute: nil) == nil)
        #expect(try locator.locate(address: "aws_s3_bucket.elsewhere", attribute: nil) == nil)
        #expect(try locator.locate(address: "module.gone.aws_s3_bucket.this", attribute: nil) == nil)
        #expect(try locator.locate(address: "output.name", attribute: nil) == nil)
    }

    @Test("A data block is found under its data address only")
    func dataBlocks() throws {
        let files = MemoryFiles(files: [
            "main.tf": "data \"aws_ami\" \"x\" {\n  owners = [\"self\"]\n}\nresource \"aws_ami\" \"x\" {\n}\n"
        ])
        let locator = SourceLocator(
            root: ".", modules: ModuleDirectories(calls: [], modulesJSON: nil), files: files)
        #expect(try locator.locate(address: "data.aws_ami.x", attribute: "owners")?.attribute?.line == 2)
        #expect(try locator.locate(address: "aws_ami.x", attribute: nil)?.block.line == 4)
    }

    @Test("Provider configurations are found by name and alias, in modules too")
    func providers() throws {
        let files = MemoryFiles(files: [
            "main.tf": """
            provider "aws" {
              region = "us-east-1"
            }
            provider "aws" {
              alias      = "west"
              access_key = "x"
            }
            """,
            "modules/legacy/main.tf": "provider \"aws\" {\n  region = \"us-east-2\"\n}\n",
        ])
        let modules = ModuleDirectories(
            calls: [ModuleCall(name: "legacy", source: "./modules/legacy")], modulesJSON: nil)
        let locator = SourceLocator(root: ".", modules: modules, files: files)
        #expect(try locator.locate(address: "provider.aws", attribute: "region")?.attribute?.line == 2)
        #expect(
            try locator.locate(address: "provider.aws.west", attribute: "access_key")?.attribute?.line == 6)
        #expect(try locator.locate(address: "provider.aws.east", attribute: nil) == nil)
        let legacy = try locator.locate(address: "module.legacy.provider.aws", attribute: nil)
        #expect(legacy?.block.file == "modules/legacy/main.tf")
    }

    @Test("Comment blocks directly above the block and the attribute are collected")
    func comments() throws {
        let files = MemoryFiles(files: [
            "main.tf": """
            # not this one

            # palisade:ignore=AWS-S3-001 reviewed
            // second line
            resource "aws_s3_bucket_acl" "a" {
              bucket = "x" # trailing, not above anything
              # palisade:ignore=AWS-S3-002 also reviewed
              acl = "public-read"
            }
            """
        ])
        let locator = SourceLocator(
            root: ".", modules: ModuleDirectories(calls: [], modulesJSON: nil), files: files)
        let match = try #require(try locator.locate(address: "aws_s3_bucket_acl.a", attribute: "acl"))
        #expect(match.comments.map(\.line) == [3, 4, 7])
        #expect(match.comments[0].text == " palisade:ignore=AWS-S3-001 reviewed")
    }

    @Test("A file that cannot be parsed is an error naming the file and line")
    func malformedFile() {
        let files = MemoryFiles(files: ["a.tf": "resource \"x\" \"y\" {\n  a = \"open\n}\n"])
        let locator = SourceLocator(
            root: ".", modules: ModuleDirectories(calls: [], modulesJSON: nil), files: files)
        #expect(throws: HCLSyntaxError.self) { try locator.locate(address: "x.y", attribute: nil) }
        do {
            _ = try locator.locate(address: "x.y", attribute: nil)
        } catch {
            #expect(error.file == "a.tf" && error.line == 2)
        }
    }

    @Test("A malformed .tf.json file is an error with its line")
    func malformedJSON() {
        #expect(throws: HCLSyntaxError.self) {
            try TerraformJSONReader.parse(Array("{\n \"resource\": {\n ]\n}".utf8), path: "x.tf.json")
        }
        do {
            _ = try TerraformJSONReader.parse(Array("{\n \"resource\": {\n ]\n}".utf8), path: "x.tf.json")
        } catch {
            #expect(error.line == 3)
        }
    }
}
