import Policy

/// One container or init container of a Kubernetes workload, as `k8s_containers` gives it.
///
/// Members: `kind` (`container` or `init_container`), `init` (bool), `index`, `name`, `path`
/// (`spec[0].template[0].spec[0].init_container[0]`), `pod_path`, the container's own `image`,
/// `env`, `port` and `volume_mount`, and two maps over the same keys: `security`, the effective
/// settings (`privileged`, `allow_privilege_escalation`, `read_only_root_filesystem`,
/// `capabilities_add`, `capabilities_drop`, `run_as_user`, `run_as_group`, `run_as_non_root`,
/// `seccomp_profile_type`, `fs_group`), and `source`, the attribute path each was read from.
/// A setting neither the container nor the pod makes is `null` (the Kubernetes default
/// applies), and its `source` is where the container would set it. `run_as_user`,
/// `run_as_group` and `fs_group` are integers. Findings on the container point at `path`.
struct KubernetesContainer: HostValue {
    let members: ValueMap
    let path: String

    var sourcePath: String? { path }
    var kind: HostValueKind { .map }
    var count: Int { members.count }
    var keys: [String] { members.keys }
    func member(_ name: String) -> Value { members[name] ?? .null }
    func hasMember(_ name: String) -> Value {
        guard let value = members[name] else { return .bool(false) }
        if case .null = value { return .bool(false) }
        return .bool(true)
    }
    func element(at index: Int) -> Value { .null }

    /// The settings a container may override from the pod's security context.
    static let inheritedSettings = ["run_as_user", "run_as_group", "run_as_non_root"]
    /// The settings only a container's security context has.
    static let containerSettings = ["privileged", "allow_privilege_escalation", "read_only_root_filesystem"]
    /// The settings held as strings of integers by the provider.
    static let numericSettings: Set<String> = ["run_as_user", "run_as_group", "fs_group"]

    init(
        raw: Value, kind: String, index: Int, path: String, podPath: String, pod: SecurityContext,
        container: SecurityContext
    ) {
        self.path = path
        var security = ValueMap()
        var source = ValueMap()
        func record(_ name: String, _ found: (Value, String)?, defaultPath: String) {
            var value = found?.0 ?? .null
            if Self.numericSettings.contains(name) {
                value = KubernetesWorkloads.numericID(value, path: found?.1 ?? defaultPath)
            }
            security[name] = value
            source[name] = .string(found?.1 ?? defaultPath)
        }
        for name in Self.containerSettings {
            record(name, container.setting(name), defaultPath: container.path + "." + name)
        }
        for name in Self.inheritedSettings {
            record(
                name, container.setting(name) ?? pod.setting(name), defaultPath: container.path + "." + name)
        }
        record(
            "seccomp_profile_type", container.seccompType() ?? pod.seccompType(),
            defaultPath: container.path + ".seccomp_profile[0].type")
        record(
            "capabilities_add", container.capabilities("add"),
            defaultPath: container.path + ".capabilities[0].add")
        record(
            "capabilities_drop", container.capabilities("drop"),
            defaultPath: container.path + ".capabilities[0].drop")
        record("fs_group", pod.setting("fs_group"), defaultPath: pod.path + ".fs_group")
        members = ValueMap([
            ("kind", .string(kind)),
            ("init", .bool(kind == "init_container")),
            ("index", .int(Int64(index))),
            ("name", KubernetesWorkloads.member(raw, "name")),
            ("path", .string(path)),
            ("pod_path", .string(podPath)),
            ("image", KubernetesWorkloads.member(raw, "image")),
            ("env", KubernetesWorkloads.member(raw, "env")),
            ("port", KubernetesWorkloads.member(raw, "port")),
            ("volume_mount", KubernetesWorkloads.member(raw, "volume_mount")),
            ("security", .map(security)),
            ("source", .map(source)),
        ])
    }
}
