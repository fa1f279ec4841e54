import Testing

@testable import PalisadeCore

@Suite("Bucket policies a module composes with compact([...]) from its variables")
struct CompactedPolicyTests {
    static let project = RepositoryPaths.root + "/Tests/TerraformSourceTests/Fixtures/compacted-policies"

    /// The outcome of `rule` on each resource (see ``ConfigurationScan``).
    private func outcomes(of rule: String, withConfiguration: Bool) throws -> [String: Outcome] {
        let report = try ConfigurationScan.report(
            of: rule, project: Self.project, withConfiguration: withConfiguration)
        return ConfigurationScan.results(of: report).mapValues(\.outcome)
    }

    @Test("The documents a module's variables turn on are the bucket's policy")
    func tlsDeny() throws {
        // Turned on by a constant, a root variable handed down, beside a caller's policy, and
        // through try(); off by default. A caller's policy given by reference cannot be read, nor
        // a switch declared sensitive (Terraform marks the list sensitive, and palisade reads no
        // sensitive variable).
        #expect(
            try outcomes(of: "AWS-S3-007", withConfiguration: true) == [
                "module.secure.aws_s3_bucket.this": .pass,
                "module.plain.aws_s3_bucket.this": .fail,
                "module.from_root.aws_s3_bucket.this": .pass,
                "module.public.aws_s3_bucket.this": .pass,
                "module.referenced.aws_s3_bucket.this": .unknown,
                "module.tried.aws_s3_bucket.this": .pass,
                "module.tried_off.aws_s3_bucket.this": .fail,
                "module.sealed.aws_s3_bucket.this": .unknown,
            ])
        // The plan alone records one unknown list for each composed policy.
        #expect(
            try outcomes(of: "AWS-S3-007", withConfiguration: false) == [
                "module.secure.aws_s3_bucket.this": .unknown,
                "module.plain.aws_s3_bucket.this": .fail,
                "module.from_root.aws_s3_bucket.this": .unknown,
                "module.public.aws_s3_bucket.this": .unknown,
                "module.referenced.aws_s3_bucket.this": .unknown,
                "module.tried.aws_s3_bucket.this": .unknown,
                "module.tried_off.aws_s3_bucket.this": .fail,
                "module.sealed.aws_s3_bucket.this": .unknown,
            ])
    }

    @Test("A public statement in the caller's policy is found inside the composed policy")
    func publicPolicy() throws {
        let withFiles = try outcomes(of: "AWS-S3-003", withConfiguration: true)
        #expect(withFiles["module.public.aws_s3_bucket_policy.this[0]"] == .fail)
        #expect(withFiles["module.secure.aws_s3_bucket_policy.this[0]"] == .pass)
        #expect(withFiles["module.from_root.aws_s3_bucket_policy.this[0]"] == .pass)
        #expect(withFiles["module.tried.aws_s3_bucket_policy.this"] == .pass)
        #expect(withFiles["module.referenced.aws_s3_bucket_policy.this[0]"] == .unknown)
        let planOnly = try outcomes(of: "AWS-S3-003", withConfiguration: false)
        #expect(planOnly["module.public.aws_s3_bucket_policy.this[0]"] == .unknown)
    }
}
