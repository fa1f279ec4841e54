import JSON
import Parallel

/// Turns a parsed document into a ``Plan`` in one pass over its resources.
struct PlanBuilder: Sendable {
    /// A module instance address, parsed once per distinct address.
    private struct ModuleLocation: Sendable {
        let address: String
        let steps: [AddressSyntax.ModuleStep]
        let configurationPath: String
    }

    let document: JSONDocument
    let path: String
    private var strings = StringInterner()
    private var modules: [String: ModuleLocation] = [:]
    /// Provider keys as configuration writes them, resolved (most resources share a few).
    private var providerKeys: [String: String] = [:]

    init(document: JSONDocument, path: String) {
        self.document = document
        self.path = path
    }

    private func failure(_ message: String, _ kind: PlanLoadError.Kind = .malformedPlan) -> PlanLoadError {
        PlanLoadError(file: path, message: message, kind: kind)
    }

    mutating func build() throws(PlanLoadError) -> Plan {
        let root = document.root
        let classification = PlanDetection.classify(root)
        switch classification {
        case .plan: break
        case .state:
            guard root["values"] != nil || root["format_version"] != nil else {
                throw failure(
                    "this is a raw Terraform state file; scan its JSON form instead: "
                        + "terraform show -json terraform.tfstate > state.json", .notAPlan(classification))
            }
            return try buildState(root)
        case .otherJSON:
            throw failure(
                "this is \(classification), not a Terraform plan or state (expected format_version and "
                    + "planned_values, resource_changes or values)", .notAPlan(classification))
        }
        guard let versionText = root["format_version"]?.string, let version = FormatVersion(versionText)
        else {
            throw failure("format_version is not a version string like \"1.2\"")
        }
        guard version.isSupported else {
            throw failure(
                "unsupported plan format_version \(versionText): this version of Palisade reads 0.x and 1.x",
                .unsupportedVersion(versionText))
        }
        let configuration = root["configuration"]
        // Listed beside the resources: the reference graph needs the addresses at once, and
        // listing them there held one core while the other waited (50 M instructions for a
        // 20,000-resource plan).
        let addresses = BackgroundWork { Self.addresses(in: root) }
        let context = PlanContext(configuration: configuration, rootVariables: root["variables"]) {
            addresses.wait()
        }

        var resources: [PlanResource] = []
        let usesPlannedValues: Bool
        if let changes = root["resource_changes"], !changes.isNull {
            guard changes.kind == .array else { throw failure("resource_changes is not a list") }
            usesPlannedValues = false
            resources = try resourceChanges(changes, context: context)
        } else {
            usesPlannedValues = true
            try moduleResources(
                root["planned_values"]?["root_module"], origin: .plannedValues, modeFilter: nil, depth: 0,
                context: context, into: &resources)
        }
        var drift: [PlanResource] = []
        if let entries = root["resource_drift"], entries.kind == .array {
            var local = self
            for position in 0..<entries.count {
                guard let entry = entries[position] else { continue }
                drift.append(
                    try local.resourceChange(entry, position: position, context: context, origin: .drift))
            }
        }
        var priorData: [PlanResource] = []
        try moduleResources(
            root["prior_state"]?["values"]?["root_module"], origin: .priorState, modeFilter: .data, depth: 0,
            context: context, into: &priorData)

        return Plan(
            path: path, document: document, formatVersion: version,
            terraformVersion: root["terraform_version"]?.string,
            resources: resources, usesPlannedValues: usesPlannedValues,
            providerConfigurations: providerConfigurations(configuration),
            variables: variables(root["variables"], configuration: configuration),
            priorStateDataSources: priorData, drift: drift, context: context)
    }

    /// Builds the model of a state: every resource of `values.root_module` as deployed.
    private mutating func buildState(_ root: JSONValue) throws(PlanLoadError) -> Plan {
        let versionText = root["format_version"]?.string ?? "0.1"
        guard let version = FormatVersion(versionText), version.isSupported else {
            throw failure(
                "unsupported state format_version \(versionText): this version of Palisade reads 0.x and 1.x",
                .unsupportedVersion(versionText))
        }
        let context = PlanContext(configuration: nil) { Self.addresses(in: root) }
        var resources: [PlanResource] = []
        try moduleResources(
            root["values"]?["root_module"], origin: .state, modeFilter: nil, depth: 0, context: context,
            into: &resources)
        return Plan(
            path: path, document: document, formatVersion: version,
            terraformVersion: root["terraform_version"]?.string, resources: resources,
            usesPlannedValues: false, providerConfigurations: [], variables: [], priorStateDataSources: [],
            isState: true)
    }

