import Foundation
import PackGeneration
import Testing

@testable import PalisadeCore

/// `docs/rules/`: generated from `policies/`, committed, and fresh.
@Suite("Generated rule docs")
struct RuleDocsTests {
    static let directory = RepositoryPaths.root + "/" + RuleDocs.outputDirectory

    @Test("docs/rules matches what generate-docs writes, page for page")
    func fresh() throws {
        let pages = try RuleDocs.pages(policiesDirectory: RepositoryPaths.policies)
        let stale = "is stale: run `\(RuleDocs.command)` from the repository root and commit docs/rules"
        for page in pages {
            let committed = try? String(contentsOfFile: Self.directory + "/" + page.path, encoding: .utf8)
            #expect(committed == page.contents, "\(RuleDocs.outputDirectory)/\(page.path) \(stale)")
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.directory).filter {
            $0.hasSuffix(".md")
        }
        #expect(
            Set(onDisk) == Set(pages.map(\.path)),
            "extra or missing pages: \(RuleDocs.outputDirectory) \(stale)")
    }

    @Test("The index has one row per built-in rule, linked to its page")
    func index() throws {
        let pages = try RuleDocs.pages(policiesDirectory: RepositoryPaths.policies)
        let definitions = try RulePack.builtInDefinitions()
        let readme = try #require(pages.first { $0.path == "README.md" }).contents
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| [") }
        #expect(rows.count == definitions.count)
        for definition in definitions {
            #expect(readme.contains("| [\(definition.id)](\(definition.id).md) | \(definition.title) |"))
            #expect(pages.contains { $0.path == definition.id + ".md" })
        }
    }

    @Test("A rule page has every section, with a failing and a passing excerpt")
    func page() throws {
        let pages = try RuleDocs.pages(policiesDirectory: RepositoryPaths.policies)
        let df014 = try #require(pages.first { $0.path == "DF014.md" }).contents
        for heading in [
            "# DF014: ", "## Description", "## Examples", "### Fails (fixture `fail`",
            "### Passes (fixture `pass`", "## Remediation", "| Controls | NIST-800-190:4.1.3",
        ] {
            #expect(df014.contains(heading), "DF014.md lacks \(heading)")
        }
        #expect(df014.contains("```dockerfile\nADD https://example.com/other.tgz /opt/\n"))
        #expect(df014.contains("- `line 3`: fail medium"))
        let s3 = try #require(pages.first { $0.path == "AWS-S3-001.md" }).contents
        #expect(s3.contains("## Parameters") && s3.contains("| `public_acls` |"))
        #expect(s3.contains("```hcl\nresource \"aws_s3_bucket_acl\" \"rw\" {"))
    }

    @Test("Rule texts are self-contained: no references to documents outside the repository")
    func selfContained() throws {
        for definition in try RulePack.builtInDefinitions() {
            let text = [definition.description, definition.rationale ?? "", definition.remediation].joined(
                separator: "\n")
            for outside in ["RULES.md", "DESIGN", "§", "../shared"] {
                #expect(!text.contains(outside), "\(definition.id) refers to \(outside)")
            }
        }
    }
}
