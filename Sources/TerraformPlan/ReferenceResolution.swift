import JSON

/// Where a configuration expression is evaluated: a module instance and, for `count`/`for_each`
/// blocks, the instance key that `count.index` / `each.key` stand for.
final class ResolutionScope: Sendable {
    let context: PlanContext?
    let moduleSteps: [AddressSyntax.ModuleStep]
    let ownKey: InstanceKey?
    /// The resource or module call block, for its `for_each_expression`.
    let block: JSONValue?

    // A class: every attribute view of a resource carries its scope, and copying one reference
    // is cheaper than copying four fields.
    init(
        context: PlanContext?, moduleSteps: [AddressSyntax.ModuleStep], ownKey: InstanceKey?,
        block: JSONValue?
    ) {
        self.context = context
        self.moduleSteps = moduleSteps
        self.ownKey = ownKey
        self.block = block
    }
}

extension PlanContext {
    /// How many `var.` and module output hops are followed before giving up.
    static let maximumResolutionHops = 32

    /// Resolves a `references` array written in `scope` to full addresses in this plan.
    ///
    /// Terraform lists both `aws_kms_key.cmk.arn` and `aws_kms_key.cmk`; the bare form is dropped
    /// when an attribute form names the same address. `var.x` inside a module follows the module
    /// call's argument into the parent instance; `module.m.out` follows the output expression into
    /// the child instance. When the expression also references `count.index` or `each.key`, a
    /// collection reference without a literal key is paired with the scope's own key (instance
    /// `[k]` of one resource refers to instance `[k]` of the other), provided that instance exists.
    func resolve(_ references: JSONValue?, in scope: ResolutionScope) -> [PlanReference] {
        resolve(ParsedReferences(references), in: scope)
    }

    /// Resolves references parsed once, for expressions resolved again in every instance of a
    /// `count` or `for_each` block.
    func resolve(_ references: ParsedReferences, in scope: ResolutionScope) -> [PlanReference] {
        var collected: [PlanReference] = []
        collect(references, in: scope, hops: 0, into: &collected)
        return Self.deduplicated(collected)
    }

    private func collect(
        _ references: JSONValue?, in scope: ResolutionScope, hops: Int, into result: inout [PlanReference]
    ) {
        collect(ParsedReferences(references), in: scope, hops: hops, into: &result)
    }

    private func collect(
        _ references: ParsedReferences, in scope: ResolutionScope, hops: Int,
        into result: inout [PlanReference]
    ) {
        guard hops <= Self.maximumResolutionHops else { return }
        let paired = references.paired
        for segments in references.traversals {
            guard case .name(let head)? = segments.first else { continue }
            switch head {
            case "count", "self", "path", "terraform":
                continue
            case "local":
                // Followed into what the local value is made of, when the configuration's files
                // were read; its collection references pair as the referring expression's do.
                guard let local = localValue(segments, in: scope) else { continue }
                collect(
                    paired ? local.pairedWithOwnKey : local, in: scope, hops: hops + 1, into: &result)
            case "each":
                // `each.value` of a `for_each` over another resource pairs with that resource's
                // instance of the same key, also when the collection is filtered or rebuilt by a
                // `for` expression that keeps its keys (`{ for k, v in aws_vpc.env : k => v if
                // ... }` names neither `each` nor `count`); a key the collection does not hold
                // leaves the whole collection.
                if segments.count > 1, segments[1] == .name("value"),
                    let forEach = scope.block?["for_each_expression"]?["references"]
                {
                    collect(
                        ParsedReferences(forEach).pairedWithOwnKey, in: scope, hops: hops + 1, into: &result)
                }
            case "var":
                guard segments.count > 1, case .name(let variable) = segments[1] else { continue }
                followVariable(variable, from: scope, hops: hops, into: &result)
            case "module":
                followModuleOutput(segments, from: scope, paired: paired, hops: hops, into: &result)
            case "data":
                guard segments.count > 2, case .name(let type) = segments[1],
                    case .name(let name) = segments[2]
                else { continue }
                result.append(
                    resourceReference(
                        local: "data.\(type).\(name)", rest: segments.dropFirst(3), scope: scope,
                        paired: paired
                    ).reference)
            default:
                guard segments.count > 1, case .name(let name) = segments[1] else { continue }
                let resolved = resourceReference(
                    local: "\(head).\(name)", rest: segments.dropFirst(2), scope: scope, paired: paired)
                result.append(resolved.reference)
                followArgument(
                    type: head, name: name, key: resolved.key, after: resolved.after, from: scope, hops: hops,
                    into: &result)
            }
        }
    }

