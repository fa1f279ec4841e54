import JSON

extension PlanContext {
    /// The value of variable `name` in the module instance of `scope`, as the plan records it.
    ///
    /// A root variable's value, a module call's constant argument, an argument that passes a
    /// variable of the calling module on (followed), or the declared default of a variable the
    /// call leaves out. Nil when the argument is any other expression, when the plan records no
    /// value, and for a variable declared `sensitive`, whose value must not reach a report.
    func variableValue(_ name: String, in scope: ResolutionScope, hops: Int = 0) -> JSONValue? {
        guard hops <= Self.maximumResolutionHops,
            let module = modulesByPath[AddressSyntax.configurationPath(scope.moduleSteps)],
            module.module["variables"]?[name]?["sensitive"]?.bool != true
        else { return nil }
        guard let call = module.call else { return rootVariables?[name]?["value"] }
        guard let argument = call["expressions"]?[name] else {
            // Left out: the default, which the plan writes as null for `default = null` and
            // leaves out for a required variable.
            return module.module["variables"]?[name]?["default"]
        }
        if let constant = argument["constant_value"] { return constant }
        // `var.x` handed down unchanged: Terraform lists that one reference.
        guard let references = argument["references"], references.count == 1,
            let text = references.elements.first?.string, text.hasPrefix("var."),
            !text.dropFirst(4).contains(where: { $0 == "." || $0 == "[" })
        else { return nil }
        let parentScope = ResolutionScope(
            context: self, moduleSteps: Array(scope.moduleSteps.dropLast()), ownKey: nil, block: nil)
        return variableValue(String(text.dropFirst(4)), in: parentScope, hops: hops + 1)
    }
}

extension AttributeView {
    /// The value of module variable `name` where this attribute's resource is configured (see
    /// `PlanContext.variableValue`); nil when the plan does not record it or it is sensitive.
    public func variableValue(_ name: String) -> JSONValue? {
        scope.context?.variableValue(name, in: scope)
    }
}
