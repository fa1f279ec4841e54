/// The rule id schemes: built-in ids (`DF` and three digits for Dockerfiles, `AWS-<SERVICE>-<NNN>`
/// for plans) and the looser form allowed for custom rules.
public enum RuleIdentifier {
    /// The platforms of tfplan rule ids, with the service codes each may use.
    public static let servicesByPlatform: [String: [String]] = [
        "AWS": [
            "S3", "EC2", "EBS", "RDS", "ELB", "CF", "ECR", "ECS", "EKS", "EFS", "SQS", "SNS", "ELC", "OS",
            "CT",
            "KMS", "VPC", "SEC", "LMB", "POL", "IAM",
        ],
        "AZ": ["STG", "NET", "SQL", "AKS", "ACR"],
        "GCP": ["GCS", "FW", "CE", "SQL", "GKE", "AR"],
        "K8S": ["WKL", "SVC"],
    ]

    /// Whether `id` follows the built-in scheme: `DF` + 3 digits, or `PLATFORM-SERVICE-NNN`.
    public static func isBuiltIn(_ id: String) -> Bool {
        builtInProblem(id) == nil
    }

    /// Whether `id` is acceptable for a custom rule: `^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$`.
    public static func isCustom(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first?.first, first.isASCII, first.isUppercase else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCIIDigit || ($0.isASCIILetter && $0.isUppercase) }
        }
    }

    /// The input kind a built-in id belongs to, or nil when `id` is not a built-in id.
    public static func builtInInput(of id: String) -> RuleInput? {
        guard isBuiltIn(id) else { return nil }
        return id.hasPrefix("DF") ? .dockerfile : .tfplan
    }

    /// Explains why `id` is not a built-in id, or nil when it is one.
    static func builtInProblem(_ id: String) -> String? {
        let scheme =
            "built-in rule ids are DF + 3 digits (DF001) or PLATFORM-SERVICE-NNN (AWS-S3-001) "
            + "with PLATFORM in AWS, AZ, GCP, K8S"
        if id.hasPrefix("DF") {
            let digits = id.dropFirst(2)
            return digits.count == 3 && digits.allSatisfy(\.isASCIIDigit)
                ? nil : "invalid rule id '\(id)': \(scheme)"
        }
        let parts = id.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let services = servicesByPlatform[parts[0]] else {
            return "invalid rule id '\(id)': \(scheme)"
        }
        guard services.contains(parts[1]) else {
            return "invalid rule id '\(id)': unknown service '\(parts[1])' for \(parts[0]); expected one of "
                + services.joined(separator: ", ")
        }
        guard parts[2].count == 3, parts[2].allSatisfy(\.isASCIIDigit) else {
            return "invalid rule id '\(id)': the number must have 3 digits, as in \(parts[0])-\(parts[1])-001"
        }
        return nil
    }
}
