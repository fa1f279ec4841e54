import JSON

/// Parses `terraform show -json` output (a plan or a state) the way the plan model reads it.
public enum TerraformJSON {
    /// How an element of `resource_changes` (and of `resource_drift`) begins in
    /// `terraform show -json` output, which is written without white space and with `address`
    /// first: where the validation of a big plan is split between two cores.
    static let elementStart = Array(#",{"address":""#.utf8)

    /// Parses bytes (UTF-8 with or without BOM, or UTF-16/32 with BOM) into a document.
    ///
    /// A binary plan (a zip archive) is refused with the command that turns it into JSON.
    /// When `resource_changes` is a list, `planned_values` is validated but left out of the
    /// tree: the plan model never reads it then, and it is a third of a plan.
    public static func parse(
        bytes: UnsafeRawBufferPointer, path: String
    ) throws(PlanLoadError) -> JSONDocument {
        if PlanDetection.isBinaryPlan(bytes) {
            throw PlanLoadError(
                file: path,
                message:
                    "this is a binary plan file (a zip archive), not JSON; run `terraform show -json \(path) > plan.json` and scan plan.json",
                kind: .binaryPlan)
        }
        do {
            // Strict: the JSON layer reads a repeated key, NaN and numbers it cannot hold as json-c
            // does, without a word, and each reads wrongly; Terraform writes none of them, so a plan that has one is
            // refused rather than read either way.
            return try JSONDocument.parse(bytes, strict: true, elementStart: elementStart) { members in
                let listsChanges = members.contains { $0.key == "resource_changes" && $0.valueKind == .array }
                return listsChanges ? ["planned_values"] : []
            }
        } catch {
            throw PlanLoadError(file: path, parseError: error)
        }
    }
}
