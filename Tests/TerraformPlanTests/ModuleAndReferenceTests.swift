import JSON
import TestMaterial
import Testing

@testable import TerraformPlan

/// Module nesting, count / for_each instances and reference resolution (Fixtures/modules).
@Suite struct ModuleAndReferenceTests {
    let plan: Plan

    init() throws {
        plan = try Fixture.plan("modules")
    }

    @Test func addressesCarryModulePathAndKeys() throws {
        let logging = try #require(
            plan.resource("module.store[\"x\"].module.logs[0].aws_s3_bucket_logging.this"))
        #expect(logging.moduleAddress == "module.store[\"x\"].module.logs[0]")
        #expect(logging.type == "aws_s3_bucket_logging")
        #expect(logging.name == "this")
        #expect(logging.index == nil)
        #expect(logging.mode == .managed)
        #expect(logging.providerName == "registry.terraform.io/hashicorp/aws")
        #expect(logging.providerConfigKey == "aws")
        let keyed = try #require(plan.resource("aws_s3_bucket.keyed[\"beta\"]"))
        #expect(keyed.index == .string("beta"))
        #expect(keyed.baseAddress == "aws_s3_bucket.keyed")
        #expect(keyed.moduleAddress == "")
        let counted = try #require(plan.resource("aws_s3_bucket.counted[1]"))
        #expect(counted.index == .int(1))
        #expect(plan.index.resources(ofType: "aws_s3_bucket").count == 6)
        #expect(
            plan.index.resources(matching: "aws_s3_bucket.counted").map(\.address) == [
                "aws_s3_bucket.counted[0]", "aws_s3_bucket.counted[1]",
            ])
    }

    @Test func aLiteralInstanceKeyDoesNotReferenceTheWholeCollection() {
        // Terraform writes `x.counted[1].id`, `x.counted[1]` and `x.counted` for one reference.
        let listed = [
            PlanReference(address: "aws_s3_bucket.counted[1]", attribute: "id"),
            PlanReference(address: "aws_s3_bucket.counted[1]", attribute: nil),
            PlanReference(address: "aws_s3_bucket.counted", attribute: nil),
            PlanReference(address: "aws_s3_bucket.other", attribute: nil),
        ]
        #expect(
            PlanContext.deduplicated(listed) == [
                PlanReference(address: "aws_s3_bucket.counted[1]", attribute: "id"),
                PlanReference(address: "aws_s3_bucket.other", attribute: nil),
            ])
        // A splat keeps its attribute and so survives next to a keyed reference.
        let splat = [
            PlanReference(address: "aws_s3_bucket.counted[1]", attribute: nil),
            PlanReference(address: "aws_s3_bucket.counted", attribute: "arn"),
        ]
        #expect(PlanContext.deduplicated(splat) == splat)
    }

    @Test func referencesResolveRelativeToTheModuleInstance() throws {
        for key in ["x", "y"] {
            let sse = try #require(
                plan.resource(
                    "module.store[\"\(key)\"].aws_s3_bucket_server_side_encryption_configuration.this"))
            let kms = try #require(
                sse.values.attribute(
                    atPath: "rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id"))
            #expect(kms.state.referenceAddresses == ["module.store[\"\(key)\"].aws_kms_key.cmk"])
            #expect(
                plan.index.references(from: sse, attribute: "bucket").map(\.address) == [
                    "module.store[\"\(key)\"].aws_s3_bucket.this"
                ])
        }
    }

    @Test func variablesAreFollowedThroughModuleCalls() throws {
        let logging = try #require(
            plan.resource("module.store[\"y\"].module.logs[0].aws_s3_bucket_logging.this"))
        let bucket = logging.values.member("bucket")
        guard case .unknownFromReference(let references) = bucket.state else {
            Issue.record("bucket should be unknown from a reference, got \(bucket.state)")
            return
        }
        #expect(
            references == [PlanReference(address: "module.store[\"y\"].aws_s3_bucket.this", attribute: "id")])
        let referrers = plan.index.referrers(of: "module.store[\"y\"].aws_s3_bucket.this")
        #expect(
            Set(referrers.map { "\($0.resource.address) \($0.attributePath)" }) == [
                "module.store[\"y\"].aws_s3_bucket_server_side_encryption_configuration.this bucket",
                "module.store[\"y\"].module.logs[0].aws_s3_bucket_logging.this bucket",
                "module.store[\"y\"].module.logs[0].aws_s3_bucket_logging.this target_bucket",
            ])
    }

    @Test(arguments: [0, 1])
    func countIndexReferencesArePairedByKey(index: Int) throws {
        let referrers = plan.index.referrers(of: "aws_s3_bucket.counted[\(index)]")
        #expect(referrers.map(\.resource.address) == ["aws_s3_bucket_acl.counted[\(index)]"])
        #expect(referrers.map(\.attributePath) == ["bucket"])
        let acl = try #require(plan.resource("aws_s3_bucket_acl.counted[\(index)]"))
        #expect(acl.values.member("bucket").state.referenceAddresses == ["aws_s3_bucket.counted[\(index)]"])
        #expect(
            plan.index.references(from: acl, attribute: "bucket").map(\.address) == [
                "aws_s3_bucket.counted[\(index)]"
            ])
    }

    @Test(arguments: ["alpha", "beta"])
    func eachKeyReferencesArePairedByKey(key: String) throws {
        let referrers = plan.index.referrers(of: "aws_s3_bucket.keyed[\"\(key)\"]")
        #expect(referrers.map(\.resource.address) == ["aws_s3_bucket_versioning.keyed[\"\(key)\"]"])
        let versioning = try #require(plan.resource("aws_s3_bucket_versioning.keyed[\"\(key)\"]"))
        #expect(
            versioning.values.attribute(atPath: "versioning_configuration[0].status")?.state.knownString
                == "Enabled")
    }

    @Test func countIndexAloneReferencesNoResource() throws {
        let bucket = try #require(plan.resource("aws_s3_bucket.counted[0]"))
        #expect(bucket.values.member("bucket").state.knownString == "palisade-counted-0")
        #expect(bucket.values.member("bucket").configurationReferences.isEmpty)
        #expect(bucket.values.member("arn").state.isComputed)
    }
}

