import TerraformPlan

/// Plan resources in the order first inserted, each once.
///
/// A join matches zero or one resource nearly always: while there are few, a new one is
/// compared with each by identity, which costs less than hashing it into a set; past
/// ``linearLimit`` a set takes over, so a resource that hundreds of others refer to stays linear.
struct DistinctResources {
    /// How many resources are compared one by one before a set is built.
    static let linearLimit = 8

    private(set) var resources: [PlanResource] = []
    /// Empty (allocating nothing) until there are more than ``linearLimit`` resources.
    private var identities = Set<ObjectIdentifier>()

    /// Appends `resource` unless it is already there.
    mutating func insert(_ resource: PlanResource) {
        if resources.count <= Self.linearLimit {
            if resources.contains(where: { $0 === resource }) { return }
            resources.append(resource)
            if resources.count > Self.linearLimit {
                identities = Set(resources.lazy.map(ObjectIdentifier.init))
            }
        } else if identities.insert(ObjectIdentifier(resource)).inserted {
            resources.append(resource)
        }
    }
}
