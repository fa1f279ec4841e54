/// What one subject of a rule is: the `select` block of a rule file.
public enum RuleSelection: Sendable, Equatable {
    /// Subjects from a Terraform plan.
    case tfplan(TerraformSelection)
    /// Subjects from a Dockerfile.
    case dockerfile(DockerfileSelection)
}

/// Subjects from a Terraform plan: resources of some types (optionally one subject per element
/// of an expression), or provider configuration blocks.
public struct TerraformSelection: Sendable, Equatable {
    /// Managed resource types, such as `aws_db_instance`; empty when `providerConfigs` is used.
    public let resourceTypes: [String]
    /// When present, one subject per element of this expression's value (a rule block, a container).
    public let each: ExpressionSource?
    /// Provider names whose configuration blocks are the subjects; empty when `resourceTypes` is used.
    public let providerConfigs: [String]

    /// Creates a selection.
    public init(resourceTypes: [String], each: ExpressionSource?, providerConfigs: [String]) {
        self.resourceTypes = resourceTypes
        self.each = each
        self.providerConfigs = providerConfigs
    }
}

/// Subjects from a Dockerfile: the whole file, a stage or an instruction (see docs/policy-language.md).
public struct DockerfileSelection: Sendable, Equatable {
    /// The kind of subject.
    public let subject: DockerfileSubject
    /// Instruction keywords, upper case, when `subject` is `.instruction`; otherwise empty.
    public let instructions: [String]

    /// The keywords accepted under `instructions`.
    public static let keywords = [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
        "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ]

    /// Creates a selection.
    public init(subject: DockerfileSubject, instructions: [String]) {
        self.subject = subject
        self.instructions = instructions
    }
}

/// The kinds of Dockerfile subject.
public enum DockerfileSubject: String, Sendable, CaseIterable {
    /// The whole file.
    case file
    /// Each stage.
    case stage
    /// The last stage, or the one `--target` names.
    case finalStage = "final_stage"
    /// Each image reference with its origin (`FROM`, `COPY --from`, `RUN --mount`, `# syntax=`).
    case imageRef = "image_ref"
    /// Each instruction of the listed kinds, ONBUILD bodies included.
    case instruction
}