@Suite("Reference deduplication")
struct ReferenceDeduplicationTests {
    @Test("a collection listed beside one of its instances names only that instance")
    func collectionBesideInstance() {
        let references = [
            PlanReference(address: "aws_default_security_group.this[1]", attribute: "id"),
            PlanReference(address: "aws_default_security_group.this[1]", attribute: nil),
            PlanReference(address: "aws_default_security_group.this", attribute: nil),
        ]
        #expect(
            PlanContext.deduplicated(references) == [
                PlanReference(address: "aws_default_security_group.this[1]", attribute: "id")
            ])
    }

    @Test("pairwise deduplication gives what the sets give, on random lists below and past its limit")
    func pairwiseMatchesSets() {
        // Addresses with and without keys, collections of each other, and a key holding `[`.
        let addresses = [
            "aws_s3_bucket.b", "aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]", "aws_s3_bucket.b[\"x\"]",
            "aws_kms_key.k", "module.m.aws_kms_key.k", "module.m.aws_kms_key.k[\"a[b]\"]",
            "data.aws_iam_policy.p",
        ]
        let attributes: [String?] = [nil, nil, "id", "arn", "tags.Name"]
        var generator = SplitMix64(seed: 17)
        var lists = 0
        for length in 0...(PlanContext.pairwiseLimit + 4) {
            for _ in 0..<60 {
                let references = (0..<length).map { _ in
                    PlanReference(
                        address: addresses.randomElement(using: &generator)!,
                        attribute: attributes.randomElement(using: &generator)!)
                }
                let bySets = PlanContext.deduplicatedBySets(references)
                #expect(PlanContext.deduplicatedPairwise(references) == bySets, "\(references)")
                #expect(PlanContext.deduplicated(references) == bySets, "\(references)")
                lists += 1
            }
        }
        #expect(lists == 60 * (PlanContext.pairwiseLimit + 5))
    }

    @Test("a collection referenced on its own is kept")
    func collectionAlone() {
        let references = [
            PlanReference(address: "aws_instance.web", attribute: nil),
            PlanReference(address: "aws_s3_bucket.logs[\"a\"]", attribute: "arn"),
        ]
        #expect(PlanContext.deduplicated(references) == references)
    }
}
