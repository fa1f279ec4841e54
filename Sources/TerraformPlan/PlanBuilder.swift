import JSON

/// Turns a parsed document into a ``Plan`` in one pass over its resources.
struct PlanBuilder {
    /// A resource entry read before the shared context exists.
    private struct Entry {
        let address: String
        let moduleSteps: [AddressSyntax.ModuleStep]
        let moduleAddress: String
        let mode: ResourceMode
        let type: String
        let name: String
        let index: InstanceKey?
        let providerName: String
        let action: PlanAction
        let previousAddress: String?
        let deposed: String?
        let origin: PlanResource.Origin
        let after: JSONValue?
        let afterUnknown: JSONValue?
        let afterSensitive: JSONValue?
    }

    let document: JSONDocument
    let path: String

    private func failure(_ message: String, _ kind: PlanLoadError.Kind = .malformedPlan) -> PlanLoadError {
        PlanLoadError(file: path, message: message, kind: kind)
    }

    func build() throws(PlanLoadError) -> Plan {
        let root = document.root
        let classification = PlanDetection.classify(root)
        guard classification == .plan else {
            let hint =
                classification == .state
                ? "; scan the plan instead: terraform plan -out tfplan && terraform show -json tfplan > plan.json"
                : " (expected format_version and planned_values or resource_changes)"
            throw failure("this is \(classification), not a Terraform plan\(hint)", .notAPlan(classification))
        }
        guard let versionText = root["format_version"]?.string, let version = FormatVersion(versionText) else {
            throw failure("format_version is not a version string like \"1.2\"")
        }
        guard version.isSupported else {
            throw failure(
                "unsupported plan format_version \(versionText): this version of Palisade reads 0.x and 1.x",
                .unsupportedVersion(versionText))
        }
        let configuration = root["configuration"]

        var entries: [Entry] = []
        let usesPlannedValues: Bool
        if let changes = root["resource_changes"], !changes.isNull {
            guard changes.kind == .array else { throw failure("resource_changes is not a list") }
            usesPlannedValues = false
            entries.reserveCapacity(changes.count)
            for (position, change) in changes.elements.enumerated() {
                entries.append(try resourceChange(change, position: position))
            }
        } else {
            usesPlannedValues = true
            try moduleResources(
                root["planned_values"]?["root_module"], origin: .plannedValues, modeFilter: nil, depth: 0,
                into: &entries)
        }
        var priorData: [Entry] = []
        try moduleResources(
            root["prior_state"]?["values"]?["root_module"], origin: .priorState, modeFilter: .data, depth: 0,
            into: &priorData)

        var addresses = Set<String>(minimumCapacity: entries.count + priorData.count)
        for entry in entries { addresses.insert(entry.address) }
        for entry in priorData { addresses.insert(entry.address) }
        let context = PlanContext(configuration: configuration, addresses: addresses)

        return Plan(
            path: path, document: document, formatVersion: version, terraformVersion: root["terraform_version"]?.string,
            resources: entries.map { makeResource($0, context: context) }, usesPlannedValues: usesPlannedValues,
            providerConfigurations: providerConfigurations(configuration),
            variables: variables(root["variables"], configuration: configuration),
            priorStateDataSources: priorData.map { makeResource($0, context: context) })
    }

    private func resourceChange(_ change: JSONValue, position: Int) throws(PlanLoadError) -> Entry {
        guard change.kind == .object, let address = change["address"]?.string, let type = change["type"]?.string,
            let name = change["name"]?.string
        else {
            throw failure("resource_changes[\(position)] lacks an address, type or name")
        }
        let moduleAddress = change["module_address"]?.string ?? ""
        let body = change["change"]
        return Entry(
            address: address, moduleSteps: AddressSyntax.moduleSteps(moduleAddress) ?? [],
            moduleAddress: moduleAddress, mode: change["mode"]?.string == "data" ? .data : .managed, type: type,
            name: name, index: InstanceKey(json: change["index"]), providerName: change["provider_name"]?.string ?? "",
            action: PlanAction(actions: body?["actions"]), previousAddress: change["previous_address"]?.string,
            deposed: change["deposed"]?.string, origin: .resourceChange, after: body?["after"],
            afterUnknown: body?["after_unknown"], afterSensitive: body?["after_sensitive"])
    }

    /// Collects `resources` of a `planned_values`/`prior_state` module and its `child_modules`.
    private func moduleResources(
        _ module: JSONValue?, origin: PlanResource.Origin, modeFilter: ResourceMode?, depth: Int,
        into entries: inout [Entry]
    ) throws(PlanLoadError) {
        guard let module, module.kind == .object, depth <= PlanContext.maximumModuleDepth else { return }
        let moduleAddress = module["address"]?.string ?? ""
        let steps = AddressSyntax.moduleSteps(moduleAddress) ?? []
        for resource in module["resources"].map({ Array($0.elements) }) ?? [] {
            guard let address = resource["address"]?.string, let type = resource["type"]?.string,
                let name = resource["name"]?.string
            else { throw failure("a resource in \(origin == .priorState ? "prior_state" : "planned_values") lacks an address, type or name") }
            let mode: ResourceMode = resource["mode"]?.string == "data" ? .data : .managed
            if let modeFilter, mode != modeFilter { continue }
            entries.append(
                Entry(
                    address: address, moduleSteps: steps, moduleAddress: moduleAddress, mode: mode, type: type,
                    name: name, index: InstanceKey(json: resource["index"]),
                    providerName: resource["provider_name"]?.string ?? "",
                    action: mode == .data ? .read : .unspecified, previousAddress: nil, deposed: nil, origin: origin,
                    after: resource["values"], afterUnknown: nil, afterSensitive: resource["sensitive_values"]))
        }
        for child in module["child_modules"].map({ Array($0.elements) }) ?? [] {
            try moduleResources(child, origin: origin, modeFilter: modeFilter, depth: depth + 1, into: &entries)
        }
    }

    private func makeResource(_ entry: Entry, context: PlanContext) -> PlanResource {
        let local = (entry.mode == .data ? "data." : "") + entry.type + "." + entry.name
        let configuration = context.configurationResource(moduleSteps: entry.moduleSteps, localAddress: local)
        let providerKey = configuration?["provider_config_key"]?.string.map { raw -> String in
            // Format 0.1 wrote the module call name as prefix even where the provider is inherited.
            context.resolveProviderKey(raw)
        }
        return PlanResource(
            address: entry.address, moduleAddress: entry.moduleAddress, mode: entry.mode, type: entry.type,
            name: entry.name, index: entry.index, providerName: entry.providerName, providerConfigKey: providerKey,
            action: entry.action, previousAddress: entry.previousAddress, deposed: entry.deposed, origin: entry.origin,
            after: entry.after, afterUnknown: entry.afterUnknown, afterSensitive: entry.afterSensitive,
            configuration: configuration,
            scope: ResolutionScope(
                context: context, moduleSteps: entry.moduleSteps, ownKey: entry.index, block: configuration))
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
                    name: name, isMarkedSensitive: declared?[name]?["sensitive"]?.bool == true, value: entry["value"]))
        }
        declared?.forEachMember { name, declaration in
            guard !seen.contains(name) else { return }
            result.append(
                RootVariable(name: name, isMarkedSensitive: declaration["sensitive"]?.bool == true, value: nil))
        }
        return result
    }
}
