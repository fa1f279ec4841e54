import Foundation
import JSON
import Parallel
import Synchronization

/// Lookups over a plan's resources, built in one pass; the reference graph is built on first use.
///
/// The index covers every ``Plan/resources`` entry and the data sources read during plan.
public struct PlanIndex: Sendable {
    /// A resource whose configuration refers to another, and through which attribute.
    public struct Referrer: Sendable {
        /// The referring resource.
        public let resource: PlanResource
        /// The attribute path in the referring resource, such as `bucket` or
        /// `rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id`.
        public let attributePath: String
    }

    private let byType: [String: [PlanResource]]
    private let byAddress: [String: PlanResource]
    private let byBaseAddress: [String: [PlanResource]]
    private let byProviderKey: [String: [PlanResource]]
    private let byProviderKeyAndType: [ProviderKeyAndType: [PlanResource]]
    /// Data sources whose values were read while planning (from `prior_state`).
    public let dataSourcesReadDuringPlan: [PlanResource]
    /// Data sources whose read is deferred to apply (`resource_changes` with action read).
    public let deferredDataSources: [PlanResource]
    private let referrerGraph: ReferrerGraph
    /// The resources of each module instance, by module address; built when an ordering question
    /// first names a module.
    private let byModuleAddress: Lazy<[String: [PlanResource]]>

    /// A provider configuration key and a resource type: a key that is looked up without
    /// joining the two into a new string (`same_provider` asks once or twice per evaluation).
    private struct ProviderKeyAndType: Hashable, Sendable {
        let key: String
        let type: String
    }

    /// Which of the lookup tables one pass fills.
    private enum LookupTable: Sendable {
        case type, address, baseAddress, provider
    }

    /// The lookup tables, filled in plan order.
    private struct LookupTables: Sendable {
        var byType: [String: [PlanResource]] = [:]
        var byAddress: [String: PlanResource] = [:]
        var byBaseAddress: [String: [PlanResource]] = [:]
        var byProviderKey: [String: [PlanResource]] = [:]
        var byProviderKeyAndType: [ProviderKeyAndType: [PlanResource]] = [:]
    }

    init(resources: [PlanResource], priorStateDataSources: [PlanResource]) {
        var deferred: [PlanResource] = []
        var all: [PlanResource] = []
        all.reserveCapacity(resources.count + priorStateDataSources.count)
        for resource in resources {
            if resource.mode == .data, resource.action == .read { deferred.append(resource) }
            all.append(resource)
        }
        // A data source read during plan is indexed unless resource_changes also lists it.
        if !priorStateDataSources.isEmpty {
            let changed = Set(resources.lazy.map(\.address))
            all += priorStateDataSources.filter { !changed.contains($0.address) }
        }
        // The tables are built at the same time, each in its own pass over every resource; four
        // passes of unequal cost keep two cores busier than two halves did.
        let indexed = all
        let parts = [LookupTable.type, .address, .baseAddress, .provider].parallelMap { part in
            var tables = LookupTables()
            for resource in indexed {
                switch part {
                case .type:
                    tables.byType[resource.type, default: []].append(resource)
                case .address:
                    // The current object wins over a deposed one at the same address.
                    if resource.deposed == nil || tables.byAddress[resource.address] == nil {
                        tables.byAddress[resource.address] = resource
                    }
                case .baseAddress:
                    if resource.index != nil {
                        tables.byBaseAddress[resource.baseAddress, default: []].append(resource)
                    }
                case .provider:
                    if let key = resource.providerConfigKey {
                        tables.byProviderKey[key, default: []].append(resource)
                        tables.byProviderKeyAndType[
                            ProviderKeyAndType(key: key, type: resource.type), default: []
                        ].append(resource)
                    }
                }
            }
            return tables
        }
        self.byType = parts[0].byType
        self.byAddress = parts[1].byAddress
        self.byBaseAddress = parts[2].byBaseAddress
        self.byProviderKey = parts[3].byProviderKey
        self.byProviderKeyAndType = parts[3].byProviderKeyAndType
        self.dataSourcesReadDuringPlan = priorStateDataSources
        self.deferredDataSources = deferred
        self.referrerGraph = ReferrerGraph(resources: all)
        self.byModuleAddress = Lazy { Dictionary(grouping: indexed, by: \.moduleAddress) }
    }

