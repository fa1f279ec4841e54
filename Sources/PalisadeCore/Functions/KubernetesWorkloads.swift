import Policy

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
            "k8s_pod_spec", style: .global, arity: 1, signature: "k8s_pod_spec(resource) -> map or null"
        ) { args, context in
            // Rules ask for the same resource's pod spec several times each (once per field).
            guard let cache = (context.payload as? EvaluationPayload)?.kubernetesPodSpecs,
                case .host(let host) = args[0], let resource = (host as? ResourceHostValue)?.resource
            else { return podSpec(of: args[0])?.value ?? .null }
            return cache.value(for: ObjectIdentifier(resource)) { podSpec(of: args[0])?.value ?? .null }
        },
        FunctionOverload(
            "k8s_pod_spec_path", style: .global, arity: 1,
            signature: "k8s_pod_spec_path(resource) -> string or null"
        ) { args, _ in
            podSpecPath(ofType: resourceType(args[0])).map(Value.string) ?? .null
        },
        FunctionOverload(
            "k8s_containers", style: .global, arity: 1,
            signature: "k8s_containers(resource) -> list(container)"
        ) { args, context in
            // A drifted resource shares its address with the planned one, so the action is keyed too.
            guard let cache = (context.payload as? EvaluationPayload)?.kubernetesContainers,
                let address = member(args[0], "address").stringValue,
                let action = member(args[0], "action").stringValue
            else { return containers(of: args[0]) }
            return cache.value(for: address + "\u{0}" + action) { containers(of: args[0]) }
        },
    ]

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

    /// `spec[0].template[0].spec[0]` for a deployment; nil for a type without a pod spec.
    static func podSpecPath(ofType type: String?) -> String? {
        guard let type, let steps = podSpecSteps[type] else { return nil }
        return steps.map { $0 + "[0]" }.joined(separator: ".")
    }

    /// The pod spec of a workload resource and its path; nil when the type has none or a block
    /// on the way is absent; the value is unknown when a block on the way is.
    static func podSpec(of resource: Value) -> (value: Value, path: String)? {
        guard let steps = podSpecSteps[resourceType(resource) ?? ""] else { return nil }
        var current = member(resource, "values")
        var path: [String] = []
        for step in steps {
            let block = member(current, step)
            if block.isUnknown { return (block, path.joined(separator: ".")) }
            guard count(block) > 0 else { return nil }
            current = element(block, 0)
            path.append(step + "[0]")
        }
        return (current, path.joined(separator: "."))
    }

    /// One ``KubernetesContainer`` per init container and container, init containers first (the
    /// order the kubelet starts them); unknown when the pod spec or a container list is unknown.
    static func containers(of resource: Value) -> Value {
        guard let (spec, specPath) = podSpec(of: resource) else { return .list([]) }
        if spec.isUnknown { return spec }
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
    static func numericID(_ value: Value, path: String) -> Value {
        switch value {
        case .string(let text):
            if text.isEmpty { return .null }
            guard let number = Int64(text) else {
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

    /// The field's value and path when this context sets it (unknown counts as set).
    func setting(_ field: String) -> (Value, String)? {
        if let unknown { return (unknown, path) }
        guard let block else { return nil }
        let value = KubernetesWorkloads.member(block, field)
        if case .null = value { return nil }
        return (value, path + "." + field)
    }

    /// `seccomp_profile[0].type` when the context has a seccomp profile.
    func seccompType() -> (Value, String)? {
        guard let (profile, profilePath) = setting("seccomp_profile") else { return nil }
        if profile.isUnknown { return (profile, profilePath) }
        guard KubernetesWorkloads.count(profile) > 0 else { return nil }
        let type = KubernetesWorkloads.member(KubernetesWorkloads.element(profile, 0), "type")
        return (type, profilePath + "[0].type")
    }

    /// `capabilities[0].<list>` for each of `lists` (`add`, `drop`) when the context has
    /// capabilities; the block is read once for all of them.
    func capabilities(_ lists: [String]) -> [(Value, String)?] {
        guard let (capabilities, capabilitiesPath) = setting("capabilities") else {
            return lists.map { _ in nil }
        }
        if capabilities.isUnknown { return lists.map { _ in (capabilities, capabilitiesPath) } }
        guard KubernetesWorkloads.count(capabilities) > 0 else { return lists.map { _ in nil } }
        let block = KubernetesWorkloads.element(capabilities, 0)
        return lists.map { list in
            let value = KubernetesWorkloads.member(block, list)
            if case .null = value { return nil }
            return (value, capabilitiesPath + "[0]." + list)
        }
    }
}
