import JSON

/// The parts of a plan that attribute views need after loading.
///
/// Configuration by module path, provider configuration keys and the set of addresses;
/// immutable once built.
///
/// Holds no ``PlanResource``, so resources can point at it without a reference cycle.
final class PlanContext: Sendable {
    /// A module's configuration and the `module_calls` entry that instantiates it.
    struct ConfigurationModule: Sendable {
        let module: JSONValue
        let call: JSONValue?
    }

    /// The deepest module nesting walked; deeper configuration is ignored, never recursed into.
    static let maximumModuleDepth = 64

    /// Identifies a resource block: module path without keys, mode, type and name.
    struct ResourceKey: Hashable {
        let configurationPath: String
        let isData: Bool
        let type: String
        let name: String
    }

    let resourcesByKey: [ResourceKey: JSONValue]
    let modulesByPath: [String: ConfigurationModule]
    let providerConfigurationKeys: Set<String>
    /// The plan's `variables`: the root module's inputs, each an object with its `value`.
    let rootVariables: JSONValue?
    private let addressSet: Lazy<Set<String>>
    /// What local values are made of, when the configuration's files were read (see
    /// ``Plan/useLocalValues(_:)``).
    let localValues = LocalValueReferences()
    /// How attributes build their values from resource attributes, when the configuration's
    /// files were read (see ``Plan/useBuiltValues(_:)``).
    let builtValues = BuiltValues()

    /// Every resource address in the plan, for pairing `count.index` references.
    var addresses: Set<String> { addressSet.value }

    init(
        configuration: JSONValue?, rootVariables: JSONValue? = nil,
        addresses: @escaping @Sendable () -> Set<String>
    ) {
        var resources: [ResourceKey: JSONValue] = [:]
        var modules: [String: ConfigurationModule] = [:]
        if let root = configuration?["root_module"], root.kind == .object {
            Self.walk(module: root, call: nil, path: "", depth: 0, resources: &resources, modules: &modules)
        }
        self.resourcesByKey = resources
        self.modulesByPath = modules
        self.providerConfigurationKeys = Set(configuration?["provider_config"]?.keys ?? [])
        self.rootVariables = rootVariables
        self.addressSet = Lazy(addresses)
    }

    private static func walk(
        module: JSONValue, call: JSONValue?, path: String, depth: Int,
        resources: inout [ResourceKey: JSONValue], modules: inout [String: ConfigurationModule]
    ) {
        modules[path] = ConfigurationModule(module: module, call: call)
        if let list = module["resources"] {
            for block in list.elements {
                let node = block.node
                guard let type = node["type"]?.string, let name = node["name"]?.string else { continue }
                let key = ResourceKey(
                    configurationPath: path, isData: node["mode"]?.string == "data", type: type, name: name)
                // Its instances' views read it on both cores for the rest of the run; a handle of
                // its own keeps their reference counting off the document every block shares.
                resources[key] = block.withHandleOfItsOwn()
            }
        }
        guard depth < maximumModuleDepth, let calls = module["module_calls"] else { return }
        calls.forEachMember { name, call in
            guard let child = call["module"], child.kind == .object else { return }
            let childPath = AddressSyntax.join(path, "module." + name)
            walk(
                module: child, call: call, path: childPath, depth: depth + 1, resources: &resources,
                modules: &modules)
        }
    }

    /// The configuration block of a resource, found by module path (keys removed), mode, type
    /// and name.
    func configurationResource(
        configurationPath: String, mode: ResourceMode, type: String, name: String
    )
        -> JSONValue?
    {
        resourcesByKey[
            ResourceKey(configurationPath: configurationPath, isData: mode == .data, type: type, name: name)]
    }

    /// Resolves a resource's `provider_config_key` to a key of `configuration.provider_config`.
    ///
    /// A module without its own provider block inherits its parent's, so `module.a.module.b:aws`
    /// falls back to `module.a:aws`, then `aws`. When no provider block exists at all (implicit
    /// default configuration) the provider's local name at the root is the key.
    func resolveProviderKey(_ raw: String) -> String {
        if providerConfigurationKeys.contains(raw) { return raw }
        guard let colon = raw.lastIndex(of: ":") else { return raw }
        let provider = String(raw[raw.index(after: colon)...])
        guard var steps = AddressSyntax.moduleSteps(String(raw[..<colon])) else { return provider }
        while !steps.isEmpty {
            steps.removeLast()
            let candidate =
                steps.isEmpty ? provider : AddressSyntax.configurationPath(steps) + ":" + provider
            if providerConfigurationKeys.contains(candidate) { return candidate }
        }
        return provider
    }
}