    /// Every resource and data source of `type`, in plan order.
    public func resources(ofType type: String) -> [PlanResource] { byType[type] ?? [] }

    /// The resource at exactly `address` (with its instance key, if any).
    public func resource(address: String) -> PlanResource? { byAddress[address] }

    /// The resources an address names: the one instance, or every instance of a collection
    /// address without a key (`aws_s3_bucket.b` for `count` instances `[0]`, `[1]`).
    public func resources(matching address: String) -> [PlanResource] {
        if let exact = byAddress[address] { return [exact] }
        return byBaseAddress[address] ?? []
    }

    /// The other resources configured with the same provider configuration (same account and
    /// region settings), such as `aws_ebs_encryption_by_default` for an `aws_ebs_volume`.
    public func resources(sharingProviderWith resource: PlanResource) -> [PlanResource] {
        guard let key = resource.providerConfigKey else { return [] }
        return (byProviderKey[key] ?? []).filter { $0 !== resource }
    }

    /// The resources of `type` configured with the same provider configuration as `resource`:
    /// a direct lookup, for per-region account settings checked once per resource.
    public func resources(ofType type: String, sharingProviderWith resource: PlanResource) -> [PlanResource] {
        guard let key = resource.providerConfigKey else { return [] }
        return (byProviderKeyAndType[ProviderKeyAndType(key: key, type: type)] ?? []).filter {
            $0 !== resource
        }
    }

    /// The addresses `resource`'s configuration refers to, resolved as for ``referrers(of:)``.
    func configuredReferences(of resource: PlanResource) -> [String] {
        referrerGraph.tables.references[ObjectIdentifier(resource)]?.map(\.address) ?? []
    }

    /// The resources of module instance `module` (`module.vols`, `module.env["dev"]`) and of the
    /// modules under it; every instance of a module when `module` names no key.
    func resources(inModule module: String) -> [PlanResource] {
        byModuleAddress.value.flatMap { address, resources in
            guard address.hasPrefix(module) else { return [PlanResource]() }
            let rest = address.utf8.dropFirst(module.utf8.count)
            let inside = rest.isEmpty || rest.first == UInt8(ascii: ".") || rest.first == UInt8(ascii: "[")
            return inside ? resources : []
        }
    }

    /// The resources whose configuration refers to `address`, with the referring attribute.
    ///
    /// References are resolved in the referrer's module instance and paired by `count.index` /
    /// `each.key`, as Terraform pairs the instances of two resources with the same `count` or
    /// `for_each`. A reference to a whole collection counts as a reference to
    /// each of its instances.
    public func referrers(of address: String) -> [Referrer] {
        referrers(of: address, base: AddressSyntax.baseAddress(address))
    }

    /// The referrers of a resource (see ``referrers(of:)``), without re-reading its address.
    public func referrers(of resource: PlanResource) -> [Referrer] {
        referrerGraph.referrers(of: resource) { referrers(of: resource.address, base: resource.baseAddress) }
    }

    private func referrers(of address: String, base: String) -> [Referrer] {
        let table = referrerGraph.tables.referrers
        let direct = table[address] ?? []
        guard base != address, let collection = table[base], !collection.isEmpty else { return direct }
        guard !direct.isEmpty else { return collection }
        struct Key: Hashable {
            let resource: ObjectIdentifier
            let attributePath: String
        }
        var seen = Set(
            direct.map { Key(resource: ObjectIdentifier($0.resource), attributePath: $0.attributePath) })
        var result = direct
        for entry in collection
        where seen.insert(Key(resource: ObjectIdentifier(entry.resource), attributePath: entry.attributePath))
            .inserted
        {
            result.append(entry)
        }
        return result
    }