    private mutating func location(_ moduleAddress: String) -> ModuleLocation {
        if let known = modules[moduleAddress] { return known }
        let steps = AddressSyntax.moduleSteps(moduleAddress) ?? []
        let location = ModuleLocation(
            address: moduleAddress, steps: steps, configurationPath: AddressSyntax.configurationPath(steps))
        modules[moduleAddress] = location
        return location
    }

    /// Builds every entry of `resource_changes`, in chunks on every core.
    ///
    /// Each chunk works on its own copy of the builder (interner and module cache), so nothing
    /// is shared but the read-only document and context; the first error in list order wins, as
    /// it would in one pass.
    private func resourceChanges(
        _ changes: JSONValue, context: PlanContext
    ) throws(PlanLoadError) -> [PlanResource] {
        let count = changes.count
        let builder = self
        let built = (0..<count).chunks(of: 256).parallelMap {
            positions -> Result<[PlanResource], PlanLoadError> in
            var local = builder
            var resources: [PlanResource] = []
            resources.reserveCapacity(positions.count)
            for position in positions {
                guard let change = changes[position] else { continue }
                do throws(PlanLoadError) {
                    resources.append(try local.resourceChange(change, position: position, context: context))
                } catch {
                    return .failure(error)
                }
            }
            return .success(resources)
        }
        var resources: [PlanResource] = []
        resources.reserveCapacity(count)
        for chunk in built { resources += try chunk.get() }
        return resources
    }

    private mutating func resourceChange(
        _ entry: JSONValue, position: Int, context: PlanContext,
        origin: PlanResource.Origin = .resourceChange
    )
        throws(PlanLoadError) -> PlanResource
    {
        // The resource's views are read on both cores for the rest of the run; a handle of its
        // own keeps their reference counting off the document every other resource shares.
        let change = entry.withHandleOfItsOwn()
        // Members are read as nodes, by static names read in place: a value per member
        // counted a reference on the document and copied its name into a C string first.
        let node = change.node
        func member(_ name: StaticString, of node: JSONNode? = node) -> JSONNode? {
            name.utf8Start.withMemoryRebound(to: CChar.self, capacity: name.utf8CodeUnitCount + 1) {
                node?.member(cString: $0)
            }
        }
        func value(_ node: JSONNode?) -> JSONValue? { node.map(change.document.value(of:)) }
        guard change.kind == .object, let type = strings.string(member("type")),
            let name = member("name")?.string,
            let address = member("address")?.string ?? Self.derivedAddress(of: change, type: type, name: name)
        else {
            let list = origin == .drift ? "resource_drift" : "resource_changes"
            throw failure("\(list)[\(position)] lacks an address, type or name")
        }
        let body = member("change")
        return makeResource(
            address: address, module: location(strings.string(member("module_address")) ?? ""),
            mode: member("mode")?.string == "data" ? .data : .managed, type: type, name: name,
            index: value(member("index")), providerName: strings.string(member("provider_name")) ?? "",
            action: PlanAction(actions: value(member("actions", of: body))),
            previousAddress: member("previous_address")?.string,
            deposed: member("deposed")?.string, origin: origin, after: value(member("after", of: body)),
            afterUnknown: value(member("after_unknown", of: body)),
            afterSensitive: value(member("after_sensitive", of: body)), context: context)
    }

    /// The address of an entry that does not record one: Terraform 1.0 wrote `resource_drift`
    /// entries without `address`, with `module_address`, `mode`, `type`, `name` and `index`.
    private static func derivedAddress(of entry: JSONValue, type: String, name: String) -> String? {
        var address = entry["mode"]?.string == "data" ? "data." + type + "." + name : type + "." + name
        if let module = entry["module_address"]?.string, !module.isEmpty { address = module + "." + address }
        switch InstanceKey(json: entry["index"]) {
        case .none: return address
        case .some(let key): return address + key.description
        }
    }

