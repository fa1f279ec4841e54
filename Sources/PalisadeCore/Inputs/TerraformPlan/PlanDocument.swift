import JSON
import Parallel
import Policy
import TerraformPlan

/// The engine's state for domain functions over one plan.
///
/// A class: functions cast the evaluation payload to it at every call. `@unchecked` only because
/// its base class is not final: its own properties are `let`s of `Sendable` types (the plan and
/// the join memo), as ``EvaluationPayload`` requires of subclasses.
final class PlanEvaluationContext: EvaluationPayload, @unchecked Sendable {
    let plan: Plan
    let joins = PlanJoins()

    init(plan: Plan) {
        self.plan = plan
    }
}

/// A Terraform plan or state as the engine sees it: subjects for plan rules, and its secrets.
///
/// A plan's drifted resources (`resource_drift`: changed outside Terraform since the last apply)
/// are subjects too, judged on their current values and reported with the action `drift`.
struct PlanDocument: InputDocument {
    let path: String
    /// The path relative to the scan root: part of every fingerprint, so two plans with the same
    /// addresses (staging and production) never share one.
    let relativePath: String
    let plan: Plan
    let kind: any InputKind.Type
    let changedOnly: Bool
    let redactor: Redactor

    private let evaluationContext: PlanEvaluationContext
    /// The subjects of each resource type, built once: a resource judged by several rules
    /// shares one subject (its bindings and fingerprint key) instead of building one per rule.
    private let subjectsByType = ConcurrentMemo<String, [Subject]>()
    var payload: any AnyObject & Sendable { evaluationContext }
    var judgedResourceCount: Int { plan.resources.lazy.filter { judged($0) }.count }

    init(path: String, relativePath: String, plan: Plan, kind: any InputKind.Type, changedOnly: Bool) {
        self.path = path
        self.relativePath = relativePath
        self.plan = plan
        self.kind = kind
        self.changedOnly = changedOnly
        self.redactor = Self.secrets(of: plan)
        self.evaluationContext = PlanEvaluationContext(plan: plan)
    }

    func judged(_ resource: PlanResource) -> Bool {
        resource.isJudged && (!changedOnly || resource.isChanged)
    }

    /// A drifted resource is judged when it still exists (drift can also be a deletion).
    private static func judgedDrift(_ resource: PlanResource) -> Bool {
        guard resource.mode == .managed else { return false }
        if case .null = resource.values.state { return false }
        return true
    }

    func subjects(for rule: Rule) -> [Subject] {
        switch rule.selection {
        case .resources(let types):
            let lists = types.map { type in
                subjectsByType.valueComputedOnce(for: type) { resourceSubjects(ofType: type) }
            }.filter { !$0.isEmpty }
            // One list is shared as it is: a copy of each subject would retain all its fields.
            guard lists.count > 1 else { return lists.first ?? [] }
            return Array(lists.joined())
        case .providerConfigs(let names):
            return plan.providerConfigurations.filter { names.contains($0.name) }.map { configuration in
                let provider = ProviderHostValue(configuration: configuration)
                return Subject(
                    variables: providerVariables(provider),
                    location: Location(file: path, resource: provider.address),
                    fingerprintKey: relativePath + "|" + provider.address)
            }
        case .dockerfile:
            return []
        }
    }

    /// The judged resources of `type`, then its judged drifted resources, as subjects.
    private func resourceSubjects(ofType type: String) -> [Subject] {
        var subjects: [Subject] = []
        for resource in plan.index.resources(ofType: type) where judged(resource) {
            subjects.append(subject(resource))
        }
        for resource in plan.drift where resource.type == type && Self.judgedDrift(resource) {
            subjects.append(subject(resource))
        }
        return subjects
    }

    private func subject(_ resource: PlanResource) -> Subject {
        var subject = Subject(
            variables: resourceVariables(resource),
            location: Location(file: path, resource: resource.address, action: resource.actionName),
            // Written once into one string: appended piece by piece it was reallocated and
            // copied for each piece, about 1,500 instructions per resource.
            fingerprintKey: String.concatenating(
                relativePath, "|", resource.origin == .drift ? "drift " : "", resource.address))
        subject.identity = ObjectIdentifier(resource)
        return subject
    }

    /// The variables a resource rule sees; `palisade parse` prints the same values.
    private func resourceVariables(_ resource: PlanResource) -> ValueMap {
        ValueMap(
            uniqueKeys: Self.resourceVariableNames,
            values: [.host(ResourceHostValue(resource: resource)), .string(resource.address)])
    }

    /// The names of ``resourceVariables(_:)``, shared by every resource's variables.
    private static let resourceVariableNames = ["resource", "address"]

    /// The variables a provider rule sees; `palisade parse` prints the same values.
    private func providerVariables(_ provider: ProviderHostValue) -> ValueMap {
        [
            "provider": .host(provider), "variables": .host(VariablesHostValue(variables: plan.variables)),
            "address": .string(provider.address),
        ]
    }

    func prepareForEvaluation() { plan.index.prepareReferenceGraph() }

    /// A reference to a data source read while planning, or to a resource the plan knows
    /// wholly, is not what keeps a value unknown: the reason names only the others.
    func referencesKnownOnlyAfterApply(_ references: [String]) -> [String] {
        references.filter { !plan.isWhollyKnown(address: $0) }
    }

    /// The document policies see, printed from the very values rules are bound to: every
    /// resource (with `judged`), every drifted resource, every provider configuration and the
    /// root variables.
    func jsonText() -> String {
        var resources: [Value] = []
        for resource in plan.resources {
            resources.append(printed(resourceVariables(resource)["resource"], judged: judged(resource)))
        }
        var drift: [Value] = []
        for resource in plan.drift {
            drift.append(printed(resourceVariables(resource)["resource"], judged: Self.judgedDrift(resource)))
        }
        let providers = plan.providerConfigurations.map { Value.host(ProviderHostValue(configuration: $0)) }
        var document: [(String, Value)] = [
            ("kind", .string(plan.isState ? "terraform-state" : "terraform-plan")),
            ("format_version", .string(plan.formatVersion.description)),
            ("terraform_version", plan.terraformVersion.map(Value.string) ?? .null),
            ("resources", .list(resources)),
        ]
        if !plan.isState {
            document += [
                ("resource_drift", .list(drift)), ("providers", .list(providers)),
                ("variables", .host(VariablesHostValue(variables: plan.variables))),
            ]
        }
        return ValuePrinter.render(.map(ValueMap(document)), redactor: redactor)
    }

    /// A resource's bound value with `judged` beside its members, for `parse`.
    private func printed(_ resource: Value?, judged: Bool) -> Value {
        guard case .host(let host)? = resource else { return .null }
        var members = host.keys.map { ($0, host.member($0)) }
        members.append(("judged", .bool(judged)))
        return .map(ValueMap(members))
    }

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

    private static func collectSensitive(_ view: AttributeView, into strings: inout [String]) {
        view.forEachSensitiveValue { collectStrings($0, into: &strings) }
    }
}
