import Policy
import TerraformPlan
import Testing

@testable import PalisadeCore

@Suite("Bucket policies a module builds in a local value by replacing placeholders")
struct ReplacedPolicyTests {
    static let project = RepositoryPaths.root + "/Tests/TerraformSourceTests/Fixtures/replaced-policies"

    /// The outcome of `rule` on each resource (see ``ConfigurationScan``).
    private func outcomes(of rule: String, withConfiguration: Bool) throws -> [String: Outcome] {
        try ConfigurationScan.outcomes(of: rule, project: Self.project, withConfiguration: withConfiguration)
    }

    @Test("The policy local.policy makes of the combined document and the bucket's ARN is the bucket's")
    func tlsDeny() throws {
        // A bucket named by a prefix has an ARN known only after apply, which the rule's query
        // cannot be compared with.
        #expect(
            try outcomes(of: "AWS-S3-007", withConfiguration: true) == [
                "module.secure.aws_s3_bucket.this[0]": .pass,
                "module.prefixed.aws_s3_bucket.this[0]": .unknown,
                "module.latest_tls_only.aws_s3_bucket.this[0]": .fail,
                "module.public.aws_s3_bucket.this[0]": .unknown,
                "module.plain.aws_s3_bucket.this[0]": .fail,
                // A document given through a local value is that document.
                "module.through_local.aws_s3_bucket.this": .pass,
                // One of two documents, chosen by a module variable.
                "module.chosen_loose.aws_s3_bucket.this": .fail,
                "module.chosen_strict.aws_s3_bucket.this": .pass,
            ])
        // The plan alone records one unknown string for each policy.
        #expect(
            try outcomes(of: "AWS-S3-007", withConfiguration: false) == [
                "module.secure.aws_s3_bucket.this[0]": .unknown,
                "module.prefixed.aws_s3_bucket.this[0]": .unknown,
                "module.latest_tls_only.aws_s3_bucket.this[0]": .unknown,
                "module.public.aws_s3_bucket.this[0]": .unknown,
                "module.plain.aws_s3_bucket.this[0]": .fail,
                "module.through_local.aws_s3_bucket.this": .unknown,
                // Not both documents at once (which passed the loose one): one, which the plan
                // does not say.
                "module.chosen_loose.aws_s3_bucket.this": .unknown,
                "module.chosen_strict.aws_s3_bucket.this": .unknown,
            ])
    }

    @Test("A public statement of the caller's, written with a placeholder, is found")
    func publicPolicy() throws {
        let withFiles = try outcomes(of: "AWS-S3-003", withConfiguration: true)
        #expect(withFiles["module.public.aws_s3_bucket_policy.this[0]"] == .fail)
        #expect(withFiles["module.secure.aws_s3_bucket_policy.this[0]"] == .pass)
        #expect(withFiles["module.prefixed.aws_s3_bucket_policy.this[0]"] == .pass)
        let planOnly = try outcomes(of: "AWS-S3-003", withConfiguration: false)
        #expect(planOnly["module.public.aws_s3_bucket_policy.this[0]"] == .unknown)
        #expect(planOnly["module.secure.aws_s3_bucket_policy.this[0]"] == .unknown)
    }

    @Test("try() goes on past an instance the plan does not have, as Terraform's does")
    func attempts() throws {
        let placeholder =
            "try(var.is_directory_bucket ? aws_s3_directory_bucket.this[0].arn : aws_s3_bucket.this[0].arn, null)"
        let fallback = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: "modules/bucket/main.tf",
            replacing: placeholder,
            with: "try(aws_s3_directory_bucket.this[0].arn, aws_s3_bucket.this[0].arn)")
        #expect(fallback["module.secure.aws_s3_bucket.this[0]"] == .pass)
        // Only null is left, which replace() rejects: nothing is read.
        let failing = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: "modules/bucket/main.tf",
            replacing: placeholder, with: "try(aws_s3_directory_bucket.this[0].arn, null)")
        #expect(failing["module.secure.aws_s3_bucket.this[0]"] == .unknown)
    }

    @Test(
        "Evaluated JSON text: an attribute inside a string makes it unknown; anywhere else, nothing is read")
    func decodedText() throws {
        let plan = try PlanJoinFunctionTests.plan([
            PlanJoinFunctionTests.change("aws_s3_bucket_policy", "p", after: #"{"policy":"{}"}"#)
        ])
        let view = try #require(plan.resources.first).values.member("policy")
        let arn = PlanReference(address: "aws_s3_bucket.b", attribute: "arn")
        func decoded(_ parts: [SourceExpressions.TextPart]) -> Policy.Value? {
            SourceDerivedValues.decodedJSON(parts, view: view)
        }
        let read = try #require(decoded([.text(#"{"Resource": [""#), .attribute(arn), .text(#"/*"]}"#)]))
        guard case .map(let document) = read, case .list(let resources)? = document["Resource"],
            case .unknown(let unknown)? = resources.first
        else {
            Issue.record("not a document with an unknown resource: \(read)")
            return
        }
        #expect(unknown.causes.first?.references == ["aws_s3_bucket.b"])
        #expect(unknown.isMadeOfARNs)
        // Outside a string, written into the text, or written as a JSON escape.
        #expect(decoded([.text(#"{"Resource": "#), .attribute(arn), .text("}")]) == nil)
        #expect(
            decoded([
                .text("{\"Sid\": \"\u{E000}0\u{E001}\", \"Resource\": \""), .attribute(arn), .text("\"}"),
            ]) == nil)
        #expect(
            decoded([.text(#"{"Sid": "\ue0000\ue001", "Resource": ""#), .attribute(arn), .text(#""}"#)])
                == nil)
    }

    @Test("A local value read through something it does not evaluate is unknown, not the documents it names")
    func unreadLocal() throws {
        // lower() is not read: the policy is then not taken to be the combined document, whose
        // Resource holds the placeholder (which reported a failure before).
        let outcomes = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: "modules/bucket/main.tf",
            replacing: "data.aws_iam_policy_document.combined[0].json,",
            with: "lower(data.aws_iam_policy_document.combined[0].json),")
        #expect(outcomes["module.secure.aws_s3_bucket.this[0]"] == .unknown)
        #expect(outcomes["module.plain.aws_s3_bucket.this[0]"] == .fail)
        // A local defined by itself (Terraform rejects the cycle) ends at the depth limit.
        let cycle = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: "modules/bucket/main.tf",
            replacing: "account_id    = var.account_id", with: "account_id    = local.account_id")
        #expect(cycle["module.secure.aws_s3_bucket.this[0]"] == .unknown)
    }

    @Test("Locals that read each other many times over stop at a budget of steps and of text")
    func exponentialLocals() throws {
        // replace(x, x, x) is x: nine such locals over the policy evaluate to the policy, after
        // 3^9 evaluations of it. The step budget gives up first.
        let file = "modules/bucket/main.tf"
        let threefold = (0..<9).map { level in
            let next = "local.l\(level + 1)"
            return "  l\(level) = replace(\(next), \(next), \(next))\n"
        }
        let repeated = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: file,
            replacing: "  policy = local.create_bucket",
            with: "  policy = local.l0\n" + threefold.joined() + "  l9 = local.create_bucket")
        #expect(repeated["module.secure.aws_s3_bucket.this[0]"] == .unknown)
        // A text that squares its length at each local: given up on at a megabyte, not grown to
        // gigabytes.
        let squared = (0..<8).map { "  s\($0) = replace(local.s\($0 + 1), \"x\", local.s\($0 + 1))\n" }
        let grown = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: file,
            replacing: "  account_id    = var.account_id\n",
            with: "  account_id    = local.s0\n" + squared.joined() + "  s8 = \"xx\"\n")
        #expect(grown["module.secure.aws_s3_bucket.this[0]"] == .unknown)
    }

    @Test("A choice of documents the .tf does not tell is undecided, not read as both documents")
    func unreadChoice() throws {
        // A bool compared with a string is not evaluated: without it, the loose document was
        // read together with the strict one, whose TLS deny passed the bucket.
        let outcomes = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: "modules/chosen/main.tf",
            replacing: "policy = var.strict ?", with: "policy = var.strict == \"yes\" ?")
        #expect(outcomes["module.chosen_loose.aws_s3_bucket.this"] == .unknown)
        #expect(outcomes["module.chosen_strict.aws_s3_bucket.this"] == .unknown)
    }

    @Test("A local value the plan does not record for the attribute is not read")
    func staleLocal() throws {
        // The .tf now names another local value than when planned (the same policy, renamed).
        let outcomes = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: "modules/bucket/main.tf",
            edits: [
                ("  policy = local.policy\n", "  policy = local.policy_now\n"),
                ("  policy = local.create_bucket", "  policy_now = local.create_bucket"),
            ])
        #expect(outcomes["module.secure.aws_s3_bucket.this[0]"] == .unknown)
    }

    @Test("A placeholder that could match inside a value known only after apply is not replaced")
    func overlappingPlaceholder() throws {
        // "arn" may be part of a bucket's ARN known only after apply (a bucket named by a
        // prefix): where that ARN stands, the last replace() cannot be told.
        let outcomes = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-003", project: Self.project, file: "modules/bucket/main.tf",
            replacing: "\"_AWS_ACCOUNT_ID_\", local.policy_placeholders",
            with: "\"arn\", local.policy_placeholders")
        #expect(outcomes["module.public.aws_s3_bucket_policy.this[0]"] == .unknown)
    }
}
