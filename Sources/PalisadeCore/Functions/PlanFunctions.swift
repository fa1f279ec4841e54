import JSON
import Policy
import TerraformPlan

/// Domain functions over the plan index: joins between resources (a bucket and its separate
/// public access block, a volume and its region's default encryption) and IAM
/// policy documents.
enum PlanFunctions {
    static let overloads: [FunctionOverload] = [
        FunctionOverload(
            "related", style: .global, arity: 3,
            signature: "related(resource, type, attribute) -> list(resource)", isDeterministic: true
        ) { args, context in
            guard let (planContext, resource) = subject(args[0], context),
                case .string(let type) = args[1], case .string(let attribute) = args[2]
            else { return .error("related expects (resource, type string, attribute string)") }
            return related(resource, type: type, attribute: attribute, in: planContext)
        },
        FunctionOverload(
            "referenced", style: .global, arity: 2,
            signature: "referenced(resource, attribute) -> list(resource)", isDeterministic: true
        ) { args, context in
            guard let (planContext, resource) = subject(args[0], context),
                case .string(let attribute) = args[1]
            else {
                return .error("referenced expects (resource, attribute string)")
            }
            return referenced(from: resource, attribute: attribute, in: planContext)
        },
        FunctionOverload(
            "resources", style: .global, arity: 1, signature: "resources(type) -> list(resource)",
            isDeterministic: true
        ) { args, context in
            guard let planContext = context.payload as? PlanEvaluationContext,
                case .string(let type) = args[0]
            else {
                return .error("resources expects a type string in a plan rule")
            }
            return resources(ofType: type, in: planContext)
        },
        FunctionOverload(
            "same_provider", style: .global, arity: 2,
            signature: "same_provider(resource, type) -> list(resource)", isDeterministic: true
        ) { args, context in
            guard let (planContext, resource) = subject(args[0], context), case .string(let type) = args[1]
            else {
                return .error("same_provider expects (resource, type string)")
            }
            return sameProvider(resource, type: type, in: planContext)
        },
        FunctionOverload(
            "in_effect_for", style: .global, arity: 2,
            signature: "in_effect_for(setting, resource) -> bool", isDeterministic: true
        ) { args, context in
            guard let (planContext, setting) = subject(args[0], context),
                let (_, resource) = subject(args[1], context)
            else {
                return .error("in_effect_for expects two resources in a plan rule")
            }
            return .bool(isInEffect(setting, for: resource, in: planContext))
        },
        FunctionOverload(
            "public_acl_neutralised", style: .global, arity: 1,
            signature: "public_acl_neutralised(resource) -> bool", isDeterministic: true
        ) { args, context in
            guard let (planContext, resource) = subject(args[0], context)
            else { return .error("public_acl_neutralised expects a resource in a plan rule") }
            return BucketACLMitigation.neutralised(resource, in: planContext)
        },
        FunctionOverload(
            "configured_value", style: .global, arity: 2,
            signature: "configured_value(resource, attribute) -> value", isDeterministic: true
        ) { args, context in
            guard let (_, resource) = subject(args[0], context), case .string(let attribute) = args[1],
                let view = resource.values.attribute(atPath: attribute)
            else {
                return .error("configured_value expects (resource, attribute path string)")
            }
            guard let constant = view.configurationConstant else { return .null }
            return JSONHostValue.value(constant.unredactedJSONForEvaluation)
        },
        FunctionOverload(
            "policy_statements", style: .global, arity: 2,
            signature: "policy_statements(resource, attribute) -> list(statement)", isDeterministic: true
        ) { args, context in
            guard let (planContext, resource) = subject(args[0], context),
                case .string(let attribute) = args[1]
            else {
                return .error("policy_statements expects (resource, attribute string)")
            }
            return PolicyStatements.statements(of: resource, attribute: attribute, in: planContext)
        },
        FunctionOverload(
            "principal_is_public", style: .global, arity: 1,
            signature: "principal_is_public(statement) -> bool"
        ) { args, _ in
            PolicyStatements.principalIsPublic(args[0])
        },
        FunctionOverload(
            "action_matches", style: .global, arity: 2,
            signature: "action_matches(statement, action) -> bool"
        ) { args, _ in
            guard case .string(let action) = args[1] else {
                return .error("action_matches expects (statement, action string)")
            }
            return PolicyStatements.actionMatches(args[0], action)
        },
        FunctionOverload(
            "resource_matches", style: .global, arity: 2,
            signature: "resource_matches(statement, resource) -> bool"
        ) { args, _ in
            guard case .string(let resource) = args[1] else {
                return .error("resource_matches expects (statement, resource string)")
            }
            return PolicyStatements.resourceMatches(args[0], resource)
        },
        FunctionOverload(
            "condition_limits_caller", style: .global, arity: 2,
            signature: "condition_limits_caller(statement, keys) -> bool"
        ) { args, _ in
            PolicyStatements.conditionLimitsCaller(args[0], keys: args[1])
        },
    ]

