import JSON
import TerraformSource

/// A Terraform plan, or a state, read from `terraform show -json` output.
///
/// A state (`terraform show -json terraform.tfstate`) is read into the same model: its resources
/// are the deployed ones, with action ``PlanAction/deployed`` and every value known, so the same
/// rules and joins judge what is deployed as judge what is planned.
///
/// Everything is a view over the parsed JSON document, which the plan keeps alive. The plan is
/// immutable and safe to share across threads.
public struct Plan: Sendable {
    /// The file the plan was read from (`-` for standard input).
    public let path: String
    /// The parsed document every view points into.
    public let document: JSONDocument
    /// The plan's `format_version`.
    public let formatVersion: FormatVersion
    /// The Terraform version that wrote the plan, when recorded.
    public let terraformVersion: String?
    /// Every `resource_changes` entry (managed and data, deposed objects included), in file order.
    ///
    /// A plan without `resource_changes` (some format 0.1 plans) lists its
    /// `planned_values` resources instead, with action ``PlanAction/unspecified``; unknown
    /// values are absent there, so they read as null.
    public let resources: [PlanResource]
    /// True when ``resources`` came from `planned_values` because `resource_changes` is missing.
    public let usesPlannedValues: Bool
    /// The provider blocks from `configuration.provider_config`, in file order.
    public let providerConfigurations: [ProviderConfiguration]
    /// The root module's input variables (values never printable).
    public let variables: [RootVariable]
    /// Data sources read while planning, with their values (`prior_state`).
    public let priorStateDataSources: [PlanResource]
    /// Resources changed outside Terraform since the last apply (`resource_drift`), with their
    /// current values; not part of ``resources`` or the index, which describe the planned state.
    public let drift: [PlanResource]
    /// True when the document is a state, not a plan.
    public let isState: Bool
    /// Lookups by type, address, provider configuration and reference.
    public let index: PlanIndex
    /// The configuration's modules and resources as the plan records them; nil for a state.
    private let context: PlanContext?

    /// The managed resources rules judge (see ``PlanResource/isJudged``).
    public var judgedResources: [PlanResource] { resources.filter(\.isJudged) }

    /// Gives the plan what its local values are made of, read from the configuration's `.tf`
    /// files, by module (call names joined with `.`, "" for the root) and name.
    ///
    /// A plan records `local.NAME` in an expression but not the local's own expression, so a
    /// value known only after apply that comes through a local value refers to nothing in the
    /// plan; with these, references follow the local to what it is made of. Call it before the
    /// plan is evaluated: resolutions made earlier are not made again.
    public func useLocalValues(_ table: [String: [String: [String]]]) {
        context?.localValues.set(table)
    }

    /// Gives the plan how attributes and module call arguments build their values, read from
    /// the configuration's files: by module (call names joined with `.`, "" for the root),
    /// block (`data.aws_iam_policy_document.tls`, `module.bucket`) and attribute path
    /// (`statement[0].resources`).
    ///
    /// A plan records one list of references and one unknown value for a whole expression, so
    /// it cannot tell `aws_s3_bucket.b.arn` from `"${aws_s3_bucket.b.arn}/*"`, see the rest of a
    /// `jsonencode(...)` around one unknown value, or tell which documents a `compact([...])`
    /// keeps; ``AttributeView/builtValue`` and ``AttributeView/variableValue(_:)`` can. Call it
    /// before the plan is evaluated.
    public func useBuiltValues(_ table: [String: [String: [String: HCLBuiltValue]]]) {
        context?.builtValues.set(table)
    }

    /// True when the plan knows every value of what `address` names while planning: a resource
    /// or data source, or every instance of a collection address, none of whose values waits
    /// for apply (a data source read during planning, a resource the plan leaves unchanged).
    ///
    /// False when the plan holds nothing at `address`, and for a plan that does not record
    /// which values are unknown (planned values without resource changes).
    public func isWhollyKnown(address: String) -> Bool {
        guard !usesPlannedValues else { return false }
        let resources = index.resources(matching: address)
        return !resources.isEmpty && !resources.contains { $0.values.containsUnknown }
    }

    /// The provider configuration with `key`, if the configuration declares it.
    public func providerConfiguration(key: String) -> ProviderConfiguration? {
        providerConfigurations.first { $0.key == key }
    }

    init(
        path: String, document: JSONDocument, formatVersion: FormatVersion, terraformVersion: String?,
        resources: [PlanResource], usesPlannedValues: Bool, providerConfigurations: [ProviderConfiguration],
        variables: [RootVariable], priorStateDataSources: [PlanResource], drift: [PlanResource] = [],
        isState: Bool = false, context: PlanContext? = nil
    ) {
        self.context = context
        self.path = path
        self.document = document
        self.formatVersion = formatVersion
        self.terraformVersion = terraformVersion
        self.resources = resources
        self.usesPlannedValues = usesPlannedValues
        self.providerConfigurations = providerConfigurations
        self.variables = variables
        self.priorStateDataSources = priorStateDataSources
        self.drift = drift
        self.isState = isState
        self.index = PlanIndex(resources: resources, priorStateDataSources: priorStateDataSources)
    }

    /// Reads a plan from bytes (UTF-8 with or without BOM, or UTF-16/32 with BOM).
    ///
    /// - Parameter path: the file name used in error messages.
    public static func load(bytes: UnsafeRawBufferPointer, path: String) throws(PlanLoadError) -> Plan {
        try load(document: try TerraformJSON.parse(bytes: bytes, path: path), path: path)
    }

    /// Reads a plan from an array of bytes; see ``load(bytes:path:)-(UnsafeRawBufferPointer,_)``.
    public static func load(bytes: [UInt8], path: String) throws(PlanLoadError) -> Plan {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(PlanLoadError) in try load(bytes: buffer, path: path) }
        }.get()
    }

    /// Builds the plan model from an already parsed document (for example after a directory
    /// scan classified it).
    public static func load(document: JSONDocument, path: String) throws(PlanLoadError) -> Plan {
        var builder = PlanBuilder(document: document, path: path)
        return try builder.build()
    }
}
