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
final class KubernetesContainer: HostValue {
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
    /// `.` and the name of each of ``inheritedSettings`` and ``containerSettings``: the rest of
    /// their paths after the security context, written once rather than per container.
    static let inheritedSuffixes = inheritedSettings.map { "." + $0 }
    static let containerSuffixes = containerSettings.map { "." + $0 }

    init(
        raw: Value, kind: String, index: Int, path: String, podPath: String, pod: SecurityContext,
        container: SecurityContext
    ) {
        self.path = path
        var security: [Value] = []
        var sources: [SettingPlace] = []
        security.reserveCapacity(KubernetesSettings.names.count)
        sources.reserveCapacity(KubernetesSettings.names.count)
        // In the order of `KubernetesSettings.names`. The provider keeps ids as strings.
        func record(_ found: (Value, SettingPlace)?, otherwise place: SettingPlace, isID: Bool = false) {
            let place = found?.1 ?? place
            let value = found?.0 ?? .null
            security.append(isID ? KubernetesWorkloads.numericID(value, path: place.path) : value)
            sources.append(place)
        }
        for (name, suffix) in zip(Self.containerSettings, Self.containerSuffixes) {
            record(
                container.setting(name, suffix: suffix),
                otherwise: SettingPlace(context: container.path, suffix: suffix))
        }
        for (name, suffix) in zip(Self.inheritedSettings, Self.inheritedSuffixes) {
            record(
                container.setting(name, suffix: suffix) ?? pod.setting(name, suffix: suffix),
                otherwise: SettingPlace(context: container.path, suffix: suffix),
                isID: name != "run_as_non_root")
        }
        record(
            container.seccompType() ?? pod.seccompType(),
            otherwise: SettingPlace(context: container.path, suffix: SecurityContext.seccompTypeSuffix))
        let capabilities = container.capabilities()
        record(
            capabilities.add,
            otherwise: SettingPlace(context: container.path, suffix: SecurityContext.capabilitiesAddSuffix))
        record(
            capabilities.drop,
            otherwise: SettingPlace(context: container.path, suffix: SecurityContext.capabilitiesDropSuffix))
        record(
            pod.setting("fs_group", suffix: ".fs_group"),
            otherwise: SettingPlace(context: pod.path, suffix: ".fs_group"),
            isID: true)
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
            .host(KubernetesSettings(.values(security))),
            .host(KubernetesSettings(.places(sources))),
        ]
    }
}

/// Where a setting is read: a security context's path and the rest of the path after it.
///
/// Kept in two parts so that a path is written out only when a rule asks for it: most rules
/// read one container's `source` for one setting, if at all.
struct SettingPlace: Sendable {
    /// The path of the security context (`...security_context[0]`).
    let context: String
    /// The rest of the path (`.privileged`), empty for the context itself.
    let suffix: String

    /// The whole path.
    var path: String { context + suffix }
}

/// A container's `security` or `source` map: one entry per setting, in the order of ``names``.
///
/// The keys are the same for every container, so only the entries are kept: a ``ValueMap`` of
/// ten entries would build a hash table for each container.
final class KubernetesSettings: HostValue {
    static let names =
        KubernetesContainer.containerSettings + KubernetesContainer.inheritedSettings + [
            "seccomp_profile_type", "capabilities_add", "capabilities_drop", "fs_group",
        ]
    /// The entries, parallel to ``names``.
    enum Entries: Sendable {
        /// The effective settings (`security`).
        case values([Value])
        /// Where each was read (`source`), as strings when asked.
        case places([SettingPlace])
    }

    let entries: Entries

    init(_ entries: Entries) { self.entries = entries }

    var kind: HostValueKind { .map }
    var count: Int { Self.names.count }
    var keys: [String] { Self.names }
    /// As a literal map answers: a missing key is an error, not null.
    func member(_ name: String) -> Value {
        guard let position = Self.names.firstIndex(of: name) else { return .error("no such key: '\(name)'") }
        switch entries {
        case .values(let values): return values[position]
        case .places(let places): return .string(places[position].path)
        }
    }
    func hasMember(_ name: String) -> Value { .bool(Self.names.contains(name)) }
    func element(at index: Int) -> Value { .null }
}
