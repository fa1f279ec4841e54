import JSON

/// What a plan does to one resource instance, from `change.actions`.
public enum PlanAction: Sendable, Hashable {
    /// `["create"]`.
    case create
    /// `["update"]`: changed in place.
    case update
    /// `["delete"]`: destroyed; `after` is null.
    case delete
    /// `["delete", "create"]`: replaced, destroying the old object first.
    case deleteThenCreate
    /// `["create", "delete"]`: replaced, creating the new object first (`create_before_destroy`).
    case createThenDelete
    /// `["no-op"]`: exists and stays as it is.
    case noOp
    /// `["read"]`: a data source read during apply.
    case read
    /// `["forget"]`: removed from state without being destroyed (a `removed` block).
    case forget
    /// Recorded in Terraform state: the resource as deployed, read from `terraform show -json`
    /// of a state rather than from a plan.
    case deployed
    /// The plan does not say: a resource taken from `planned_values` because the plan has no
    /// `resource_changes` (some format 0.1 plans), or an action list this version does not know.
    case unspecified

    /// Maps a `change.actions` array; unknown combinations become ``unspecified``.
    init(actions: JSONValue?) {
        guard let actions, actions.kind == .array else {
            self = .unspecified
            return
        }
        let first = actions[0]?.string
        switch actions.count {
        case 1:
            switch first {
            case "create": self = .create
            case "update": self = .update
            case "delete": self = .delete
            case "no-op": self = .noOp
            case "read": self = .read
            case "forget": self = .forget
            default: self = .unspecified
            }
        case 2:
            switch (first, actions[1]?.string) {
            case ("delete", "create"): self = .deleteThenCreate
            case ("create", "delete"): self = .createThenDelete
            default: self = .unspecified
            }
        default: self = .unspecified
        }
    }

    /// The name reporters print: create, update, replace, delete, no-op, read, forget, or
    /// `unknown` for ``unspecified``.
    public var name: String {
        switch self {
        case .create: return "create"
        case .update: return "update"
        case .delete: return "delete"
        case .deleteThenCreate, .createThenDelete: return "replace"
        case .noOp: return "no-op"
        case .read: return "read"
        case .forget: return "forget"
        case .deployed: return "deployed"
        case .unspecified: return "unknown"
        }
    }

    /// True when the resource exists after apply: create, update, either replace, no-op,
    /// ``deployed`` and ``unspecified`` (a planned-values resource is part of the planned end state).
    public var leavesResourceInPlace: Bool {
        switch self {
        case .create, .update, .deleteThenCreate, .createThenDelete, .noOp, .deployed, .unspecified:
            return true
        case .delete, .read, .forget: return false
        }
    }

    /// True when applying the plan changes the resource (anything but no-op).
    ///
    /// ``unspecified`` counts as a change, so `--changed-only` never hides a resource whose
    /// action the plan does not record.
    /// A deployed resource of a state is not changed by anything: there is no plan.
    public var changesResource: Bool { self != .noOp && self != .deployed }
}

/// Whether an entry is a managed resource or a data source.
public enum ResourceMode: String, Sendable, Hashable {
    /// A `resource` block.
    case managed
    /// A `data` block.
    case data
}