    /// Collects `resources` of a `planned_values`/`prior_state` module and its `child_modules`.
    private mutating func moduleResources(
        _ module: JSONValue?, origin: PlanResource.Origin, modeFilter: ResourceMode?, depth: Int,
        context: PlanContext, into resources: inout [PlanResource]
    ) throws(PlanLoadError) {
        guard let module, module.kind == .object, depth <= PlanContext.maximumModuleDepth else { return }
        let place = location(module["address"]?.string ?? "")
        for element in module["resources"].map({ Array($0.elements) }) ?? [] {
            let resource = element.withHandleOfItsOwn()  // as in resourceChange
            guard let address = resource["address"]?.string, let type = strings.string(resource["type"]),
                let name = resource["name"]?.string
            else {
                let section =
                    switch origin {
                    case .priorState: "prior_state"
                    case .state: "values"
                    case .resourceChange, .plannedValues, .drift: "planned_values"
                    }
                throw failure("a resource in \(section) lacks an address, type or name")
            }
            let mode: ResourceMode = resource["mode"]?.string == "data" ? .data : .managed
            if let modeFilter, mode != modeFilter { continue }
            resources.append(
                makeResource(
                    address: address, module: place, mode: mode, type: type, name: name,
                    index: resource["index"],
                    providerName: strings.string(resource["provider_name"]) ?? "",
                    action: mode == .data ? .read : (origin == .state ? .deployed : .unspecified),
                    previousAddress: nil, deposed: nil,
                    origin: origin,
                    after: resource["values"], afterUnknown: nil,
                    afterSensitive: resource["sensitive_values"],
                    context: context))
        }
        for child in module["child_modules"].map({ Array($0.elements) }) ?? [] {
            try moduleResources(
                child, origin: origin, modeFilter: modeFilter, depth: depth + 1, context: context,
                into: &resources)
        }
    }

    private mutating func makeResource(
        address: String, module: ModuleLocation, mode: ResourceMode, type: String, name: String,
        index: JSONValue?,
        providerName: String, action: PlanAction, previousAddress: String?, deposed: String?,
        origin: PlanResource.Origin, after: JSONValue?, afterUnknown: JSONValue?, afterSensitive: JSONValue?,
        context: PlanContext
    ) -> PlanResource {
        let configuration = context.configurationResource(
            configurationPath: module.configurationPath, mode: mode, type: type, name: name)
        let providerKey = strings.string(configuration?["provider_config_key"]).map { raw in
            if let resolved = providerKeys[raw] { return resolved }
            let resolved = context.resolveProviderKey(raw)
            providerKeys[raw] = resolved
            return resolved
        }
        let key = InstanceKey(json: index)
        return PlanResource(
            address: address, moduleAddress: module.address, mode: mode, type: type, name: name, index: key,
            providerName: providerName, providerConfigKey: providerKey, action: action,
            previousAddress: previousAddress, deposed: deposed, origin: origin, after: after,
            afterUnknown: afterUnknown, afterSensitive: afterSensitive, configuration: configuration,
            scope: ResolutionScope(
                context: context, moduleSteps: module.steps, ownKey: key, block: configuration))
    }

    /// Every resource address in the plan, read again from the JSON when first needed.
    private static func addresses(in root: JSONValue) -> Set<String> {
        var result = Set<String>()
        // Read as nodes: this runs beside other readers of the document, and a value per entry
        // would count references on the document they share.
        func collect(_ list: JSONValue?) {
            guard let list = list?.node else { return }
            for index in 0..<list.count {
                if let address = list[index]?["address"]?.string { result.insert(address) }
            }
        }
        func walk(_ module: JSONValue?, depth: Int) {
            guard let module, depth <= PlanContext.maximumModuleDepth else { return }
            collect(module["resources"])
            for child in module["child_modules"].map({ Array($0.elements) }) ?? [] {
                walk(child, depth: depth + 1)
            }
        }
        if let changes = root["resource_changes"], changes.kind == .array {
            collect(changes)
        } else {
            walk(root["planned_values"]?["root_module"], depth: 0)
        }
        walk(root["values"]?["root_module"], depth: 0)
        walk(root["prior_state"]?["values"]?["root_module"], depth: 0)
        return result
    }

    private func providerConfigurations(_ configuration: JSONValue?) -> [ProviderConfiguration] {
        var result: [ProviderConfiguration] = []
        configuration?["provider_config"]?.forEachMember { key, json in
            if json.kind == .object { result.append(ProviderConfiguration(key: key, json: json)) }
        }
        return result
    }

    private func variables(_ values: JSONValue?, configuration: JSONValue?) -> [RootVariable] {
        let declared = configuration?["root_module"]?["variables"]
        var result: [RootVariable] = []
        var seen = Set<String>()
        values?.forEachMember { name, entry in
            seen.insert(name)
            result.append(
                RootVariable(
                    name: name, isMarkedSensitive: declared?[name]?["sensitive"]?.bool == true,
                    value: entry["value"]))
        }
        declared?.forEachMember { name, declaration in
            guard !seen.contains(name) else { return }
            result.append(
                RootVariable(
                    name: name, isMarkedSensitive: declaration["sensitive"]?.bool == true, value: nil))
        }
        return result
    }
}
