import Foundation
import JSON
import TestMaterial
import Testing

@testable import TerraformPlan

/// Every real plan in ../shared/corpus/tfplan loads.
@Suite struct CorpusTests {
    @Test(.requiresPlanCorpus)
    func everyCorpusPlanLoads() throws {
        let files = TestMaterial.planFiles
        #expect(files.count == 296)
        var loaded = 0
        var resourceTotal = 0
        for file in files {
            do {
                let plan = try loadPlan(path: file.path)
                loaded += 1
                resourceTotal += plan.usesPlannedValues ? 0 : plan.resources.count
                for resource in plan.resources {
                    // Touch every view path the engine uses; nothing may crash.
                    _ = resource.values.state
                    _ = resource.providerConfigKey
                }
            } catch {
                Issue.record("\(error)")
            }
        }
        #expect(loaded == 296)
        // STATS.md: 1,424 resource_changes entries across the corpus.
        #expect(resourceTotal == 1424)
    }

    /// The reference graph's answer for a top-level attribute is the same as resolving the
    /// attribute's references again, on every attribute of every corpus resource.
    @Test(.requiresPlanCorpus)
    func graphAnswersReferenceQuestionsAsResolutionDoes() throws {
        var referring = 0
        for file in TestMaterial.planFiles {
            guard let plan = try? loadPlan(path: file.path) else { continue }
            for resource in plan.resources {
                for key in resource.values.keys {
                    let resolved = !plan.index.resources(referencedBy: resource.values.member(key)).isEmpty
                    #expect(
                        plan.index.refersToPlanResource(resource, attribute: key) == resolved,
                        "\(file.lastPathComponent): \(resource.address).\(key)")
                    if resolved { referring += 1 }
                }
            }
        }
        // The corpus has attributes on both sides of the question.
        #expect(referring > 100)
    }

    @Test(.requiresPlanCorpus)
    func utf16PlansLoad() throws {
        let expected: [String: [String]] = [
            "bridgecrewio__checkov__tests__terraform__parser__resources__plan_encodings__tfplan_win_utf16.json":
                [
                    "aws_s3_bucket.data"
                ],
            "bridgecrewio__checkov__tests__terraform__runner__resources__plan_with_lifecycle_check__tfplan.json":
                [
                    "aws_acm_certificate.acme"
                ],
            "bridgecrewio__checkov__tests__terraform__runner__resources__plan_with_utf_16_encoding__tfplan.json":
                [
                    "aws_iam_role_policy.fail_1", "aws_s3_bucket.s3-bucket", "null_resource.name",
                ],
        ]
        for (name, addresses) in expected {
            let path = TestMaterial.planCorpus.appendingPathComponent(name).path
            let bytes = try #require(FileManager.default.contents(atPath: path))
            #expect(bytes.prefix(2) == Data([0xFF, 0xFE]))
            let plan = try loadPlan(path: path)
            #expect(plan.resources.map(\.address) == addresses)
        }
    }

    @Test(.requiresPlanCorpus)
    func plansWithoutResourceChangesFallBackToPlannedValues() throws {
        let name = "terraform-compliance__cli__tests__functional__test_issue-132__plan.out.json"
        let plan = try loadPlan(path: TestMaterial.planCorpus.appendingPathComponent(name).path)
        #expect(plan.usesPlannedValues)
        #expect(plan.formatVersion == FormatVersion("0.1"))
        #expect(plan.resources.count == 1)
        #expect(plan.resources.allSatisfy { $0.origin == .plannedValues && $0.action == .unspecified })
        #expect(plan.resources.allSatisfy { $0.isJudged && $0.isChanged })
    }

    @Test(.requiresPlanCorpus)
    func generatedPlanLoadsWithExpectedCount() throws {
        let plan = try Plan.load(bytes: TestMaterial.generatedPlan(resources: 200), path: "gen-plan-200.json")
        #expect(plan.resources.count == 200)
        #expect(plan.index.deferredDataSources.count == plan.resources.filter { $0.mode == .data }.count)
        #expect(plan.judgedResources.count > 150)
    }
}