    /// The resources that attribute `attributePath` (such as `bucket` or `rule[0].x`) of
    /// `resource` refers to in configuration.
    public func references(from resource: PlanResource, attribute attributePath: String) -> [PlanResource] {
        guard let view = resource.values.attribute(atPath: attributePath) else { return [] }
        return resources(referencedBy: view)
    }

    /// True when the configuration of `resource`'s attribute at `attributePath` (blocks under it
    /// included) refers to some resource or data source in this plan: whether
    /// `resources(referencedBy:)` of that attribute is non-empty.
    ///
    /// A top-level attribute is answered from the reference graph, which has already resolved
    /// every reference; a deeper path (where repeated blocks may be matched by position) is
    /// resolved again.
    public func refersToPlanResource(_ resource: PlanResource, attribute attributePath: String) -> Bool {
        let isTopLevel = !attributePath.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "[") }
        guard isTopLevel else {
            guard let view = resource.values.attribute(atPath: attributePath) else { return false }
            return !resources(referencedBy: view).isEmpty
        }
        guard let outgoing = referrerGraph.tables.references[ObjectIdentifier(resource)] else { return false }
        return outgoing.contains { edge in
            AttributeView.path(edge.attributePath, startsWith: attributePath)
                && !resources(matching: edge.address).isEmpty
        }
    }

    /// Builds the reference graph now, using every core, rather than on first use.
    public func prepareReferenceGraph() { _ = referrerGraph.tables }

    /// The resources an attribute view's configuration refers to.
    public func resources(referencedBy view: AttributeView) -> [PlanResource] {
        var seen = Set<ObjectIdentifier>()
        var result: [PlanResource] = []
        for reference in view.configurationReferences {
            for resource in resources(matching: reference.address)
            where seen.insert(ObjectIdentifier(resource)).inserted {
                result.append(resource)
            }
        }
        return result
    }
}

/// The reference graph, built once on first use and then shared read-only.
private final class ReferrerGraph: Sendable {
    /// Both directions of the graph.
    struct Tables: Sendable {
        /// Referenced address to the resources referring to it.
        var referrers: [String: [PlanIndex.Referrer]] = [:]
        /// Resource to the (attribute path, referenced address) pairs of its configuration.
        var references: [ObjectIdentifier: [(attributePath: String, address: String)]] = [:]
    }

    private let built: Lazy<Tables>
    /// The referrers of each resource asked about, kept: rules ask for a resource's referrers of
    /// one type or another (a bucket's ACL, its encryption, its public access block), and finding
    /// them looks its address up twice in a table of thousands of long strings.
    private let byResource = Mutex<[ObjectIdentifier: [PlanIndex.Referrer]]>([:])

    init(resources: [PlanResource]) {
        built = Lazy { Self.build(resources) }
    }

    var tables: Tables { built.value }

    /// The referrers of `resource` that `find` gives, found once.
    func referrers(
        of resource: PlanResource, find: () -> [PlanIndex.Referrer]
    ) -> [PlanIndex.Referrer] {
        let key = ObjectIdentifier(resource)
        if let known = byResource.withLock({ $0[key] }) { return known }
        // Found outside the lock: another core may find them too, with the same result.
        let found = find()
        byResource.withLock { $0[key] = found }
        return found
    }

    private static func build(_ resources: [PlanResource]) -> Tables {
        // The instances of one `count` or `for_each` block share its configuration, so its
        // expressions are walked once per block, on every core; resolving their references,
        // which depends on each instance's module and key, is the costly part and runs on every
        // core too. The tables are then filled in plan order, as a sequential build would.
        var blockOfResource: [Int?] = []
        blockOfResource.reserveCapacity(resources.count)
        var blocks: [JSONValue] = []
        var blockIndex: [UnsafeRawPointer: Int] = [:]
        for resource in resources {
            guard resource.scope.context != nil, let expressions = resource.configuration?["expressions"],
                let identity = expressions.nodeIdentity
            else {
                blockOfResource.append(nil)
                continue
            }
            if let index = blockIndex[identity] {
                blockOfResource.append(index)
            } else {
                blockIndex[identity] = blocks.count
                blockOfResource.append(blocks.count)
                blocks.append(expressions)
            }
        }
        let expressions = blocks.parallelMap(Self.referringExpressions)
        let blockOf = blockOfResource
        let perResource = resources.indices.chunks(of: 256).parallelMap { chunk in
            chunk.map { index in
                (
                    resources[index],
                    blockOf[index].map { Self.edges(from: resources[index], expressions[$0]) } ?? []
                )
            }
        }
        // The two directions are filled at the same time, each in plan order.
        let halves = [true, false].parallelMap { referencesHalf in
            var tables = Tables()
            for (resource, outgoing) in perResource.joined() where !outgoing.isEmpty {
                if referencesHalf {
                    tables.references[ObjectIdentifier(resource)] = outgoing.map {
                        ($0.1.attributePath, $0.0)
                    }
                } else {
                    for (address, referrer) in outgoing {
                        tables.referrers[address, default: []].append(referrer)
                    }
                }
            }
            return tables
        }
        return Tables(referrers: halves[1].referrers, references: halves[0].references)
    }

