import Foundation
import Testing

@testable import PalisadeCore

@Suite("Plan findings located in the .tf source")
struct SourceLocationTests {
    static let project = RepositoryPaths.root + "/Tests/TerraformSourceTests/Fixtures/project"
    /// A config with the default settings, so no `.palisade.yaml` above the checkout applies.
    static let defaultConfig = RepositoryPaths.root + "/Tests/ReportersTests/Fixtures/palisade.yaml"

    /// Every committed plan: the rule fixtures, the example and the module project.
    static var plans: [String] {
        var plans: [String] = []
        let policies = (try? FileSystem.entries(of: RepositoryPaths.policies)) ?? []
        for rule in policies.sorted() {
            let fixtures = RepositoryPaths.policies + "/" + rule + "/fixtures"
            for fixture in ((try? FileSystem.entries(of: fixtures)) ?? []).sorted() {
                let plan = fixtures + "/" + fixture + "/plan.json"
                if FileSystem.kind(of: plan) == .file { plans.append(plan) }
            }
        }
        return plans + [RepositoryPaths.root + "/examples/terraform/plan.json", project + "/plan.json"]
    }

    private func lines(of path: String) throws -> [String] {
        String(decoding: try FileSystem.read(path), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The names an attribute path writes, such as `ingress` and `cidr_blocks`.
    private func names(in attribute: String) -> [String] {
        attribute.split(whereSeparator: { $0 == "." || $0 == "[" || $0 == "]" })
            .map(String.init).filter { name in name.first.map { $0.isLetter || $0 == "_" } ?? false }
    }

    @Test("Every plan finding of the fixtures and examples is on a line holding its block or attribute")
    func everyFindingLine() throws {
        var checked: [String] = []
        for plan in Self.plans {
            let report = Scan.run(
                ScanOptions(paths: [plan], unknown: .warn, configPath: Self.defaultConfig)
            ).0
            #expect(report.errors.isEmpty, "\(plan): \(report.errors)")
            for finding in report.findings {
                guard let address = finding.location.resource else { continue }
                let placed = try #require(finding.location.source, "\(plan): \(address) \(finding.ruleID)")
                // A resource of a downloaded module is placed on its module call, and its line
                // in the module is beside.
                if placed.inModule != nil {
                    let call = try lines(of: placed.file)[placed.line - 1]
                    #expect(
                        call.hasPrefix("module \""), "\(placed.file):\(placed.line) \(call) for \(address)")
                }
                let source =
                    placed.inModule.map { SourceReference(file: $0.file, line: $0.line, endLine: $0.endLine) }
                    ?? placed
                let text = try lines(of: source.file)[source.line - 1]
                let resourceName =
                    address.split(separator: ".").last.map {
                        String($0.prefix { $0 != "[" })
                    } ?? ""
                let isProvider = address.hasPrefix("provider.") || address.contains(".provider.")
                let providerName = address.components(separatedBy: "provider.").last?.split(separator: ".")
                    .first
                let header =
                    (isProvider && text.contains("provider \"\(providerName ?? "")\""))
                    || text.contains("resource \"") && text.contains("\"\(resourceName)\"")
                    || (source.file.hasSuffix(".tf.json") && text.contains("\"\(resourceName)\""))
                let attribute = names(in: finding.location.attribute ?? "").contains {
                    text.contains($0 + " ") || text.contains($0 + "\"") || text.contains("\"\($0)\"")
                }
                #expect(header || attribute, "\(source.file):\(source.line) \(text) for \(address)")
                #expect(source.endLine >= source.line)
                checked.append(address)
            }
        }
        #expect(checked.count > 100)
        for expected in [
            "module.storage.module.logs.aws_db_instance.logs", "module.vendored.aws_ecr_repository.images",
            "aws_ebs_volume.disk[1]", #"aws_security_group.edge["b"]"#, "aws_ebs_volume.json_disk",
            "module.legacy.provider.aws", "provider.aws.west",
        ] {
            #expect(checked.contains(expected), "\(expected) was not among the located findings")
        }
    }

    @Test(
        "A resource of a downloaded module is placed on the module call, with its line in the module beside")
    func downloadedModule() throws {
        let report = Scan.run(
            ScanOptions(paths: [Self.project + "/plan.json"], configPath: Self.defaultConfig)
        ).0
        let mutable = try #require(
            report.findings.first {
                $0.ruleID == "AWS-ECR-001"
                    && $0.location.resource == "module.vendored.aws_ecr_repository.images"
            })
        let source = try #require(mutable.location.source)
        #expect(source.file == Self.project + "/main.tf")
        #expect(try lines(of: source.file)[source.line - 1] == "module \"vendored\" {")
        let inModule = try #require(source.inModule)
        #expect(inModule.file == Self.project + "/.terraform/modules/vendored/main.tf")
        #expect(
            try lines(of: inModule.file)[inModule.line - 1].trimmingCharacters(in: .whitespaces)
                .hasPrefix("image_tag_mutability"))
        // A local module's resources stay where they are written.
        let local = try #require(
            report.findings.first { $0.location.resource?.hasPrefix("module.storage.") == true })
        #expect(local.location.source?.inModule == nil)
        #expect(local.location.source?.file.contains("/modules/") == true)
    }

    @Test(
        "# palisade:ignore= above the module call of a downloaded module suppresses its resources' findings")
    func suppressionAtModuleCall() throws {
        let directory = try ScratchDirectory("module-call-suppression")
        let copy = directory.path + "/project"
        try FileManager.default.copyItem(atPath: Self.project, toPath: copy)
        let main = try String(contentsOfFile: copy + "/main.tf", encoding: .utf8)
        try main.replacingOccurrences(
            of: "module \"vendored\" {",
            with:
                "# palisade:ignore=AWS-ECR-004 images expire by a registry-wide policy\nmodule \"vendored\" {"
        ).write(toFile: copy + "/main.tf", atomically: true, encoding: .utf8)
        let report = Scan.run(ScanOptions(paths: [copy + "/plan.json"], configPath: Self.defaultConfig)).0
        let findings = report.findings.filter {
            $0.location.resource == "module.vendored.aws_ecr_repository.images"
        }
        let lifecycle = try #require(findings.first { $0.ruleID == "AWS-ECR-004" })
        #expect(lifecycle.outcome == .suppressed)
        #expect(lifecycle.suppression?.file == copy + "/main.tf")
        #expect(lifecycle.suppression?.reason == "images expire by a registry-wide policy")
        #expect(findings.first { $0.ruleID == "AWS-ECR-001" }?.outcome == .fail)
    }

    @Test("A finding that names a written attribute is placed on that attribute's line")
    func attributeLine() throws {
        let report = Scan.run(
            ScanOptions(paths: [Self.project + "/plan.json"], configPath: Self.defaultConfig)
        ).0
        let open = try #require(
            report.findings.first {
                $0.ruleID == "AWS-EC2-001" && $0.location.resource == #"aws_security_group.edge["a"]"#
            })
        let source = try #require(open.location.source)
        #expect(source.file == Self.project + "/main.tf")
        // The finding names the open source inside the ingress block (ingress[i].cidr_blocks).
        #expect(open.location.attribute?.hasSuffix(".cidr_blocks") == true)
        let text = try lines(of: source.file)
        #expect(text[source.line - 1].trimmingCharacters(in: .whitespaces).hasPrefix("cidr_blocks"))
        #expect(
            enclosingBlock(of: source.line, in: text).first?.trimmingCharacters(in: .whitespaces)
                == "ingress {")
    }

    /// The lines of the innermost block around the 1-based `line`, from its header to its `}`.
    private func enclosingBlock(of line: Int, in text: [String]) -> ArraySlice<String> {
        var start = line - 1
        var depth = 0
        while start > 0 {
            start -= 1
            let trimmed = text[start].trimmingCharacters(in: .whitespaces)
            if trimmed == "}" { depth += 1 }
            if trimmed.hasSuffix("{") {
                if depth == 0 { break }
                depth -= 1
            }
        }
        var end = line - 1
        depth = 0
        while end < text.count - 1 {
            end += 1
            let trimmed = text[end].trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix("{") { depth += 1 }
            if trimmed == "}" {
                if depth == 0 { break }
                depth -= 1
            }
        }
        return text[start...end]
    }

    @Test("Nested blocks the provider reorders as a set are matched by their values, not their position")
    func reorderedSetBlocks() throws {
        let directory = RepositoryPaths.root + "/Tests/TerraformSourceTests/Fixtures/reordered-set"
        let report = Scan.run(
            ScanOptions(paths: [directory + "/plan.json"], configPath: Self.defaultConfig)
        ).0
        let expectedPorts = ["AWS-EC2-001": "22", "AWS-EC2-003": "5432"]
        #expect(Set(report.findings.map(\.ruleID)) == Set(expectedPorts.keys))
        let text = try lines(of: directory + "/main.tf")
        for finding in report.findings {
            let source = try #require(finding.location.source)
            // The finding is on the open source, inside the ingress block that has its port.
            let block = enclosingBlock(of: source.line, in: text)
            #expect(block.first?.trimmingCharacters(in: .whitespaces) == "ingress {")
            let port = try #require(expectedPorts[finding.ruleID])
            #expect(block.contains { $0.contains("from_port   = \(port)") }, "\(finding.ruleID): \(block)")
        }
        // The plan really lists the blocks in another order than the file.
        #expect(
            report.findings.first { $0.ruleID == "AWS-EC2-003" }?.location.attribute
                == "ingress[0].cidr_blocks")
    }

    @Test("Without the configuration, plan findings keep their address alone")
    func noConfiguration() throws {
        let scratch = try ScratchDirectory("nosource")
        let plan = try scratch.copy(Self.project + "/plan.json", as: "plan.json")
        let report = Scan.run(ScanOptions(paths: [plan], configPath: Self.defaultConfig)).0
        #expect(report.errors.isEmpty)
        #expect(!report.findings.isEmpty)
        #expect(report.findings.allSatisfy { $0.location.source == nil })

        // --source names the configuration for a plan kept elsewhere.
        var options = ScanOptions(paths: [plan], configPath: Self.defaultConfig)
        options.sourceDirectory = Self.project
        let located = Scan.run(options).0
        #expect(located.findings.allSatisfy { $0.location.source != nil })
    }

    @Test("source: in the config names the configuration, relative to the config file")
    func sourceInConfig() throws {
        let scratch = try ScratchDirectory("configsource")
        let directory = scratch.url
        let plan = try scratch.copy(Self.project + "/plan.json", as: "plan.json")
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("infra").path, withDestinationPath: Self.project)
        let config = directory.appendingPathComponent("palisade.yaml").path
        try "source: infra\n".write(toFile: config, atomically: true, encoding: .utf8)
        let report = Scan.run(ScanOptions(paths: [plan], configPath: config)).0
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(!report.findings.isEmpty)
        #expect(
            report.findings.allSatisfy {
                $0.location.source?.file.hasPrefix(directory.path + "/infra/") == true
            })
        #expect(throws: InputError.self) { try ConfigurationLoader.parse("source: [a]\n", path: "p.yaml") }
    }

    @Test("--source naming a directory without configuration is an error, not a silent pass")
    func emptySourceDirectory() {
        var options = ScanOptions(paths: [Self.project + "/plan.json"], configPath: Self.defaultConfig)
        options.sourceDirectory = RepositoryPaths.root + "/docs"
        let report = Scan.run(options).0
        #expect(report.errors.map(\.file) == [RepositoryPaths.root + "/docs"])
        #expect(report.exitCode(failOn: .atOrAbove(.high), unknown: .warn) == 2)
    }

    @Test("A .tf file that cannot be parsed fails the scan with its file and line")
    func malformedConfiguration() throws {
        let scratch = try ScratchDirectory("badsource")
        let directory = scratch.url
        let plan = try scratch.copy(Self.project + "/plan.json", as: "plan.json")
        try "resource \"aws_ebs_volume\" \"disk\" {\n  size = \"10\n}\n".write(
            toFile: directory.appendingPathComponent("main.tf").path, atomically: true, encoding: .utf8)
        let report = Scan.run(ScanOptions(paths: [plan], configPath: Self.defaultConfig)).0
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.description.hasPrefix(directory.path + "/main.tf:2:") == true)
    }

    @Test("# palisade:ignore= above a block or an attribute suppresses with a reason, and only then")
    func inlineSuppressions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "palisade-ignore-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = directory.appendingPathComponent("plan.json").path
        try FileManager.default.copyItem(
            atPath: RepositoryPaths.root + "/examples/terraform/plan.json", toPath: plan)
        var text = try lines(of: RepositoryPaths.root + "/examples/terraform/main.tf").joined(separator: "\n")
        text = text.replacingOccurrences(
            of: "resource \"aws_s3_bucket_acl\" \"assets\" {",
            with:
                "# palisade:ignore=AWS-S3-001 public website, reviewed in SEC-123\nresource \"aws_s3_bucket_acl\" \"assets\" {"
        )
        text = text.replacingOccurrences(
            of: "  ingress {", with: "  // palisade:ignore=AWS-EC2-001\n  ingress {")
        try text.write(
            toFile: directory.appendingPathComponent("main.tf").path, atomically: true, encoding: .utf8)
        let before = Scan.run(
            ScanOptions(
                paths: [RepositoryPaths.root + "/examples/terraform/plan.json"],
                configPath: Self.defaultConfig)
        ).0
        let report = Scan.run(ScanOptions(paths: [plan], configPath: Self.defaultConfig)).0
        #expect(report.errors.isEmpty)
        // The silenced finding stays in the report with its comment, and no longer fails.
        let acl = try #require(report.findings.first { $0.ruleID == "AWS-S3-001" })
        #expect(acl.outcome == .suppressed)
        #expect(acl.suppression?.file == directory.path + "/main.tf")
        #expect(acl.suppression?.reason == "public website, reviewed in SEC-123")
        let comment = try lines(of: directory.path + "/main.tf")[(acl.suppression?.line ?? 1) - 1]
        #expect(comment.hasPrefix("# palisade:ignore=AWS-S3-001"))
        #expect(report.summary.suppressed == before.summary.suppressed + 1)
        let ssh = try #require(report.findings.first { $0.ruleID == "AWS-EC2-001" })
        #expect(ssh.message.contains("gives no reason, so it does not apply"))
    }
}