    /// True when `references` is not empty and every reference names a value Terraform knows
    /// while planning: a root module variable, a module variable whose argument is left out (its
    /// default), a constant or made of such values, `count.index`, `each.key`, `path.*`,
    /// `terraform.*`, or a local value whose references (read from the configuration's files)
    /// are all such values.
    ///
    /// False for a resource, data source, module output or `each.value`, whose value the plan
    /// may not know, and for a local value whose files were not read. An attribute set only
    /// from plan-time values and still unknown of itself in the plan was computed by the
    /// provider: the configuration gave it null or an empty value (`kms_key_id =
    /// var.kms_key_id` with the default `""`).
    func refersOnlyToPlanTimeValues(_ references: JSONValue?, in scope: ResolutionScope) -> Bool {
        let parsed = ParsedReferences(references)
        return !parsed.traversals.isEmpty && refersOnlyToPlanTimeValues(parsed, in: scope, hops: 0)
    }

    private func refersOnlyToPlanTimeValues(
        _ references: ParsedReferences, in scope: ResolutionScope, hops: Int
    ) -> Bool {
        guard hops <= Self.maximumResolutionHops else { return false }
        for segments in references.traversals {
            guard case .name(let head)? = segments.first else { return false }
            switch head {
            case "count", "path", "terraform":
                continue
            case "each":
                guard segments.count > 1, segments[1] == .name("key") else { return false }
            case "var":
                guard segments.count > 1, case .name(let variable) = segments[1] else { return false }
                // A root variable is an input of the plan.
                guard !scope.moduleSteps.isEmpty else { continue }
                guard let (argument, callScope) = moduleArgument(variable, from: scope) else { return false }
                // Left out of the module call (its default), or a constant.
                guard let passed = argument?["references"] else { continue }
                guard refersOnlyToPlanTimeValues(ParsedReferences(passed), in: callScope, hops: hops + 1)
                else { return false }
            case "local":
                // Followed when the configuration's files were read. A local without references
                // may still be known only after apply (`timestamp()`), so it is not counted.
                guard let local = localValue(segments, in: scope), !local.traversals.isEmpty,
                    refersOnlyToPlanTimeValues(local, in: scope, hops: hops + 1)
                else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// The references of the local value a `local.NAME` traversal names, in the module of
    /// `scope`; nil when the configuration's files were not read or do not define it.
    private func localValue(
        _ segments: [AddressSyntax.Segment], in scope: ResolutionScope
    ) -> ParsedReferences? {
        guard segments.count > 1, case .name(let name) = segments[1] else { return nil }
        return localValues.references(
            of: name, configurationPath: AddressSyntax.configurationPath(scope.moduleSteps))
    }

    /// The reference a resource traversal makes, the instance key it names (a literal key, or the
    /// scope's own key when paired and that instance exists) and the segments after the key.
    private func resourceReference(
        local: String, rest: ArraySlice<AddressSyntax.Segment>, scope: ResolutionScope, paired: Bool
    ) -> (reference: PlanReference, key: InstanceKey?, after: ArraySlice<AddressSyntax.Segment>) {
        var rest = rest
        let base = AddressSyntax.join(AddressSyntax.instanceAddress(scope.moduleSteps), local)
        var key: InstanceKey?
        switch rest.first {
        case .key(let literal)?:
            key = literal
            rest = rest.dropFirst()
        case .splat?:
            rest = rest.dropFirst()
        default:
            if paired, let ownKey = scope.ownKey, addresses.contains(base + ownKey.description) {
                key = ownKey
            }
        }
        let address = key.map { base + $0.description } ?? base
        return (PlanReference(address: address, attribute: Self.attributePath(rest)), key, rest)
    }

    /// Follows a reference to an argument of another resource (`aws_subnet.a.vpc_id`) into
    /// that argument's own references: the attribute holds what its configuration gives it, so
    /// a flow log whose `vpc_id` is a subnet's `vpc_id` refers to the subnet's VPC too.
    ///
    /// Only a managed resource's arguments that the configuration sets from references are
    /// followed; an attribute the provider computes (`id`, `arn`) has no expression.
    private func followArgument(
        type: String, name: String, key: InstanceKey?, after: ArraySlice<AddressSyntax.Segment>,
        from scope: ResolutionScope, hops: Int, into result: inout [PlanReference]
    ) {
        guard case .name(let argument)? = after.first,
            let block = configurationResource(
                configurationPath: AddressSyntax.configurationPath(scope.moduleSteps), mode: .managed,
                type: type, name: name),
            let references = block["expressions"]?[argument]?["references"]
        else { return }
        let targetScope = ResolutionScope(
            context: self, moduleSteps: scope.moduleSteps, ownKey: key, block: block)
        collect(references, in: targetScope, hops: hops + 1, into: &result)
    }

    private func followVariable(
        _ variable: String, from scope: ResolutionScope, hops: Int, into result: inout [PlanReference]
    ) {
        // A root variable has no resource behind it.
        guard let (argument, callScope) = moduleArgument(variable, from: scope) else { return }
        collect(argument?["references"], in: callScope, hops: hops + 1, into: &result)
    }

    /// Where a module variable gets its value, or nil for a root variable or a module call the
    /// plan does not show.
    ///
    /// The value is the module call's argument for it (nil when the call leaves it out, so its
    /// default applies), read in the scope of that call.
    private func moduleArgument(
        _ variable: String, from scope: ResolutionScope
    ) -> (argument: JSONValue?, callScope: ResolutionScope)? {
        guard let step = scope.moduleSteps.last,
            let call = modulesByPath[AddressSyntax.configurationPath(scope.moduleSteps)]?.call
        else { return nil }
        let callScope = ResolutionScope(
            context: self, moduleSteps: Array(scope.moduleSteps.dropLast()), ownKey: step.key, block: call)
        return (call["expressions"]?[variable], callScope)
    }

    private func followModuleOutput(
        _ segments: [AddressSyntax.Segment], from scope: ResolutionScope, paired: Bool, hops: Int,
        into result: inout [PlanReference]
    ) {
        guard segments.count > 2, case .name(let callName) = segments[1] else { return }
        var index = 2
        var key: InstanceKey?
        if case .key(let literal) = segments[index] {
            key = literal
            index += 1
        } else if segments[index] == .splat {
            index += 1
        }
        guard index < segments.count, case .name(let output) = segments[index] else { return }
        let childSteps = scope.moduleSteps + [AddressSyntax.ModuleStep(name: callName, key: key)]
        let childPath = AddressSyntax.configurationPath(childSteps)
        guard let child = modulesByPath[childPath] else { return }
        var steps = childSteps
        if key == nil, child.call?["count_expression"] != nil || child.call?["for_each_expression"] != nil {
            // A module with instances referenced without a key: pair by key, or give up.
            guard paired, let ownKey = scope.ownKey else { return }
            steps[steps.count - 1] = AddressSyntax.ModuleStep(name: callName, key: ownKey)
        }
        let outputScope = ResolutionScope(context: self, moduleSteps: steps, ownKey: nil, block: nil)
        let expression = child.module["outputs"]?[output]?["expression"]
        collect(expression?["references"], in: outputScope, hops: hops + 1, into: &result)
    }

    /// Renders the traversal after a resource address (`arn`, `rule[0].id`); nil when empty.
    static func attributePath(_ segments: ArraySlice<AddressSyntax.Segment>) -> String? {
        var path = ""
        for segment in segments {
            switch segment {
            case .name(let name): path += path.isEmpty ? name : "." + name
            case .key(let key): path += key.description
            case .splat: path += "[*]"
            }
        }
        return path.isEmpty ? nil : path
    }

    /// Removes duplicates and bare references whose address also appears with an attribute.
    ///
    /// Terraform also lists the collection (`aws_x.y`) beside one instance (`aws_x.y[1]`); the
    /// collection form is dropped too, or every instance would seem referenced.
    static func deduplicated(_ references: [PlanReference]) -> [PlanReference] {
        // A bare reference is dropped only for another reference, and a duplicate needs two.
        guard references.count > 1 else { return references }
        // Most expressions name a few references: compared pairwise, they cost a fraction of the
        // three sets (about 7,000 instructions for two references).
        guard references.count > pairwiseLimit else { return deduplicatedPairwise(references) }
        return deduplicatedBySets(references)
    }

    /// Up to how many references ``deduplicated(_:)`` compares pairwise.
    static let pairwiseLimit = 16

    /// ``deduplicated(_:)`` by comparing every pair.
    static func deduplicatedPairwise(_ references: [PlanReference]) -> [PlanReference] {
        let collections = references.map(\.collectionAddress)
        var kept: [PlanReference] = []
        kept.reserveCapacity(references.count)
        for reference in references {
            if reference.attribute == nil {
                let address = reference.address
                if references.contains(where: { $0.attribute != nil && $0.address == address }) { continue }
                if collections.contains(where: { $0 == address }) { continue }
            }
            if !kept.contains(reference) { kept.append(reference) }
        }
        return kept
    }

    /// ``deduplicated(_:)`` with sets, for long lists.
    static func deduplicatedBySets(_ references: [PlanReference]) -> [PlanReference] {
        let withAttribute = Set(references.lazy.filter { $0.attribute != nil }.map(\.address))
        let instanced = Set(references.lazy.compactMap(\.collectionAddress))
        var seen = Set<PlanReference>()
        return references.filter { reference in
            if reference.attribute == nil, withAttribute.contains(reference.address) { return false }
            if reference.attribute == nil, instanced.contains(reference.address) { return false }
            return seen.insert(reference).inserted
        }
    }
}

/// A `references` array of a configuration expression, split into traversals once.
struct ParsedReferences: Sendable {
    /// The traversals of the texts that split, in order.
    let traversals: [[AddressSyntax.Segment]]
    /// Whether the expression also names `count.index`, `each.key` or `each.value`: its
    /// collection references then pair with the referring instance's own key.
    let paired: Bool

    init(_ references: JSONValue?) {
        self.init(references?.node)
    }

    init(_ references: JSONNode?) {
        guard let references, references.kind == .array else {
            self.init(traversals: [], paired: false)
            return
        }
        self.init(texts: (0..<references.count).compactMap { references[$0]?.string })
    }

    /// References written as a plan writes them (`aws_vpc.this[0].id`), such as a local value's
    /// read from the configuration's files.
    init(texts: [String]) {
        paired = texts.contains { $0 == "count.index" || $0 == "each.key" || $0.hasPrefix("each.value") }
        traversals = texts.compactMap(AddressSyntax.segments)
    }

    private init(traversals: [[AddressSyntax.Segment]], paired: Bool) {
        self.traversals = traversals
        self.paired = paired
    }

    /// The same traversals, paired with the referring instance's own key: a `for_each`
    /// expression read for `each.value` is indexed by that key.
    var pairedWithOwnKey: ParsedReferences { ParsedReferences(traversals: traversals, paired: true) }
}

extension PlanReference {
    /// The address without its final instance key (`aws_x.y` for `aws_x.y[1]`); nil when the
    /// address does not end in a key.
    var collectionAddress: String? {
        guard address.hasSuffix("]"), let open = address.lastIndex(of: "[") else { return nil }
        return String(address[..<open])
    }
}
