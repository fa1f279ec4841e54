import JSON
import TerraformSource

/// What a module variable holds where a resource is configured.
public enum ModuleVariableValue: Sendable {
    /// A value the plan records: a root variable's value, a constant argument or a default.
    case value(JSONValue)
    /// One attribute of a resource or data source, which the module call passes as its
    /// argument: read from the calling module's `.tf`, since the plan records only the
    /// argument's references.
    case attribute(PlanReference)
}

extension PlanContext {
    /// The value of variable `name` in the module instance of `scope`.
    ///
    /// A root variable's value, a module call's constant argument, an argument that passes a
    /// variable of the calling module on (followed), an argument that the calling module's `.tf`
    /// writes as one attribute traversal the plan records among its references, or the declared
    /// default of a variable the call leaves out. Nil when the argument is any other expression,
    /// when the plan records no value, and for a variable declared `sensitive`, whose value must
    /// not reach a report.
    func variableValue(_ name: String, in scope: ResolutionScope, hops: Int = 0) -> ModuleVariableValue? {
        let path = AddressSyntax.configurationPath(scope.moduleSteps)
        guard hops <= Self.maximumResolutionHops, let module = modulesByPath[path],
            module.module["variables"]?[name]?["sensitive"]?.bool != true
        else { return nil }
        guard let call = module.call, let step = scope.moduleSteps.last else {
            return rootVariables?[name]?["value"].map(ModuleVariableValue.value)
        }
        guard let argument = call["expressions"]?[name] else {
            // Left out: the default, which the plan writes as null for `default = null` and
            // leaves out for a required variable.
            return module.module["variables"]?[name]?["default"].map(ModuleVariableValue.value)
        }
        if let constant = argument["constant_value"] { return .value(constant) }
        guard let references = argument["references"] else { return nil }
        let parentSteps = Array(scope.moduleSteps.dropLast())
        let callScope = ResolutionScope(
            context: self, moduleSteps: parentSteps, ownKey: step.key, block: call)
        // `var.x` handed down unchanged: Terraform lists that one reference.
        if references.count == 1, let text = references.elements.first?.string, text.hasPrefix("var."),
            !text.dropFirst(4).contains(where: { $0 == "." || $0 == "[" })
        {
            return variableValue(String(text.dropFirst(4)), in: callScope, hops: hops + 1)
        }
        guard
            case .traversal(let written)? = builtValues.value(
                configurationPath: AddressSyntax.configurationPath(parentSteps), block: "module." + step.name,
                attribute: name)
        else { return nil }
        let resolved = resolve(ParsedReferences(texts: [written]), in: callScope).filter {
            $0.attribute != nil
        }
        // A `.tf` edited since the plan was made may pass something else.
        let recorded = resolve(references, in: callScope)
        guard resolved.count == 1, recorded.contains(where: { $0.address == resolved[0].address }) else {
            return nil
        }
        return .attribute(resolved[0])
    }
}

extension AttributeView {
    /// The value of module variable `name` where this attribute's resource is configured (see
    /// `PlanContext.variableValue`); nil when neither the plan nor the configuration's files
    /// tell it, or it is sensitive.
    public func variableValue(_ name: String) -> ModuleVariableValue? {
        scope.context?.variableValue(name, in: scope)
    }
}
