import JSON
import Policy
import TerraformPlan

/// A resource's planned values as expressions see them.
///
/// Known values, `null` for unset ones, and unknowns that say whether the provider computes
/// them or which resources they depend on. Read lazily through the plan model; nothing is
/// copied.
final class AttributeHostValue: HostValue {
    let view: AttributeView
    let isList: Bool

    init(view: AttributeView, isList: Bool) {
        self.view = view
        self.isList = isList
    }

    var sourcePath: String? { view.path }

    /// The value of one attribute view.
    static func value(_ view: AttributeView) -> Value {
        // The common case, a known block or list, without building the state.
        if let isList = view.knownContainerIsArray {
            return .host(AttributeHostValue(view: view, isList: isList))
        }
        switch view.state {
        case .null: return .null
        case .computed:
            return .unknown(UnknownCause(path: view.path, computed: true, resource: view.resourceAddress))
        case .unknownFromReference(let references):
            var seen = Set<String>()
            let addresses = references.map(\.address).filter { seen.insert($0).inserted }
            return .unknown(
                UnknownCause(
                    path: view.path, computed: false, references: addresses, resource: view.resourceAddress,
                    inUnshownBlock: view.isInUnshownBlock))
        case .known(let attribute):
            let json = attribute.unredactedJSONForEvaluation
            switch json.kind {
            case .array: return .host(AttributeHostValue(view: view, isList: true))
            case .object: return .host(AttributeHostValue(view: view, isList: false))
            default: return JSONHostValue.value(json)
            }
        }
    }

    var kind: HostValueKind { isList ? .list : .map }
    var count: Int { view.count }
    var keys: [String] { isList ? [] : view.keys }
    func member(_ name: String) -> Value {
        guard !isList else { return .null }
        switch view.memberValue(name) {
        case .scalar(let node): return JSONHostValue.scalar(node) ?? .null
        case .null: return .null
        case .view(let member): return Self.value(member)
        }
    }
    func element(at index: Int) -> Value {
        guard isList else { return .null }
        switch view.elementValue(index) {
        case .scalar(let node): return JSONHostValue.scalar(node) ?? .null
        case .null: return .null
        case .view(let element): return Self.value(element)
        }
    }

    func printedMember(_ name: String) -> Value { isList ? .null : Self.printed(view.member(name)) }
    func printedElement(at index: Int) -> Value { isList ? Self.printed(view.element(index)) : .null }

    /// The value of a view as printed: a sensitive value is a placeholder, never its text.
    private static func printed(_ view: AttributeView) -> Value {
        if case .known(let attribute) = view.state(resolvingReferences: false), attribute.isSensitive {
            return .string("(sensitive)")
        }
        return value(view)
    }

    /// Set in configuration, or known: true; unset or computed by the provider: false.
    func hasMember(_ name: String) -> Value {
        isList ? .bool(false) : .bool(view.memberIsSet(name))
    }
}

/// One plan resource as the `resource` variable of a rule.
final class ResourceHostValue: HostValue {
    let resource: PlanResource
    /// The `values` member, built once: rules read it in nearly every expression, and a subject's
    /// resource value is shared by every rule that judges it.
    let values: Value

    init(resource: PlanResource) {
        self.resource = resource
        let values = resource.values
        self.values =
            values.hasNoKeys && values.state(resolvingReferences: false).isUnknown
            ? AttributeHostValue.value(values) : .host(AttributeHostValue(view: values, isList: false))
    }

    static let memberNames = [
        "address", "module", "type", "name", "index", "mode", "provider", "provider_config_key", "action",
        "changed", "values",
    ]

    var kind: HostValueKind { .map }
    var count: Int { Self.memberNames.count }
    var keys: [String] { Self.memberNames }

    func member(_ name: String) -> Value {
        // Cases are compared in order: the members rules read most come first.
        switch name {
        case "values": return values
        case "type": return .string(resource.type)
        case "address": return .string(resource.address)
        case "module": return .string(resource.moduleAddress)
        case "name": return .string(resource.name)
        case "index":
            switch resource.index {
            case .none: return .null
            case .some(let key): return Self.value(key)
            }
        case "mode": return .string(resource.mode.rawValue)
        case "provider": return .string(resource.providerName)
        case "provider_config_key": return resource.providerConfigKey.map(Value.string) ?? .null
        case "action": return .string(resource.actionName)
        case "changed": return .bool(resource.isChanged)
        default: return .null
        }
    }

    func hasMember(_ name: String) -> Value {
        guard Self.memberNames.contains(name) else { return .bool(false) }
        if case .null = member(name) { return .bool(false) }
        return .bool(true)
    }

    func element(at index: Int) -> Value { .null }

    static func value(_ key: InstanceKey) -> Value {
        switch key {
        case .int(let number): .int(Int64(number))
        case .string(let text): .string(text)
        }
    }
}

/// A provider configuration block as the `provider` variable (AWS-SEC-001).
final class ProviderHostValue: HostValue {
    let configuration: ProviderConfiguration

    init(configuration: ProviderConfiguration) {
        self.configuration = configuration
    }

    static let memberNames = ["name", "alias", "module", "key", "version_constraint", "expressions"]

    var kind: HostValueKind { .map }
    var count: Int { Self.memberNames.count }
    var keys: [String] { Self.memberNames }
    func element(at index: Int) -> Value { .null }
    func hasMember(_ name: String) -> Value {
        if case .null = member(name) { return .bool(false) }
        return .bool(true)
    }

    func member(_ name: String) -> Value {
        switch name {
        case "name": return .string(configuration.name)
        case "alias": return configuration.alias.map(Value.string) ?? .null
        case "module": return .string(configuration.moduleAddress)
        case "key": return .string(configuration.key)
        case "version_constraint": return configuration.versionConstraint.map(Value.string) ?? .null
        case "expressions":
            // {attribute: {constant_value?, references}}; constants are the configuration's literals.
            return configuration.expressionsJSON.map(JSONHostValue.value) ?? .map(ValueMap())
        default: return .null
        }
    }

    /// `provider.aws`, `provider.aws.west`, `module.m.provider.aws`.
    var address: String {
        var text = "provider." + configuration.name
        if let alias = configuration.alias { text += "." + alias }
        return configuration.moduleAddress.isEmpty ? text : configuration.moduleAddress + "." + text
    }
}

/// The plan's root variables as the `variables` variable: `{name: {sensitive_in_config, set}}`.
///
/// Values are deliberately absent: the plan records them in clear text, and no rule needs them.
final class VariablesHostValue: HostValue {
    let variables: [RootVariable]

    init(variables: [RootVariable]) {
        self.variables = variables
    }

    var kind: HostValueKind { .map }
    var count: Int { variables.count }
    var keys: [String] { variables.map(\.name) }
    func element(at index: Int) -> Value { .null }
    func hasMember(_ name: String) -> Value { .bool(variables.contains { $0.name == name }) }
    func member(_ name: String) -> Value {
        guard let variable = variables.first(where: { $0.name == name }) else { return .null }
        return .map([
            "sensitive_in_config": .bool(variable.isMarkedSensitive), "set": .bool(variable.hasValue),
        ])
    }
}
