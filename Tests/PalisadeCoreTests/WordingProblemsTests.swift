import Testing

@testable import PalisadeCore

@Suite("Wording problems of findings")
struct WordingProblemsTests {
    static func evaluation(
        _ outcome: Outcome, _ message: String, resource: String = "aws_s3_bucket.logs",
        unknownReason: String? = nil
    ) -> Evaluation {
        Evaluation(
            ruleID: "AWS-S3-001", outcome: outcome, severity: .high,
            location: Location(file: "plan.json", resource: resource), message: message,
            unknownReason: unknownReason, references: [], unknownValues: [], subjectKey: resource,
            supersededBy: nil, snippet: [], suppressed: false)
    }

    static func problems(_ evaluations: [Evaluation]) -> [String] {
        PolicyTester.wordingProblems(of: evaluations, in: TerraformPlanKind.self)
    }

    @Test("Each kind of problem is named, with the subject")
    func eachKind() {
        let found = Self.problems([
            Self.evaluation(.fail, "aws_s3_bucket.logs has acl (error)"),
            Self.evaluation(.fail, "aws_s3_bucket.logs has acl public-read "),
            Self.evaluation(.fail, "aws_s3_bucket.logs has acl  public-read"),
            Self.evaluation(.fail, "aws_s3_bucket.logs has acl (known after apply)"),
            Self.evaluation(.fail, "aws_s3_bucket.logs has acl null"),
            Self.evaluation(
                .unknown, "S3 bucket ACL: cannot be decided before apply: x",
                unknownReason: TerraformPlanKind.undecidedReason),
        ])
        #expect(found.count == 6, "\(found)")
        for (problem, words) in zip(
            found,
            [
                "a hole could not be evaluated", "stray spaces", "stray spaces", "an undecided value",
                "says null", "no reason of its own",
            ])
        {
            #expect(problem.hasPrefix("aws_s3_bucket.logs: ") && problem.contains(words), "\(problem)")
        }
    }

    @Test("Words are fine: a pass, an unknown with its own reason, and null in the subject's address")
    func noProblem() {
        #expect(
            Self.problems([
                Self.evaluation(.pass, ""),
                Self.evaluation(.fail, "aws_s3_bucket.logs has acl public-read"),
                Self.evaluation(
                    .unknown, "S3 bucket ACL: cannot be decided before apply: `acl` refers to `x`",
                    unknownReason: "`acl` refers to `x`, whose value is known only after apply"),
                Self.evaluation(
                    .fail, "aws_s3_bucket.null has acl public-read", resource: "aws_s3_bucket.null"),
                Self.evaluation(
                    .unknown, "S3 bucket ACL: cannot be decided before apply: x (known after apply)",
                    unknownReason: "x"),
            ]).isEmpty)
    }
}
