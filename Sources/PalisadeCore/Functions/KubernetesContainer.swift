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
    /// The member names, in the order ``keys`` lists them.
    ///
    /// Fixed for every container, so a container holds only its values: a ``ValueMap`` of twelve
    /// entries would build a hash table for each of them.
    static let memberNames = [
        "kind", "init", "index", "name", "path", "pod_path", "image", "env", "port", "volume_mount",
        "security",
        "source",
    ]
    /// The values, parallel to ``memberNames``.
    let values: [Value]
    let path: String

    var sourcePath: String? { path }
    var kind: HostValueKind { .map }
    var count: Int { Self.memberNames.count }
    var keys: [String] { Self.memberNames }
    func member(_ name: String) -> Value { Self.memberNames.firstIndex(of: name).map { values[$0] } ?? .null }
    func hasMember(_ name: String) -> Value {
        guard let position = Self.memberNames.firstIndex(of: name) else { return .bool(false) }
        if case .null = values[position] { return .bool(false) }
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
        var security: [Value] = []
        var source: [Value] = []
        security.reserveCapacity(KubernetesSettings.names.count)
        source.reserveCapacity(KubernetesSettings.names.count)
        // In the order of `KubernetesSettings.names`.
        func record(_ name: String, _ found: (Value, String)?, defaultPath: String) {
            var value = found?.0 ?? .null
            if Self.numericSettings.contains(name) {
                value = KubernetesWorkloads.numericID(value, path: found?.1 ?? defaultPath)
            }
            security.append(value)
            source.append(.string(found?.1 ?? defaultPath))
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
        let capabilities = container.capabilities(["add", "drop"])
        record("capabilities_add", capabilities[0], defaultPath: container.path + ".capabilities[0].add")
        record("capabilities_drop", capabilities[1], defaultPath: container.path + ".capabilities[0].drop")
        record("fs_group", pod.setting("fs_group"), defaultPath: pod.path + ".fs_group")
        values = [
            .string(kind),
            .bool(kind == "init_container"),
            .int(Int64(index)),
            KubernetesWorkloads.member(raw, "name"),
            .string(path),
            .string(podPath),
            KubernetesWorkloads.member(raw, "image"),
            KubernetesWorkloads.member(raw, "env"),
            KubernetesWorkloads.member(raw, "port"),
            KubernetesWorkloads.member(raw, "volume_mount"),
            .host(KubernetesSettings(values: security)),
            .host(KubernetesSettings(values: source)),
        ]
    }
}

/// A container's `security` or `source` map: one value per setting, in the order of ``names``.
///
/// The keys are the same for every container, so only the values are kept: a ``ValueMap`` of
/// ten entries would build a hash table for each container.
struct KubernetesSettings: HostValue {
    static let names =
        KubernetesContainer.containerSettings + KubernetesContainer.inheritedSettings + [
            "seccomp_profile_type", "capabilities_add", "capabilities_drop", "fs_group",
        ]
    let values: [Value]

    var kind: HostValueKind { .map }
    var count: Int { Self.names.count }
    var keys: [String] { Self.names }
    /// As a literal map answers: a missing key is an error, not null.
    func member(_ name: String) -> Value {
        Self.names.firstIndex(of: name).map { values[$0] } ?? .error("no such key: '\(name)'")
    }
    func hasMember(_ name: String) -> Value { .bool(Self.names.contains(name)) }
    func element(at index: Int) -> Value { .null }
}
