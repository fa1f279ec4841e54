import Foundation
import Policy
import Testing

@testable import PalisadeCore

@Suite("List elements known only after apply, read from the configuration's files")
struct SourceTemplateTests {
    static let project = RepositoryPaths.root + "/Tests/TerraformSourceTests/Fixtures/interpolated-arns"

    /// The outcome of `rule` on each resource (see ``ConfigurationScan``).
    private func outcomes(of rule: String, withConfiguration: Bool) throws -> [String: Outcome] {
        let report = try ConfigurationScan.report(
            of: rule, project: Self.project, withConfiguration: withConfiguration)
        // The fixture's database password is sensitive in the plan: no value derived from the
        // .tf may carry it into a report.
        for finding in report.findings {
            #expect(!finding.message.contains("fixture-password"), "\(finding.message)")
        }
        return ConfigurationScan.results(of: report).mapValues(\.outcome)
    }

    @Test("A bucket policy built from the bucket's ARN is judged before the bucket exists")
    func bucketPolicies() throws {
        // The .tf tells `aws_s3_bucket.b.arn` from `"${aws_s3_bucket.b.arn}/*"`, in a policy
        // document's list, in jsonencode() or in a heredoc, and a named bucket's ARN follows from
        // its name; a provider-chosen name (bucket_prefix) does not.
        #expect(
            try outcomes(of: "AWS-S3-007", withConfiguration: true) == [
                "aws_s3_bucket.counted[0]": .pass,
                "aws_s3_bucket.by_id": .pass,
                "aws_s3_bucket.bucket_only": .fail,
                "aws_s3_bucket.elsewhere": .fail,
                "aws_s3_bucket.prefixed": .unknown,
                "aws_s3_bucket.inline": .pass,
                "aws_s3_bucket.inline_bucket_only": .fail,
                "aws_s3_bucket.heredoc": .pass,
            ])
        // Without the configuration the plan's one list of references cannot tell the elements
        // apart, and every policy stays undecided.
        #expect(
            try outcomes(of: "AWS-S3-007", withConfiguration: false) == [
                "aws_s3_bucket.counted[0]": .unknown,
                "aws_s3_bucket.by_id": .unknown,
                "aws_s3_bucket.bucket_only": .unknown,
                "aws_s3_bucket.elsewhere": .unknown,
                "aws_s3_bucket.prefixed": .unknown,
                "aws_s3_bucket.inline": .unknown,
                "aws_s3_bucket.inline_bucket_only": .unknown,
                "aws_s3_bucket.heredoc": .unknown,
            ])
    }

    @Test("jsonencode() around one unknown value: the rest of the document is judged")
    func encodedDocuments() throws {
        // A task definition passing a queue's URL, and policies granting on the queue's ARN.
        #expect(
            try outcomes(of: "AWS-ECS-007", withConfiguration: true) == [
                "aws_ecs_task_definition.app": .fail, "aws_ecs_task_definition.leaky": .unknown,
            ])
        #expect(
            try outcomes(of: "AWS-IAM-001", withConfiguration: true) == [
                "aws_iam_policy.scoped": .pass,
                "aws_iam_policy.admin_beside": .fail,
            ])
        // A definition holding a sensitive value is sensitive in the plan as a whole: not read.
        #expect(
            try outcomes(of: "AWS-ECS-008", withConfiguration: true)["aws_ecs_task_definition.leaky"]
                == .unknown)
        #expect(
            try outcomes(of: "AWS-ECS-007", withConfiguration: false) == [
                "aws_ecs_task_definition.app": .unknown, "aws_ecs_task_definition.leaky": .unknown,
            ])
        #expect(
            try outcomes(of: "AWS-IAM-001", withConfiguration: false) == [
                "aws_iam_policy.scoped": .unknown,
                "aws_iam_policy.admin_beside": .unknown,
            ])
    }

    @Test("A decoded policy keeps its unknown parts unknown: never an absent condition or principal")
    func unknownPartsStayUnknown() throws {
        let unknown = Value.unknown(UnknownCause(path: "policy", computed: false, references: ["aws_x.y"]))
        let statement: Value = .map([
            "Effect": .string("Allow"), "Action": .string("s3:GetObject"), "Resource": unknown,
            "Principal": unknown, "Condition": .map(["StringEquals": unknown]),
        ])
        let normalised = PolicyStatements.fromDocument(
            ValueNode(value: .map(["Statement": .list([statement])])))
        guard case .list(let statements) = normalised, case .map(let read)? = statements.first else {
            Issue.record("expected one statement, got \(normalised)")
            return
        }
        #expect(read["effect"] == .string("Allow"))
        #expect(read["actions"] == .list([.string("s3:GetObject")]))
        #expect(read["resources"]?.isUnknown == true)
        #expect(read["principals"]?.isUnknown == true)
        #expect(read["conditions"]?.isUnknown == true)
        // An unknown Statement, or a whole document, is unknown, not empty.
        #expect(PolicyStatements.fromDocument(ValueNode(value: .map(["Statement": unknown]))).isUnknown)
        #expect(PolicyStatements.fromDocument(ValueNode(value: unknown)).isUnknown)
    }

    @Test("A .tf edited since the plan was made is not read where its references disagree with the plan's")
    func staleConfiguration() throws {
        // The counted bucket's policy now names another bucket's objects in the .tf only.
        let outcomes = try ConfigurationScan.outcomesEdited(
            of: "AWS-S3-007", project: Self.project, file: "main.tf",
            replacing: #""${aws_s3_bucket.counted[0].arn}/*","#, with: #""${aws_s3_bucket.by_id.arn}/*","#)
        #expect(outcomes["aws_s3_bucket.counted[0]"] == .unknown)
        #expect(outcomes["aws_s3_bucket.by_id"] == .pass)
    }

    @Test(
        "A principal that is a role's ARN, read from jsonencode() in the .tf, is not anyone",
        arguments: [
            ("AWS-ECR-003", "aws_ecr_repository_policy.interpolated"),
            ("AWS-IAM-002", "aws_iam_role.interpolated"),
            ("AWS-KMS-002", "aws_kms_key.interpolated"),
        ])
    func rolePrincipals(rule: String, resource: String) throws {
        let project = RepositoryPaths.policies + "/" + rule + "/fixtures/unknown"
        let beside = ConfigurationScan.results(
            of: try ConfigurationScan.report(of: rule, project: project, withConfiguration: true))
        let alone = ConfigurationScan.results(
            of: try ConfigurationScan.report(of: rule, project: project, withConfiguration: false))
        #expect(beside[resource]?.outcome == .pass)
        #expect(alone[resource]?.outcome == .unknown)
    }
}
