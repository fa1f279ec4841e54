import JSON

/// Tells a Terraform plan apart from other JSON by content, cheaply (top-level keys only).
public enum PlanDetection {
    /// What a JSON document is.
    public enum Classification: Sendable, Equatable, CustomStringConvertible {
        /// A plan: `format_version` plus `planned_values` or `resource_changes`.
        case plan
        /// Terraform state: `terraform show -json` of a state (`values`) or a raw
        /// `terraform.tfstate` (`version`, `serial`, `lineage`, `resources`).
        case state
        /// Any other JSON.
        case otherJSON

        /// A short phrase for messages: "a Terraform plan", "a Terraform state file", ...
        public var description: String {
            switch self {
            case .plan: return "a Terraform plan"
            case .state: return "a Terraform state file"
            case .otherJSON: return "other JSON"
            }
        }
    }

    /// Classifies a parsed document by its top-level keys.
    public static func classify(_ document: JSONDocument) -> Classification {
        classify(document.root)
    }

    /// Classifies a JSON value by its top-level keys.
    public static func classify(_ root: JSONValue) -> Classification {
        guard root.kind == .object else { return .otherJSON }
        if root["format_version"] != nil {
            if root["planned_values"] != nil || root["resource_changes"] != nil { return .plan }
            if root["values"] != nil { return .state }
        }
        if root["lineage"] != nil, root["serial"] != nil, root["version"] != nil { return .state }
        return .otherJSON
    }

    /// True when the bytes start like a zip archive, as a binary `terraform plan -out` file does.
    public static func isBinaryPlan(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B
            && (bytes[2] == 0x03 || bytes[2] == 0x05 || bytes[2] == 0x07)
            && (bytes[3] == 0x04 || bytes[3] == 0x06 || bytes[3] == 0x08)
    }
}
