import Foundation
import TerraformPlan

/// Join candidates per (type, attribute), computed once per plan and shared by every subject,
/// so `related()` costs a lookup instead of a scan of every resource of the type.
///
/// `@unchecked`: `comparedJoins` and `hashedJoins` are read and written only while `lock` is
/// held; everything else is a `let` of a `Sendable` type.
final class PlanJoins: @unchecked Sendable {
    /// The resources of one type, grouped by how their join attribute can be matched.
    struct Candidates: Sendable {
        /// Candidates whose attribute is a known string, by that string.
        var byValue: [String: [PlanResource]] = [:]
        /// Candidates whose attribute is set from an unknown value that refers to nothing in this
        /// plan: where they point cannot be told before apply.
        var undecided: [PlanResource] = []
    }

    /// A join: the candidates' type, the attribute that names the joined resource, and its
    /// candidates.
    final class Join: Sendable {
        let type: String
        let attribute: String
        let candidates: Candidates

        init(type: String, attribute: String, candidates: Candidates) {
            self.type = type
            self.attribute = attribute
            self.candidates = candidates
        }

        func isJoin(type: String, attribute: String) -> Bool {
            // The lengths first: a plan has a handful of joins, and most differ in length.
            self.type.utf8.count == type.utf8.count && self.attribute.utf8.count == attribute.utf8.count
                && self.type == type && self.attribute == attribute
        }
    }

    /// How many joins are found by comparing their strings before the rest go to a table.
    static let comparedJoinLimit = 16

    /// A join's type and attribute, for the joins past ``comparedJoinLimit``.
    private struct JoinKey: Hashable {
        let type: String
        let attribute: String
    }

    private let lock = NSLock()
    /// The first joins asked for, in the order asked: a pack joins by a few (type, attribute)
    /// pairs, and comparing the rules' constant strings costs less than hashing them.
    private var comparedJoins: [Join] = []
    /// The joins past ``comparedJoinLimit``, by type and attribute: a rule that builds its type
    /// from each resource can ask for thousands, and comparing with each would be quadratic.
    private var hashedJoins: [JoinKey: Join] = [:]
    /// The identity values of each resource joined to, by resource.
    ///
    /// Every rule that joins to a resource asks again. The plan keeps its resources alive, so
    /// their identifiers are not reused.
    private let identities = ConcurrentMemo<ObjectIdentifier, [String]>()

    /// The join of `type` resources by `attribute`.
    ///
    /// Its candidates are computed once while other threads wait: the rules that join start
    /// together, and the candidates are read from every resource of the type.
    func join(type: String, attribute: String, in plan: Plan) -> Join {
        lock.withLock {
            if let known = comparedJoins.first(where: { $0.isJoin(type: type, attribute: attribute) }) {
                return known
            }
            let key = JoinKey(type: type, attribute: attribute)
            let isCompared = comparedJoins.count < Self.comparedJoinLimit
            if !isCompared, let known = hashedJoins[key] { return known }
            let join = Join(
                type: type, attribute: attribute,
                candidates: Self.candidates(type: type, attribute: attribute, in: plan))
            if isCompared { comparedJoins.append(join) } else { hashedJoins[key] = join }
            return join
        }
    }

    /// The known string values of `resource`'s ``PlanFunctions/identityAttributes``, in that order.
    func identityValues(of resource: PlanResource) -> [String] {
        identities.value(for: ObjectIdentifier(resource)) {
            PlanFunctions.identityAttributes.compactMap { name in
                // A known scalar is read without a view; anything else by its state.
                switch resource.values.memberValue(name) {
                case .scalar(let json): return json.string
                case .null: return nil
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
