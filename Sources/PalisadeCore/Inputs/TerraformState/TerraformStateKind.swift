import Policy
import TerraformPlan

/// Terraform state as `terraform show -json` prints it: what is deployed, judged by the plan rules.
///
/// Every value of a state is known, so its findings are never unknown; they carry the action
/// `deployed`. A raw `terraform.tfstate` is recognised and refused with the command that turns it
/// into this form. States hold sensitive values in clear text; the redactor hides them as it does
/// for plans.
public enum TerraformStateKind: InputKind {
    /// The kind's name in reports.
    public static let name = "state"
    /// What a file of this kind is, for messages.
    public static let description = "a Terraform state"
    /// The rules it answers.
    public static let ruleInput = RuleInput.tfplan
    /// The input file of a rule fixture folder.
    public static let fixtureFileName = "state.json"
    /// No apply follows a state: its unknowns lack what the state does not record.
    public static let undecided = "cannot be decided from the state alone"
    /// The reason an unknown gives when nothing more precise says why.
    public static let undecidedReason = "the result depends on what the state does not record"

    /// States are found among `*.json` files; their content decides.
    public static func isCandidate(fileName: String) -> Bool { fileName.hasSuffix(".json") }

    /// JSON whose top-level keys are a state's (`values`, or a raw state's `lineage` and `serial`).
    public static func recognizes(_ probe: InputProbe) throws(InputError) -> Bool {
        guard !probe.isZipArchive, probe.isJSON else { return false }
        return try probe.terraformClassification() == .state
    }

    /// Reads the input into a document.
    public static func load(_ probe: InputProbe, options: LoadOptions) throws(InputError) -> any InputDocument
    {
        let state = try TerraformJSON.model(of: probe)
        return PlanDocument(
            path: probe.input.path, relativePath: probe.input.relativePath, plan: state, kind: Self.self,
            changedOnly: false)
    }
}
