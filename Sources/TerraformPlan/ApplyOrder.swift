import JSON

extension PlanIndex {
    /// How many resources an ordering question walks at most before it answers no.
    static let maximumOrderingVisits = 100_000

    /// True when Terraform applies `resource`'s change only after `other`'s.
    ///
    /// Terraform orders a resource after everything its configuration refers to (through local
    /// values, variables and module outputs, as the reference graph resolves them), after what
    /// its `depends_on` names (a resource, or every resource of a module), and after what the
    /// `depends_on` of each module call around it names; and so on from those. Resources with
    /// no such path between them are applied in parallel, in any order.
    public func isApplied(_ resource: PlanResource, after other: PlanResource) -> Bool {
        guard resource !== other else { return false }
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(resource)]
        var queue = [resource]
        var next = 0
        while next < queue.count, seen.count <= Self.maximumOrderingVisits {
            let current = queue[next]
            next += 1
            for predecessor in predecessors(of: current) {
                if predecessor === other { return true }
                if seen.insert(ObjectIdentifier(predecessor)).inserted { queue.append(predecessor) }
            }
        }
        return false
    }

    /// What Terraform applies before `resource`'s change, one step back.
    private func predecessors(of resource: PlanResource) -> [PlanResource] {
        var result = configuredReferences(of: resource).flatMap { resources(matching: $0) }
        guard let context = resource.scope.context else { return result }
        result += dependencies(resource.configuration?["depends_on"], in: resource.scope)
        // A module call's `depends_on` holds back every resource inside the module, nested ones
        // too; it is read in the module instance that makes the call.
        var steps = resource.scope.moduleSteps
        while let step = steps.last {
            let call = context.modulesByPath[AddressSyntax.configurationPath(steps)]?.call
            steps.removeLast()
            guard let call, let dependsOn = call["depends_on"] else { continue }
            let callScope = ResolutionScope(
                context: context, moduleSteps: steps, ownKey: step.key, block: call)
            result += dependencies(dependsOn, in: callScope)
        }
        return result
    }

    /// The resources a `depends_on` list names in `scope`: resources and data sources by
    /// address, and every resource of a module named `module.NAME`.
    private func dependencies(_ list: JSONValue?, in scope: ResolutionScope) -> [PlanResource] {
        guard let list, list.kind == .array, let context = scope.context else { return [] }
        var result = context.resolve(list, in: scope).flatMap { resources(matching: $0.address) }
        let enclosing = AddressSyntax.instanceAddress(scope.moduleSteps)
        for entry in list.elements.compactMap(\.string) {
            guard let segments = AddressSyntax.segments(entry), segments.count == 2,
                segments[0] == .name("module"), case .name(let name) = segments[1]
            else { continue }
            result += resources(
                inModule: enclosing.isEmpty ? "module.\(name)" : "\(enclosing).module.\(name)")
        }
        return result
    }
}
