import Policy
import TerraformPlan

/// The pod spec and the containers of the kubernetes provider's workload resources, as the
/// K8S-WKL rules judge them.
///
/// Each workload type keeps its pod spec at its own path (`spec[0]` for a pod,
/// `spec[0].template[0].spec[0]` for a deployment, one level of `job_template` deeper for a cron
/// job). `k8s_containers(resource)` gives one subject per container and init container with its
/// effective security settings: a container's `security_context[0]` field overrides the pod's
/// `security_context[0]` field of the same name, field by field, as the kubelet applies them.
enum KubernetesWorkloads {
    static let overloads: [FunctionOverload] = [
        FunctionOverload(
            "k8s_pod_spec", style: .global, arity: 1, signature: "k8s_pod_spec(resource) -> map or null",
            isDeterministic: true
        ) { args, context in
            // Rules ask for the same resource's pod spec several times each (once per field).
            guard let payload = context.payload as? EvaluationPayload,
                case .host(let host) = args[0], let resource = (host as? ResourceHostValue)?.resource
            else { return podSpec(of: args[0])?.value ?? .null }
            return podSpecValue(of: args[0], resource: resource, in: payload)
        },
        FunctionOverload(
            "k8s_pod_spec_path", style: .global, arity: 1,
            signature: "k8s_pod_spec_path(resource) -> string or null", isDeterministic: true
        ) { args, _ in
            podSpecPath(ofType: resourceType(args[0])).map(Value.string) ?? .null
        },
        FunctionOverload(
            "k8s_containers", style: .global, arity: 1,
            signature: "k8s_containers(resource) -> list(container)", isDeterministic: true
        ) { args, context in
            // Keyed by plan resource, as the pod spec is: a drifted resource is a resource of
            // its own, though it shares its address with the planned one.
            guard let payload = context.payload as? EvaluationPayload,
                case .host(let host) = args[0], let resource = (host as? ResourceHostValue)?.resource
            else { return containers(of: args[0]) }
            return payload.kubernetesContainers.value(for: ObjectIdentifier(resource)) {
                containers(of: args[0], spec: podSpecValue(of: args[0], resource: resource, in: payload))
            }
        },
    ]

    /// `k8s_pod_spec(resource)`, read once per plan resource and kept in `payload`.
    static func podSpecValue(of value: Value, resource: PlanResource, in payload: EvaluationPayload) -> Value
    {
        payload.kubernetesPodSpecs.value(for: ObjectIdentifier(resource)) {
            podSpec(of: value)?.value ?? .null
        }
    }

    /// The pod spec path steps of each workload type: block names, each the first element.
    static let podSpecSteps: [String: [String]] = {
        var steps: [String: [String]] = [:]
        for type in ["kubernetes_pod", "kubernetes_pod_v1"] {
            steps[type] = ["spec"]
        }
        for type in [
            "kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_daemonset",
            "kubernetes_daemon_set_v1",
            "kubernetes_stateful_set", "kubernetes_stateful_set_v1", "kubernetes_job", "kubernetes_job_v1",
            "kubernetes_replication_controller", "kubernetes_replication_controller_v1",
        ] {
            steps[type] = ["spec", "template", "spec"]
        }
        for type in ["kubernetes_cron_job", "kubernetes_cron_job_v1"] {
            steps[type] = ["spec", "job_template", "spec", "template", "spec"]
        }
        return steps
    }()

    /// A workload type's pod spec steps and the path after each number of them: `""`,
    /// `spec[0]`, `spec[0].template[0]`, ..., so a pod spec is found without building paths.
    struct PodSpecRoute: Sendable {
        let steps: [String]
        let prefixes: [String]
    }

    /// The ``PodSpecRoute`` of each workload type in ``podSpecSteps``.
    static let podSpecRoutes: [String: PodSpecRoute] = podSpecSteps.mapValues { steps in
        PodSpecRoute(
            steps: steps,
            prefixes: (0...steps.count).map { taken in
                steps.prefix(taken).map { $0 + "[0]" }.joined(separator: ".")
            })
    }

    /// `spec[0].template[0].spec[0]` for a deployment; nil for a type without a pod spec.
    static func podSpecPath(ofType type: String?) -> String? {
        guard let type else { return nil }
        return podSpecRoutes[type]?.prefixes.last
    }

    /// The pod spec of a workload resource and its path; nil when the type has none or a block
    /// on the way is absent; the value is unknown when a block on the way is.
    static func podSpec(of resource: Value) -> (value: Value, path: String)? {
        guard let type = resourceType(resource), let route = podSpecRoutes[type] else { return nil }
        var current = member(resource, "values")
        for (taken, step) in route.steps.enumerated() {
            let block = member(current, step)
            if block.isUnknown { return (block, route.prefixes[taken]) }
            guard count(block) > 0 else { return nil }
            current = element(block, 0)
        }
        return (current, route.prefixes[route.steps.count])
    }

    /// One ``KubernetesContainer`` per init container and container, init containers first (the
    /// order the kubelet starts them); unknown when the pod spec or a container list is unknown.
    static func containers(of resource: Value) -> Value {
        containers(of: resource, spec: podSpec(of: resource)?.value ?? .null)
    }