    /// Every expression with references in a resource block's `expressions`, in document order,
    /// with its attribute path.
    ///
    /// The references come parsed: every instance of the block resolves them again.
    private static func referringExpressions(
        _ expressions: JSONValue
    ) -> [(attributePath: String, references: ParsedReferences)] {
        // `expressions` keeps the document alive while its nodes are walked.
        guard expressions.kind == .object else { return [] }
        var found: [(attributePath: String, references: ParsedReferences)] = []
        var path: [VisitStep] = []
        visit(expressions.node, shape: .body, path: &path, depth: 0) { path, references in
            let components = path.map { step -> AttributeView.PathComponent in
                switch step {
                case .key(let name): .key(String(cString: name))
                case .index(let index): .index(index)
                }
            }
            found.append((AttributeView.render(components), ParsedReferences(references)))
        }
        return found
    }

    /// A step of the walk's path: a member's name as the JSON tree holds it, made a string only for
    /// the expressions with references (most members have none), or a list index.
    private enum VisitStep {
        case key(UnsafePointer<CChar>)
        case index(Int)
    }

    /// The (referenced address, referrer) pairs of one resource's configuration, from its
    /// block's expressions with references.
    private static func edges(
        from resource: PlanResource, _ expressions: [(attributePath: String, references: ParsedReferences)]
    ) -> [(String, PlanIndex.Referrer)] {
        guard let context = resource.scope.context else { return [] }
        var edges: [(String, PlanIndex.Referrer)] = []
        for (attributePath, references) in expressions {
            var seenAddresses = Set<String>()
            for reference in context.resolve(references, in: resource.scope)
            where seenAddresses.insert(reference.address).inserted {
                edges.append(
                    (reference.address, PlanIndex.Referrer(resource: resource, attributePath: attributePath)))
            }
        }
        return edges
    }

    /// Calls `body` for every expression with references under `node` (of `shape`), with its path.
    ///
    /// One path array is extended and cut back on the way (a new array per node cost an
    /// allocation and a release for every attribute of every resource). Nodes, not values: the
    /// walk counts no references per member, and the caller holds the block's value meanwhile.
    private static func visit(
        _ node: JSONNode, shape: ConfigurationExpressionNode.Shape, path: inout [VisitStep],
        depth: Int, _ body: (_ path: [VisitStep], _ references: JSONNode) -> Void
    ) {
        guard depth <= JSONDocument.defaultMaximumDepth else { return }
        switch shape {
        case .expression:
            if let references = node["references"], references.count > 0 { body(path, references) }
        case .blockList:
            for index in 0..<node.count {
                if let block = node[index], let shape = ConfigurationExpressionNode.shape(of: block) {
                    path.append(.index(index))
                    visit(block, shape: shape, path: &path, depth: depth + 1, body)
                    path.removeLast()
                }
            }
        case .body:
            node.forEachNamedMember { key, member in
                if let shape = ConfigurationExpressionNode.shape(of: member) {
                    path.append(.key(key))
                    visit(member, shape: shape, path: &path, depth: depth + 1, body)
                    path.removeLast()
                }
            }
        }
    }
}
