import JSON
import Parallel
import Policy
import TerraformPlan

/// The engine's state for domain functions over one plan.
///
/// A class: functions cast the evaluation payload to it at every call.
final class PlanEvaluationContext: EvaluationPayload, @unchecked Sendable {
    let plan: Plan
    let joins = PlanJoins()

    init(plan: Plan) {
        self.plan = plan
    }
}

/// A Terraform plan as the engine sees it: subjects for plan rules, and its secrets.
struct PlanDocument: InputDocument {
    let path: String
    let plan: Plan
    let changedOnly: Bool
    let redactor: Redactor

    var kind: InputKind { .plan }
    private let evaluationContext: PlanEvaluationContext
    var payload: any Sendable { evaluationContext }
    var judgedResourceCount: Int { plan.resources.lazy.filter { judged($0) }.count }

    init(path: String, plan: Plan, changedOnly: Bool) {
        self.path = path
        self.plan = plan
        self.changedOnly = changedOnly
        self.redactor = Self.secrets(of: plan)
        self.evaluationContext = PlanEvaluationContext(plan: plan)
    }

    func judged(_ resource: PlanResource) -> Bool {
        resource.isJudged && (!changedOnly || resource.isChanged)
    }

    func subjects(for rule: Rule) -> [Subject] {
        switch rule.selection {
        case .resources(let types):
            var subjects: [Subject] = []
            for type in types {
                for resource in plan.index.resources(ofType: type) where judged(resource) {
                    subjects.append(
                        Subject(
                            variables: [
                                "resource": .host(ResourceHostValue(resource: resource)),
                                "address": .string(resource.address),
                            ],
                            location: Location(
                                file: path, resource: resource.address, action: resource.actionName),
                            fingerprintKey: resource.address))
                }
            }
            return subjects
        case .providerConfigs(let names):
            let variables = Value.host(VariablesHostValue(variables: plan.variables))
            return plan.providerConfigurations.filter { names.contains($0.name) }.map { configuration in
                let provider = ProviderHostValue(configuration: configuration)
                return Subject(
                    variables: [
                        "provider": .host(provider), "variables": variables,
                        "address": .string(provider.address),
                    ],
                    location: Location(file: path, resource: provider.address),
                    fingerprintKey: provider.address)
            }
        case .dockerfile:
            return []
        }
    }

    func prepareForEvaluation() { plan.index.prepareReferenceGraph() }

    func jsonText() -> String { PlanDocumentPrinter.render(plan, changedOnly: changedOnly) }

    /// Everything in the plan that must never be printed: sensitive attribute values, the
    /// values of sensitive or secret-named root variables, and literal provider credentials.
    static func secrets(of plan: Plan) -> Redactor {
        var redactor = Redactor()
        // Every resource is walked, so the walk is spread over the cores.
        let sensitive = plan.resources.parallelMap { resource in
            var strings: [String] = []
            collectSensitive(resource.values, into: &strings)
            return strings
        }
        for text in sensitive.joined() { redactor.add(text) }
        func collectStrings(_ json: JSONValue) {
            var strings: [String] = []
            Self.collectStrings(json, into: &strings)
            for text in strings { redactor.add(text) }
        }
        for variable in plan.variables {
            guard let value = variable.unredactedValueForEvaluation else { continue }
            let secretValue = value.string.map { SecretPatterns.credentialFormat(in: $0) != nil } ?? false
            if variable.isMarkedSensitive || SecretPatterns.isSecretName(variable.name) || secretValue {
                collectStrings(value)
            }
        }
        for configuration in plan.providerConfigurations {
            for (name, expression) in configuration.expressions where SecretPatterns.isSecretName(name) {
                if let constant = expression.constantValue { collectStrings(constant) }
            }
        }
        return redactor
    }

    private static func collectStrings(_ json: JSONValue, depth: Int = 0, into strings: inout [String]) {
        guard depth < 64 else { return }
        switch json.kind {
        case .string: if let text = json.string { strings.append(text) }
        case .array:
            for element in json.elements { collectStrings(element, depth: depth + 1, into: &strings) }
        case .object:
            json.forEachMember { _, member in collectStrings(member, depth: depth + 1, into: &strings) }
        default: break
        }
    }

    private static func collectSensitive(_ view: AttributeView, depth: Int = 0, into strings: inout [String])
    {
        guard depth < 64, case .known(let value) = view.state, value.containsSensitive else { return }
        if value.isSensitive {
            collectStrings(value.unredactedJSONForEvaluation, into: &strings)
            return
        }
        switch value.kind {
        case .array:
            for index in 0..<view.count {
                collectSensitive(view.element(index), depth: depth + 1, into: &strings)
            }
        case .object:
            for key in view.keys { collectSensitive(view.member(key), depth: depth + 1, into: &strings) }
        default: break
        }
    }
}