    /// ``containers(of:)`` from the pod spec's value as `k8s_pod_spec` gives it (null when the
    /// type has none or a block on the way is absent), so that the spec is found once.
    static func containers(of resource: Value, spec: Value) -> Value {
        if spec.isUnknown { return spec }
        // Null: no pod spec, or one that is itself null (`spec = [null]`); neither has containers.
        if case .null = spec { return .list([]) }
        guard let specPath = podSpecPath(ofType: resourceType(resource)) else { return .list([]) }
        let pod = SecurityContext(member(spec, "security_context"), path: specPath + ".security_context[0]")
        var result: [Value] = []
        for kind in ["init_container", "container"] {
            let list = member(spec, kind)
            if list.isUnknown { return list }
            for index in 0..<count(list) {
                let path = "\(specPath).\(kind)[\(index)]"
                let raw = element(list, index)
                result.append(
                    .host(
                        KubernetesContainer(
                            raw: raw, kind: kind, index: index, path: path, podPath: specPath,
                            pod: pod,
                            container: SecurityContext(
                                member(raw, "security_context"), path: path + ".security_context[0]"))))
            }
        }
        return .list(result)
    }

    static func resourceType(_ resource: Value) -> String? {
        member(resource, "type").stringValue
    }

    /// A map member of a literal or host map; `.null` for anything else.
    static func member(_ value: Value, _ name: String) -> Value {
        switch value {
        case .map(let map): map[name] ?? .null
        case .host(let host) where host.kind == .map: host.member(name)
        default: .null
        }
    }

    /// The number of elements of a literal or host list; 0 for anything else.
    static func count(_ value: Value) -> Int {
        switch value {
        case .list(let values): values.count
        case .host(let host) where host.kind == .list: host.count
        default: 0
        }
    }

    static func element(_ value: Value, _ index: Int) -> Value {
        switch value {
        case .list(let values): index < values.count ? values[index] : .null
        case .host(let host) where host.kind == .list: index < host.count ? host.element(at: index) : .null
        default: .null
        }
    }

    /// A user or group id as an integer, `.null` when unset.
    ///
    /// The provider keeps `run_as_user`, `run_as_group` and `fs_group` as strings (validated as
    /// nullable integers); `""` means unset. A string that is no integer
    /// cannot come from the provider, whose validation rejects it at plan time; it is reported
    /// as unknown with the reason, never guessed.
    static func numericID(_ value: Value, path: @autoclosure () -> String) -> Value {
        switch value {
        case .string(let text):
            if text.isEmpty { return .null }
            guard let number = Int64(text) else {
                let path = path()
                return .unknown(
                    UnknownCause(
                        path: path, computed: false,
                        reason: "\(path) is \"\(text)\", which is not an integer id (the provider rejects it)"
                    ))
            }
            return .int(number)
        default: return value
        }
    }
}

/// A pod's or a container's `security_context` block as the override rule reads it.
struct SecurityContext: Sendable {
    /// The block's one element; nil when the block is absent.
    let block: Value?
    /// The block, unknown as a whole (set from a value known only after apply).
    let unknown: Value?
    /// `...security_context[0]`.
    let path: String

    init(_ list: Value, path: String) {
        self.path = path
        if case .unknown(let unknown) = list {
            // A pod security context the provider computes (replication controllers) is the API's
            // default: empty. One set from a reference is unknown.
            block = nil
            self.unknown = unknown.isComputed ? nil : list
        } else {
            block = KubernetesWorkloads.count(list) > 0 ? KubernetesWorkloads.element(list, 0) : nil
            unknown = nil
        }
    }

    /// The rest of the paths of the seccomp profile type and the capability lists.
    static let seccompTypeSuffix = ".seccomp_profile[0].type"
    static let capabilitiesAddSuffix = ".capabilities[0].add"
    static let capabilitiesDropSuffix = ".capabilities[0].drop"

    /// The field's value and place when this context sets it (unknown counts as set);
    /// `suffix` is `.` and the field name.
    func setting(_ field: String, suffix: String) -> (Value, SettingPlace)? {
        if let unknown { return (unknown, SettingPlace(context: path, suffix: "")) }
        guard let block else { return nil }
        let value = KubernetesWorkloads.member(block, field)
        if case .null = value { return nil }
        return (value, SettingPlace(context: path, suffix: suffix))
    }

    /// `seccomp_profile[0].type` when the context has a seccomp profile.
    func seccompType() -> (Value, SettingPlace)? {
        guard let (profile, place) = setting("seccomp_profile", suffix: ".seccomp_profile") else {
            return nil
        }
        if profile.isUnknown { return (profile, place) }
        guard KubernetesWorkloads.count(profile) > 0 else { return nil }
        let type = KubernetesWorkloads.member(KubernetesWorkloads.element(profile, 0), "type")
        return (type, SettingPlace(context: path, suffix: Self.seccompTypeSuffix))
    }

    /// `capabilities[0].add` and `capabilities[0].drop` when the context has capabilities; the
    /// block is read once for both.
    func capabilities() -> (add: (Value, SettingPlace)?, drop: (Value, SettingPlace)?) {
        guard let (capabilities, place) = setting("capabilities", suffix: ".capabilities") else {
            return (nil, nil)
        }
        if capabilities.isUnknown { return ((capabilities, place), (capabilities, place)) }
        guard KubernetesWorkloads.count(capabilities) > 0 else { return (nil, nil) }
        let block = KubernetesWorkloads.element(capabilities, 0)
        func list(_ name: String, suffix: String) -> (Value, SettingPlace)? {
            let value = KubernetesWorkloads.member(block, name)
            if case .null = value { return nil }
            return (value, SettingPlace(context: path, suffix: suffix))
        }
        return (
            list("add", suffix: Self.capabilitiesAddSuffix), list("drop", suffix: Self.capabilitiesDropSuffix)
        )
    }
}
