import PalisadeCore

/// Small hand-built reports for unit tests of one reporter behaviour at a time.
enum SampleReports {
    static func dockerfileFinding(
        rule: String = "DF007", severity: Severity = .high, line: Int = 3,
        snippet: [String] = ["FROM alpine"],
        message: String = "The final stage sets no USER"
    ) -> Finding {
        Finding(
            ruleID: rule, title: "Final stage sets no USER", severity: severity, outcome: .fail,
            category: "least-privilege",
            controls: ["CIS-DOCKER:4.1"], message: message, remediation: "Add USER 10001.",
            location: Location(file: "app/Dockerfile", line: line, endLine: line + snippet.count - 1),
            fingerprint: String(repeating: "a", count: 64), snippet: snippet)
    }

    static func planFinding(
        rule: String = "AWS-S3-001", resource: String = "module.site.aws_s3_bucket_acl.this",
        attribute: String? = "acl",
        outcome: Outcome = .fail, unknownReason: String? = nil
    ) -> Finding {
        Finding(
            ruleID: rule, title: "S3 bucket ACL grants public access", severity: .high, outcome: outcome,
            category: "public-exposure", controls: ["CIS-AWS-3.0:2.1.4"],
            message: "\(resource) makes the bucket public",
            remediation: "Use a private ACL.",
            location: Location(file: "plan.json", resource: resource, attribute: attribute, action: "create"),
            unknownReason: unknownReason, references: unknownReason == nil ? [] : ["aws_s3_bucket.site"],
            fingerprint: String(repeating: "b", count: 64))
    }

    static func report(findings: [Finding], errors: [InputError] = []) -> ScanReport {
        var summary = ScanSummary()
        summary.files = 2
        summary.rules = 44
        for finding in findings {
            switch finding.outcome {
            case .fail:
                summary.fail += 1
                summary.bySeverity[finding.severity, default: 0] += 1
            case .unknown: summary.unknown += 1
            default: break
            }
        }
        return ScanReport(
            toolVersion: "0.1.0", rulePack: "0.1.0+sha256:" + String(repeating: "0", count: 64),
            findings: findings,
            summary: summary, errors: errors, rules: [])
    }
}
