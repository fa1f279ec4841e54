import TerraformPlan

/// Join candidates per (type, attribute), computed once per plan and shared by every subject,
/// so `related()` costs a lookup instead of a scan of every resource of the type.
final class PlanJoins: Sendable {
    /// The resources of one type, grouped by how their join attribute can be matched.
    struct Candidates: Sendable {
        /// Candidates whose attribute is a known string, by that string.
        var byValue: [String: [PlanResource]] = [:]
        /// Candidates whose attribute is set from an unknown value that refers to nothing in this
        /// plan: where they point cannot be told before apply.
        var undecided: [PlanResource] = []
    }

    /// A join: the candidates' type and the attribute that names the joined resource.
    private struct Join: Hashable, Sendable {
        let type: String
        let attribute: String
    }

    private let cache = ConcurrentMemo<Join, Candidates>()
    /// The identity values of each resource joined to, by resource.
    ///
    /// Every rule that joins to a resource asks again. The plan keeps its resources alive, so
    /// their identifiers are not reused.
    private let identities = ConcurrentMemo<ObjectIdentifier, [String]>()

    /// The candidates of the join of `type` resources by `attribute`.
    ///
    /// Computed once while other threads wait: the rules that join start together, and the
    /// candidates are read from every resource of the type.
    func candidates(type: String, attribute: String, in plan: Plan) -> Candidates {
        cache.valueComputedOnce(for: Join(type: type, attribute: attribute)) {
            Self.candidates(type: type, attribute: attribute, in: plan)
        }
    }

    /// The known string values of `resource`'s ``PlanFunctions/identityAttributes``, in that order.
    func identityValues(of resource: PlanResource) -> [String] {
        identities.value(for: ObjectIdentifier(resource)) {
            PlanFunctions.identityAttributes.compactMap { name in
                // A known scalar is read without a view; anything else by its state.
                switch resource.values.memberValue(name) {
                case .scalar(let json): return json.string
                case .view(let view):
                    guard case .known(let value) = view.state(resolvingReferences: false) else { return nil }
                    return value.unredactedJSONForEvaluation.string
                }
            }
        }
    }

    private static func candidates(type: String, attribute: String, in plan: Plan) -> Candidates {
        var candidates = Candidates()
        guard let path = AttributePath(attribute) else { return candidates }
        for candidate in plan.index.resources(ofType: type) where candidate.isJudged {
            guard let view = candidate.values.attribute(at: path) else { continue }
            // The join asks the index what an unknown attribute refers to; its references are not read.
            switch view.state(resolvingReferences: false) {
            case .known(let value):
                if let text = value.unredactedJSONForEvaluation.string {
                    candidates.byValue[text, default: []].append(candidate)
                }
            case .null, .computed:
                // Left out of the configuration (null, or filled in by the provider at apply):
                // this candidate names no resource of the plan through the attribute.
                continue
            case .unknownFromReference:
                if !plan.index.refersToPlanResource(candidate, attribute: attribute) {
                    candidates.undecided.append(candidate)
                }
            }
        }
        return candidates
    }
}
