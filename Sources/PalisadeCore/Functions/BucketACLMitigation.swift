import Policy
import TerraformPlan

/// Whether a public S3 ACL (canned or granted) is declared but neutralised.
///
/// Used by AWS-S3-001 and AWS-S3-002. The mitigations are `ignore_public_acls` on the
/// account-level block public access or on the bucket's own, and ACLs disabled by
/// `aws_s3_bucket_ownership_controls` with `BucketOwnerEnforced`. The bucket is the one the
/// subject's `bucket` refers to (the subject itself for a legacy `aws_s3_bucket`), joined as
/// `related()` joins.
enum BucketACLMitigation {
    /// True when a mitigation applies, false when none does, unknown when one cannot be told.
    static func neutralised(_ subject: PlanResource, in context: PlanEvaluationContext) -> Value {
        let plan = context.plan
        var result = ThreeValued()
        for account in plan.index.resources(ofType: "aws_s3_account_public_access_block")
        where account.isJudged {
            switch isTrue(account.values.member("ignore_public_acls")) {
            case .bool(true): return .bool(true)
            case let other: result.note(other)
            }
        }
        let buckets = plan.index.references(from: subject, attribute: "bucket") + [subject]
        let mitigations: [(type: String, applies: (PlanResource) -> Value)] = [
            ("aws_s3_bucket_public_access_block", { isTrue($0.values.member("ignore_public_acls")) }),
            ("aws_s3_bucket_ownership_controls", enforcesBucketOwner),
        ]
        for bucket in buckets {
            for mitigation in mitigations {
                let joined = PlanFunctions.related(
                    bucket, type: mitigation.type, attribute: "bucket", in: context)
                if joined.isUnknown {
                    result.note(joined)
                    continue
                }
                for element in PolicyStatements.elements(joined) {
                    guard case .host(let host) = element,
                        let resource = (host as? ResourceHostValue)?.resource
                    else { continue }
                    switch mitigation.applies(resource) {
                    case .bool(true): return .bool(true)
                    case let other: result.note(other)
                    }
                }
            }
        }
        return result.value
    }

    /// True for a known `true`, false for anything else known or null, unknown otherwise.
    static func isTrue(_ view: AttributeView) -> Value {
        switch view.state(resolvingReferences: false) {
        case .known(let value): return .bool(value.unredactedJSONForEvaluation.bool == true)
        case .null: return .bool(false)
        case .computed, .unknownFromReference: return AttributeHostValue.value(view)
        }
    }

    /// True when some `rule` block sets `object_ownership = "BucketOwnerEnforced"`.
    static func enforcesBucketOwner(_ controls: PlanResource) -> Value {
        let rules = controls.values.member("rule")
        switch rules.state(resolvingReferences: false) {
        case .null: return .bool(false)
        case .computed, .unknownFromReference: return AttributeHostValue.value(rules)
        case .known: break
        }
        var result = ThreeValued()
        for index in 0..<rules.count {
            let ownership = rules.element(index).member("object_ownership")
            switch ownership.state(resolvingReferences: false) {
            case .known(let value) where value.unredactedJSONForEvaluation.string == "BucketOwnerEnforced":
                return .bool(true)
            case .computed, .unknownFromReference: result.note(AttributeHostValue.value(ownership))
            default: continue
            }
        }
        return result.value
    }
}
