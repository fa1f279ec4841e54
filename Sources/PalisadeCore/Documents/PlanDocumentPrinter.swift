import JSON
import TerraformPlan

/// Prints the plan document of `palisade parse`: what policies see, with unknowns and
/// sensitive values shown as such and never in clear text.
///
/// Unknown values print as `{"unknown": "computed"}` (the provider computes it at apply) or
/// `{"unknown": "reference", "references": [...]}`; sensitive values as `"(sensitive)"`.
enum PlanDocumentPrinter {
    static func render(_ plan: Plan, changedOnly: Bool) -> String {
        var w = JSONWriter(indent: 2)
        w.beginObject()
        w.key("kind")
        w.string("terraform-plan")
        w.key("format_version")
        w.string(plan.formatVersion.description)
        w.key("terraform_version")
        w.string(plan.terraformVersion)
        w.key("resources")
        w.beginArray()
        for resource in plan.resources {
            w.beginObject()
            for (key, value) in [
                ("address", resource.address), ("module", resource.moduleAddress),
                ("mode", resource.mode.rawValue),
                ("type", resource.type), ("name", resource.name),
            ] {
                w.key(key)
                w.string(value)
            }
            w.key("index")
            switch resource.index {
            case .none: w.null()
            case .some(.int(let number)): w.int(Int64(number))
            case .some(.string(let text)): w.string(text)
            }
            w.key("provider")
            w.string(resource.providerName)
            w.key("provider_config_key")
            w.string(resource.providerConfigKey)
            w.key("action")
            w.string(resource.actionName)
            w.key("judged")
            w.bool(resource.isJudged && (!changedOnly || resource.isChanged))
            w.key("values")
            write(resource.values, to: &w, depth: 0)
            w.endObject()
        }
        w.endArray()
        w.key("providers")
        w.beginArray()
        for configuration in plan.providerConfigurations {
            w.beginObject()
            w.key("key")
            w.string(configuration.key)
            w.key("name")
            w.string(configuration.name)
            w.key("alias")
            w.string(configuration.alias)
            w.key("module")
            w.string(configuration.moduleAddress)
            w.key("expressions")
            w.beginObject()
            for (name, expression) in configuration.expressions.sorted(by: { $0.key < $1.key }) {
                w.key(name)
                w.beginObject()
                if let constant = expression.constantValue {
                    w.key("constant_value")
                    if SecretPatterns.isSecretName(name) {
                        w.string("(sensitive)")
                    } else {
                        w.value(constant)
                    }
                }
                w.key("references")
                w.beginArray()
                for reference in expression.references { w.string(reference) }
                w.endArray()
                w.endObject()
            }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.key("variables")
        w.beginArray()
        for variable in plan.variables {
            w.beginObject()
            w.key("name")
            w.string(variable.name)
            w.key("sensitive")
            w.bool(variable.isMarkedSensitive)
            w.key("value")
            w.string("(not shown: plan variables are secret material)")
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text + "\n"
    }

    static func write(_ view: AttributeView, to w: inout JSONWriter, depth: Int) {
        guard depth < JSONDocument.defaultMaximumDepth else { return w.null() }
        switch view.state {
        case .null: w.null()
        case .computed:
            w.beginObject()
            w.key("unknown")
            w.string("computed")
            w.endObject()
        case .unknownFromReference(let references):
            w.beginObject()
            w.key("unknown")
            w.string("reference")
            w.key("references")
            w.beginArray()
            for reference in references { w.string(reference.description) }
            w.endArray()
            w.endObject()
        case .known(let value):
            if value.isSensitive { return w.string("(sensitive)") }
            switch value.kind {
            case .array:
                w.beginArray()
                for index in 0..<view.count { write(view.element(index), to: &w, depth: depth + 1) }
                w.endArray()
            case .object:
                w.beginObject()
                for key in view.keys {
                    w.key(key)
                    write(view.member(key), to: &w, depth: depth + 1)
                }
                w.endObject()
            default:
                if let json = value.json { w.value(json) } else { w.string("(sensitive)") }
            }
        }
    }
}
