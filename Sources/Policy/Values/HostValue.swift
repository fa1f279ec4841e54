/// Whether a host value behaves as a map or as a list.
public enum HostValueKind: Sendable, Hashable {
    /// A map with string keys: `member(_:)`, `hasMember(_:)` and `keys` apply.
    case map
    /// A list: `element(at:)` applies.
    case list
}

/// A lazily read document the engine exposes to expressions without copying it.
///
/// A 20,000-resource Terraform plan is read through views over the parsed JSON; an expression
/// that selects `resource.values.tags` touches only that member. Implementations are immutable
/// objects: a `Value` holds one as a reference, without a box around it, and copying the value
/// counts one reference.
public protocol HostValue: AnyObject, Sendable {
    /// Whether this value is a map or a list.
    var kind: HostValueKind { get }
    /// The number of entries (map) or elements (list).
    var count: Int { get }
    /// The keys of a map in document order; empty for a list.
    var keys: [String] { get }
    /// The member named `name` of a map; `.null` when absent, `.unknown` when not yet known.
    func member(_ name: String) -> Value
    /// Whether the configuration sets member `name`: `.bool`, or `.unknown` when undecidable.
    func hasMember(_ name: String) -> Value
    /// The element at a 0-based index of a list; callers check the index against `count`.
    func element(at index: Int) -> Value
    /// Where the value sits in its input (an attribute path such as `ingress[1]`), when it is
    /// part of a located document; findings on it point there.
    var sourcePath: String? { get }
    /// Member `name` as printed for people (`palisade parse`): the value rules see, except that
    /// a value the input marks sensitive is replaced by a placeholder.
    func printedMember(_ name: String) -> Value
    /// The element at `index` as printed for people; see ``printedMember(_:)``.
    func printedElement(at index: Int) -> Value
}

extension HostValue {
    /// Most host values have no place of their own in an input.
    public var sourcePath: String? { nil }
    /// Most host values hold nothing sensitive: printed as evaluated.
    public func printedMember(_ name: String) -> Value { member(name) }
    /// Most host values hold nothing sensitive: printed as evaluated.
    public func printedElement(at index: Int) -> Value { element(at: index) }
}