    static func host(_ resource: PlanResource) -> Value { .host(ResourceHostValue(resource: resource)) }

    /// The plan's evaluation context and the resource `value` stands for.
    ///
    /// Nil outside a plan rule or when `value` is not a resource. The context rather than its
    /// plan: a `Plan` is a struct of a dozen references, and copying it out cost more than the
    /// rest of the lookup.
    static func subject(
        _ value: Value, _ context: EvaluationContext
    ) -> (PlanEvaluationContext, PlanResource)? {
        guard let planContext = context.payload as? PlanEvaluationContext, case .host(let host) = value,
            let resource = (host as? ResourceHostValue)?.resource
        else { return nil }
        return (planContext, resource)
    }

    // The functions below read the index through the context in a function of their own, not
    // in the overload's body: there, the whole index was copied (each of its tables retained)
    // on every call.

    /// Whether `setting`'s planned values hold when `resource`'s change is applied: the setting
    /// is not changed by this plan, or Terraform applies `resource` after it (otherwise the two
    /// run in parallel, and `resource` may meet the setting as it was).
    static func isInEffect(
        _ setting: PlanResource, for resource: PlanResource, in context: PlanEvaluationContext
    ) -> Bool {
        switch setting.action {
        case .create, .update, .deleteThenCreate, .createThenDelete:
            context.plan.index.isApplied(resource, after: setting)
        default:
            true
        }
    }

    /// The resources `resource`'s `attribute` refers to in configuration.
    static func referenced(
        from resource: PlanResource, attribute: String, in context: PlanEvaluationContext
    )
        -> Value
    {
        .list(context.plan.index.references(from: resource, attribute: attribute).map(host))
    }

    /// The judged resources of `type`.
    static func resources(ofType type: String, in context: PlanEvaluationContext) -> Value {
        .list(context.plan.index.resources(ofType: type).filter(\.isJudged).map(host))
    }

    /// The judged resources of `type` configured with `resource`'s provider configuration.
    static func sameProvider(
        _ resource: PlanResource, type: String, in context: PlanEvaluationContext
    ) -> Value {
        .list(
            context.plan.index.resources(ofType: type, sharingProviderWith: resource).filter(\.isJudged).map(
                host))
    }

    /// The identity values another resource may name this one by: id, bucket, name, arn.
    static let identityAttributes = ["id", "bucket", "name", "arn"]

    /// Resources of `type` whose `attribute` points at `resource`.
    ///
    /// They match by configuration reference (resolved in the module instance, paired by
    /// instance key) or by equal known value. Unknown when some candidate's attribute cannot be matched either way.
    static func related(
        _ resource: PlanResource, type: String, attribute: String, in context: PlanEvaluationContext
    ) -> Value {
        let candidates = context.joins.join(type: type, attribute: attribute, in: context.plan).candidates
        if !candidates.undecided.isEmpty {
            return .unknown(
                Unknown(
                    causes: candidates.undecided.prefix(Unknown.maximumCauses).map { candidate in
                        UnknownCause(
                            path: attribute, computed: false, references: [candidate.address],
                            reason:
                                "cannot tell whether \(candidate.address).\(attribute) refers to \(resource.address)"
                        )
                    }))
        }
        var matches = DistinctResources()
        for referrer in context.plan.index.referrers(of: resource)
        where referrer.resource.type == type && referrer.resource.isJudged
            && AttributeView.path(referrer.attributePath, startsWith: attribute)
        {
            matches.insert(referrer.resource)
        }
        // No candidate has a known value to match: the resource's identity is not read.
        if !candidates.byValue.isEmpty {
            for text in context.joins.identityValues(of: resource) {
                for candidate in candidates.byValue[text] ?? [] { matches.insert(candidate) }
            }
        }
        var found = matches.resources
        if found.count > 1 { found.sort { $0.address < $1.address } }
        return .list(found.map(host))
    }
}
