import JSON

/// One resource instance in a plan: a `resource_changes` entry, a `planned_values` resource (old
/// plans without `resource_changes`), or a data source read during plan (`prior_state`).
public final class PlanResource: Sendable, CustomStringConvertible {
    /// Where in the plan JSON the entry came from.
    public enum Origin: Sendable, Hashable {
        /// `resource_changes`.
        case resourceChange
        /// `planned_values`, because the plan has no `resource_changes`.
        case plannedValues
        /// `prior_state`: a data source read while planning.
        case priorState
        /// `values` of a state (`terraform show -json` of a state file): the deployed resource.
        case state
        /// `resource_drift`: the resource as it is now, changed outside Terraform since the last
        /// apply; `after` holds its current values.
        case drift
    }

    /// The full address: `module.a["x"].aws_s3_bucket.b[0]`.
    public let address: String
    /// The module instance address (`module.a["x"]`); "" for the root module.
    public let moduleAddress: String
    /// Managed resource or data source.
    public let mode: ResourceMode
    /// The resource type, such as `aws_s3_bucket`.
    public let type: String
    /// The name in configuration.
    public let name: String
    /// The `count` index or `for_each` key; nil for a single instance.
    public let index: InstanceKey?
    /// The provider's source address, such as `registry.terraform.io/hashicorp/aws`.
    public let providerName: String
    /// The key of the provider configuration in `configuration.provider_config` (`aws`,
    /// `aws.west`, `module.m:aws`), resolved through module inheritance; nil when the resource has
    /// no configuration block (for example a resource being deleted).
    public let providerConfigKey: String?
    /// What the plan does to the resource.
    public let action: PlanAction
    /// The address before a `moved` block renamed it.
    public let previousAddress: String?
    /// The deposed object's key, for a replaced object still awaiting destruction.
    public let deposed: String?
    /// Where the entry came from.
    public let origin: Origin

    let after: JSONValue?
    let afterUnknown: JSONValue?
    let afterSensitive: JSONValue?
    let configuration: JSONValue?
    let scope: ResolutionScope

    init(
        address: String, moduleAddress: String, mode: ResourceMode, type: String, name: String,
        index: InstanceKey?, providerName: String, providerConfigKey: String?, action: PlanAction,
        previousAddress: String?, deposed: String?, origin: Origin, after: JSONValue?,
        afterUnknown: JSONValue?, afterSensitive: JSONValue?, configuration: JSONValue?,
        scope: ResolutionScope
    ) {
        self.address = address
        self.baseAddress = index == nil ? address : AddressSyntax.baseAddress(address)
        self.moduleAddress = moduleAddress
        self.mode = mode
        self.type = type
        self.name = name
        self.index = index
        self.providerName = providerName
        self.providerConfigKey = providerConfigKey
        self.action = action
        self.previousAddress = previousAddress
        self.deposed = deposed
        self.origin = origin
        self.after = after
        self.afterUnknown = afterUnknown
        self.afterSensitive = afterSensitive
        self.configuration = configuration
        self.scope = scope
        self.values = AttributeView(
            address: address, after: after, unknownMark: afterUnknown, sensitiveMark: afterSensitive,
            expressions: ConfigurationExpressionNode.resourceBody(configuration?["expressions"]).map {
                .one($0)
            } ?? .none,
            scope: scope)
    }

    /// The planned end state with unknown and sensitive marks and configuration expressions.
    ///
    /// Built once: rules read it many times per resource.
    public let values: AttributeView

    /// The address without its instance key: `aws_s3_bucket.b[0]` gives `aws_s3_bucket.b`.
    public let baseAddress: String

    /// True for managed resources the plan leaves in place (create, update, replace either
    /// order, no-op, or an unspecified planned-values action); these are what rules judge.
    public var isJudged: Bool { mode == .managed && deposed == nil && action.leavesResourceInPlace }

    /// The action's printed name: create, update, replace, delete, no-op, read, forget, deployed,
    /// unknown; `drift` for a resource changed outside Terraform.
    public var actionName: String { origin == .drift ? Self.driftActionName : action.name }

    /// The action name of a resource changed outside Terraform (`resource_drift`).
    public static let driftActionName = "drift"

    /// True when applying the plan changes this resource (see ``PlanAction/changesResource``).
    public var isChanged: Bool { action.changesResource }

    /// `address (action)`.
    public var description: String { "\(address) (\(actionName))" }
}
