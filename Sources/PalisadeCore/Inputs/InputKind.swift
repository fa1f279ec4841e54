import Dockerfile
import Policy

/// One kind of input Palisade reads: how it is recognised, read and evaluated.
///
/// Every decision that depends on the kind of an input lives in one conforming type, in a folder
/// of its own under `Inputs/`, and ``InputKinds/all`` registers it: adding a kind is a folder and
/// a line. The rest of the scan (discovery, loading, the engine, `palisade parse`, fixture
/// discovery) asks the registered kinds and never tests for a particular one.
public protocol InputKind: Sendable {
    /// The kind's name in reports and messages: `plan`, `state`, `dockerfile`.
    static var name: String { get }
    /// What a file of this kind is, for messages: "a Terraform plan".
    static var description: String { get }
    /// The rule vocabulary its documents answer: rules whose `input:` is this run on them.
    static var ruleInput: RuleInput { get }
    /// The file name of this kind's input in a rule fixture folder (`plan.json`, `Dockerfile`).
    static var fixtureFileName: String { get }
    /// What an unknown result on this kind cannot be decided from, in its message: "cannot be
    /// decided before apply" for a plan, "from the state alone" for a state.
    static var undecided: String { get }
    /// Why a result is unknown when neither the rule nor an unknown value says why.
    static var undecidedReason: String { get }
    /// Whether a file met while walking a directory may be of this kind, by its name alone.
    static func isCandidate(fileName: String) -> Bool
    /// Whether the input is of this kind; may read its content through the probe, which parses
    /// it at most once for all kinds. Throws when the content is unreadable for this kind.
    static func recognizes(_ probe: InputProbe) throws(InputError) -> Bool
    /// Reads a recognised input into a document the engine evaluates.
    static func load(_ probe: InputProbe, options: LoadOptions) throws(InputError) -> any InputDocument
}

/// What reading an input may depend on, whatever its kind.
public struct LoadOptions: Sendable {
    /// The Dockerfile stage treated as final (`--target`).
    public var target: String?
    /// Judge only resources the plan changes (`--changed-only`).
    public var changedOnly: Bool
    /// How many instructions and bytes per instruction a Dockerfile may have.
    public var dockerfileLimits: DockerfileLimits

    /// Creates options.
    public init(
        target: String? = nil, changedOnly: Bool = false, dockerfileLimits: DockerfileLimits = .defaults
    ) {
        self.target = target
        self.changedOnly = changedOnly
        self.dockerfileLimits = dockerfileLimits
    }
}

/// The registry of input kinds, in the order they are asked to recognise an input.
public enum InputKinds {
    /// Every kind Palisade reads.
    ///
    /// A kind earlier in the list wins when two recognise an input.
    public static let all: [any InputKind.Type] = [
        TerraformPlanKind.self,
        TerraformStateKind.self,
        DockerfileKind.self,
    ]

    /// The kinds whose documents answer rules of `input`.
    public static func serving(_ input: RuleInput) -> [any InputKind.Type] {
        all.filter { $0.ruleInput == input }
    }

    /// Whether a file met while walking a directory is a candidate of any kind.
    public static func isCandidate(fileName: String) -> Bool {
        all.contains { $0.isCandidate(fileName: fileName) }
    }

    /// The kind a probe's input is, or nil when no kind recognises it.
    public static func kind(of probe: InputProbe) throws(InputError) -> (any InputKind.Type)? {
        for kind in all where try kind.recognizes(probe) { return kind }
        return nil
    }
}
