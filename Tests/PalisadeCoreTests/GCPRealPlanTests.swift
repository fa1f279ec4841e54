import Policy
import TestMaterial
import Testing

@testable import PalisadeCore

/// The GCP rules on real plans of the google provider: the test data of
/// GoogleCloudPlatform/terraform-validator in the shared plan corpus, written by older providers
/// than the 6.x the rule fixtures follow.
@Suite("GCP rules on real google provider plans")
struct GCPRealPlanTests {
    /// `(rule, resource, outcome, severity)` of every failed or unknown evaluation of the GCP
    /// rules on the corpus file named `name`.
    static func verdicts(_ name: String) throws -> Set<String> {
        let path = TestMaterial.planCorpus.appendingPathComponent(
            "GoogleCloudPlatform__terraform-validator__" + name
        ).path
        let rules = BuiltInFixtures.loaded.rules.values.filter { $0.id.hasPrefix("GCP-") }
            .sorted { $0.id < $1.id }
        #expect(rules.count == 10)
        let evaluations = try FindingPrecisionTests.evaluate(rules, path: path)
        return Set(
            evaluations.filter { $0.outcome == .fail || $0.outcome == .unknown }.map {
                "\($0.ruleID) \($0.location.resource ?? "?") \($0.outcome) \($0.severity)"
            })
    }

    @Test(
        "A firewall with a source tag and the older providers' computed source_ranges is not open",
        .requiresPlanCorpus)
    func computedSourceRanges() throws {
        #expect(try Self.verdicts("testdata__templates__example_compute_firewall.tfplan.json").isEmpty)
    }

    @Test(
        "An instance from before ipv6_access_config existed is judged on access_config", .requiresPlanCorpus)
    func instanceWithoutIPv6AccessConfig() throws {
        #expect(
            try Self.verdicts("testdata__templates__full_compute_instance.tfplan.json").contains(
                "GCP-CE-001 google_compute_instance.full_list_default_1 fail medium"))
    }

    @Test("Legacy ABAC fails high; a node pool of a cluster outside the plan is unknown", .requiresPlanCorpus)
    func gkeAuthorisation() throws {
        #expect(
            try Self.verdicts("testdata__templates__full_container_cluster.tfplan.json").contains(
                "GCP-GKE-002 google_container_cluster.full_list_default_1 fail high"))
        #expect(
            try Self.verdicts("testdata__templates__full_container_node_pool.tfplan.json").contains(
                "GCP-GKE-002 google_container_node_pool.full_list_default_1 unknown medium"))
    }

    @Test("A bucket from before public_access_prevention existed does not enforce it", .requiresPlanCorpus)
    func bucketWithoutPublicAccessPrevention() throws {
        #expect(
            try Self.verdicts("testdata__templates__example_storage_bucket.tfplan.json") == [
                "GCP-GCS-002 google_storage_bucket.image-store fail medium"
            ])
    }
}
