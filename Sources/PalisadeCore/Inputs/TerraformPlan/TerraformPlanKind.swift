import Policy
import TerraformPlan

/// Terraform plan JSON (`terraform show -json tfplan`); a binary plan is recognised and refused
/// with the command that turns it into JSON.
public enum TerraformPlanKind: InputKind {
    /// The kind's name in reports.
    public static let name = "plan"
    /// What a file of this kind is, for messages.
    public static let description = "a Terraform plan"
    /// The rules it answers.
    public static let ruleInput = RuleInput.tfplan
    /// The input file of a rule fixture folder.
    public static let fixtureFileName = "plan.json"
    /// Unknowns wait for apply.
    public static let undecided = "cannot be decided before apply"
    /// The reason an unknown gives when nothing more precise says why.
    public static let undecidedReason = "the result depends on values that are known only after apply"

    /// Plans are found among `*.json` files; their content decides (see ``recognizes(_:)``).
    public static func isCandidate(fileName: String) -> Bool { fileName.hasSuffix(".json") }

    /// A zip archive (a binary plan), or JSON whose top-level keys are a plan's.
    public static func recognizes(_ probe: InputProbe) throws(InputError) -> Bool {
        if probe.isZipArchive { return true }
        guard probe.isJSON else { return false }
        return try probe.terraformClassification() == .plan
    }

    /// Reads the input into a document.
    public static func load(_ probe: InputProbe, options: LoadOptions) throws(InputError) -> any InputDocument
    {
        let plan = try TerraformJSON.model(of: probe)
        return PlanDocument(
            path: probe.input.path, relativePath: probe.input.relativePath, plan: plan, kind: Self.self,
            changedOnly: options.changedOnly)
    }
}

extension TerraformJSON {
    /// The plan model of a probed plan or state, parsed once by the probe.
    static func model(of probe: InputProbe) throws(InputError) -> Plan {
        let path = probe.input.path
        let document = try probe.terraformDocument()
        do throws(PlanLoadError) {
            return try Plan.load(document: document, path: path)
        } catch {
            throw InputError(file: path, line: error.line, column: error.column, message: error.message)
        }
    }
}
