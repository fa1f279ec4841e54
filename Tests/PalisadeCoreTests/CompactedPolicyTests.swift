import Testing

@testable import PalisadeCore

@Suite("Bucket policies a module composes with compact([...]) from its variables")
struct CompactedPolicyTests {
    static let project = RepositoryPaths.root + "/Tests/TerraformSourceTests/Fixtures/compacted-policies"

    /// The outcome of `rule` on each resource (see ``ConfigurationScan``).
    private func outcomes(of rule: String, withConfiguration: Bool) throws -> [String: Outcome] {
        try ConfigurationScan.outcomes(of: rule, project: Self.project, withConfiguration: withConfiguration)
    }

    @Test("The documents a module's variables turn on are the bucket's policy")
    func tlsDeny() throws {
        // Turned on by a constant, a root variable handed down, beside a caller's policy given
        // as text or as a document's JSON, and through try(); off by default. A document passed
        // inside a template cannot be read, nor a switch declared sensitive (Terraform marks
        // the list sensitive, and palisade reads no sensitive variable).
        #expect(
            try outcomes(of: "AWS-S3-007", withConfiguration: true) == [
                "module.secure.aws_s3_bucket.this": .pass,
                "module.plain.aws_s3_bucket.this": .fail,
                "module.from_root.aws_s3_bucket.this": .pass,
                "module.public.aws_s3_bucket.this": .pass,
                "module.referenced.aws_s3_bucket.this": .pass,
                "module.referenced_public.aws_s3_bucket.this": .pass,
                "module.templated.aws_s3_bucket.this": .unknown,
                "module.tried.aws_s3_bucket.this": .pass,
                "module.tried_off.aws_s3_bucket.this": .fail,
                "module.sealed.aws_s3_bucket.this": .unknown,
                // "true" for the bool variable: Terraform converts it, and so does the reader.
                "module.stringly.aws_s3_bucket.this": .pass,
            ])
        // The plan alone records one unknown list for each composed policy.
        let planOnly = try outcomes(of: "AWS-S3-007", withConfiguration: false)
        #expect(
            planOnly.filter { $0.value != .unknown } == [
                "module.plain.aws_s3_bucket.this": .fail, "module.tried_off.aws_s3_bucket.this": .fail,
            ])
        #expect(planOnly.count == 11)
    }

    @Test("A public statement in the caller's policy is found inside the composed policy")
    func publicPolicy() throws {
        let withFiles = try outcomes(of: "AWS-S3-003", withConfiguration: true)
        #expect(withFiles["module.public.aws_s3_bucket_policy.this[0]"] == .fail)
        #expect(withFiles["module.referenced_public.aws_s3_bucket_policy.this"] == .fail)
        #expect(withFiles["module.referenced.aws_s3_bucket_policy.this[0]"] == .pass)
        #expect(withFiles["module.secure.aws_s3_bucket_policy.this[0]"] == .pass)
        #expect(withFiles["module.from_root.aws_s3_bucket_policy.this[0]"] == .pass)
        #expect(withFiles["module.tried.aws_s3_bucket_policy.this"] == .pass)
        #expect(withFiles["module.templated.aws_s3_bucket_policy.this"] == .unknown)
        let planOnly = try outcomes(of: "AWS-S3-003", withConfiguration: false)
        #expect(planOnly["module.public.aws_s3_bucket_policy.this[0]"] == .unknown)
        #expect(planOnly["module.referenced_public.aws_s3_bucket_policy.this"] == .unknown)
    }

    @Test("A module argument the .tf changed since the plan was made is not read")
    func staleArgument() throws {
        // The public caller's policy now names the other document, in the .tf only.
        let outcomes = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-003", project: Self.project, file: "main.tf",
            replacing: "policy      = data.aws_iam_policy_document.everyone.json",
            with: "policy      = data.aws_iam_policy_document.readers.json")
        #expect(outcomes["module.referenced_public.aws_s3_bucket_policy.this"] == .unknown)
        #expect(outcomes["module.referenced.aws_s3_bucket_policy.this[0]"] == .pass)
    }

    @Test("A condition comparing a variable with a constant is judged as the plain variable is")
    func comparedCondition() throws {
        let outcomes = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: "modules/bucket/main.tf",
            replacing: "var.attach_deny_insecure_transport_policy ? data",
            with: "var.attach_deny_insecure_transport_policy == true ? data")
        #expect(outcomes["module.secure.aws_s3_bucket.this"] == .pass)
        #expect(outcomes["module.plain.aws_s3_bucket.this"] == .fail)
        // The module call gives the string "true", which equals true once converted.
        #expect(outcomes["module.stringly.aws_s3_bucket.this"] == .pass)
    }

    @Test("A condition over a variable the plan does not record for the list is not judged")
    func staleCondition() throws {
        // The module's .tf now turns the TLS deny on by another variable than when planned.
        let outcomes = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: "modules/bucket/main.tf",
            replacing: "var.attach_deny_insecure_transport_policy ? data", with: "var.bucket != null ? data")
        #expect(outcomes["module.secure.aws_s3_bucket.this"] == .unknown)
        #expect(outcomes["module.tried.aws_s3_bucket.this"] == .pass)
    }
}
