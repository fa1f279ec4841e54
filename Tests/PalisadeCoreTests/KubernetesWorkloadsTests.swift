import Policy
import Testing

@testable import PalisadeCore

@Suite("k8s_pod_spec, k8s_containers and clean_path: Kubernetes workloads in plans")
struct KubernetesWorkloadsTests {
    static let environment = Environment(variables: ["resource"], functions: RulePack.functions)

    /// Evaluates `expression` with `resource` bound to a literal resource of `type`.
    func evaluate(_ expression: String, type: String, values: Value) throws -> Value {
        let compiled = try Expression.compile(expression, environment: Self.environment)
        return compiled.evaluate(Bindings(["resource": .map(["type": .string(type), "values": values])]))
    }

    static func block(_ members: ValueMap) -> Value { .list([.map(members)]) }

    /// A pod spec with `container` and `init_container` lists and a pod security context.
    static func podSpec(
        containers: [Value], initContainers: [Value] = [], podSecurity: Value = .list([])
    ) -> Value {
        block([
            "container": .list(containers), "init_container": .list(initContainers),
            "security_context": podSecurity, "volume": .list([]),
        ])
    }

    static func container(_ name: String, security: Value = .list([])) -> Value {
        .map(["name": .string(name), "image": .string("nginx"), "security_context": security])
    }

    @Test(
        "each workload type keeps its pod spec at its own path",
        arguments: [
            ("kubernetes_pod_v1", "spec[0]"),
            ("kubernetes_deployment", "spec[0].template[0].spec[0]"),
            ("kubernetes_daemon_set_v1", "spec[0].template[0].spec[0]"),
            ("kubernetes_replication_controller_v1", "spec[0].template[0].spec[0]"),
            ("kubernetes_cron_job_v1", "spec[0].job_template[0].spec[0].template[0].spec[0]"),
        ])
    func podSpecPaths(type: String, path: String) throws {
        #expect(try evaluate("k8s_pod_spec_path(resource)", type: type, values: .map([:])) == .string(path))
    }

    @Test("a resource without a pod spec has no containers")
    func otherTypes() throws {
        #expect(
            try evaluate("k8s_pod_spec_path(resource)", type: "kubernetes_service_v1", values: .map([:]))
                == .null)
        #expect(
            try evaluate("k8s_containers(resource)", type: "kubernetes_service_v1", values: .map([:]))
                == .list([]))
        // A deployment whose spec block is absent (never in a valid plan) has none either.
        #expect(
            try evaluate(
                "size(k8s_containers(resource))", type: "kubernetes_deployment",
                values: .map(["spec": .list([])]))
                == .int(0))
    }

    @Test("containers of a cron job: init containers first, each with its kind, index, name and path")
    func cronJobContainers() throws {
        let pod = Self.podSpec(
            containers: [Self.container("app"), Self.container("sidecar")],
            initContainers: [Self.container("setup")])
        let values: Value = .map([
            "spec": Self.block([
                "job_template": Self.block(["spec": Self.block(["template": Self.block(["spec": pod])])])
            ])
        ])
        let described = try evaluate(
            "k8s_containers(resource).map(c, c.kind + ' ' + string(c.index) + ' ' + c.name + ' ' + c.path)",
            type: "kubernetes_cron_job", values: values)
        let prefix = "spec[0].job_template[0].spec[0].template[0].spec[0]"
        #expect(
            described
                == .list([
                    .string("init_container 0 setup \(prefix).init_container[0]"),
                    .string("container 0 app \(prefix).container[0]"),
                    .string("container 1 sidecar \(prefix).container[1]"),
                ]))
        #expect(
            try evaluate("k8s_containers(resource)[0].init", type: "kubernetes_cron_job", values: values)
                == .bool(true))
    }

    @Test("a container's security context overrides the pod's field by field; uids become integers")
    func overrideFieldByField() throws {
        let pod = Self.podSpec(
            containers: [
                Self.container(
                    "own", security: Self.block(["run_as_user": .string("1000"), "privileged": .bool(true)])),
                Self.container("inherits"),
            ],
            podSecurity: Self.block([
                "run_as_user": .string("0"), "run_as_non_root": .bool(true), "fs_group": .string("2000"),
                "seccomp_profile": Self.block(["type": .string("RuntimeDefault")]),
            ]))
        let values: Value = .map(["spec": pod])
        func read(_ expression: String) throws -> Value {
            try evaluate(expression, type: "kubernetes_pod_v1", values: values)
        }
        #expect(try read("k8s_containers(resource)[0].security.run_as_user") == .int(1000))
        #expect(
            try read("k8s_containers(resource)[0].source.run_as_user")
                == .string("spec[0].container[0].security_context[0].run_as_user"))
        #expect(try read("k8s_containers(resource)[0].security.privileged") == .bool(true))
        // The field the container leaves out comes from the pod, and says so.
        #expect(try read("k8s_containers(resource)[0].security.run_as_non_root") == .bool(true))
        #expect(
            try read("k8s_containers(resource)[0].source.run_as_non_root")
                == .string("spec[0].security_context[0].run_as_non_root"))
        #expect(try read("k8s_containers(resource)[1].security.run_as_user") == .int(0))
        #expect(
            try read("k8s_containers(resource)[1].security.seccomp_profile_type") == .string("RuntimeDefault")
        )
        #expect(try read("k8s_containers(resource)[1].security.fs_group") == .int(2000))
        // Set nowhere: null, pointing where the container would set it.
        #expect(try read("k8s_containers(resource)[1].security.privileged") == .null)
        #expect(
            try read("k8s_containers(resource)[1].source.privileged")
                == .string("spec[0].container[1].security_context[0].privileged"))
        #expect(try read("k8s_containers(resource)[1].security.capabilities_drop") == .null)
    }

    @Test("uid strings: empty is unset, digits are integers, anything else is unknown with the reason")
    func uidStrings() throws {
        func uid(_ text: String) throws -> Value {
            let pod = Self.podSpec(containers: [
                Self.container("app", security: Self.block(["run_as_user": .string(text)]))
            ])
            return try evaluate(
                "k8s_containers(resource)[0].security.run_as_user", type: "kubernetes_pod",
                values: .map(["spec": pod]))
        }
        #expect(try uid("") == .null)
        #expect(try uid("0") == .int(0))
        #expect(try uid("65534") == .int(65534))
        guard case .unknown(let unknown) = try uid("root") else {
            Issue.record("a uid that is no integer must be unknown")
            return
        }
        #expect(unknown.causes.first?.reason?.contains("not an integer") == true)
        #expect(unknown.causes.first?.path == "spec[0].container[0].security_context[0].run_as_user")
    }

    @Test("unknown blocks: a container context from a reference is unknown, a computed pod context is empty")
    func unknownBlocks() throws {
        let fromReference: Value = .unknown(
            UnknownCause(computed: false, references: ["terraform_data.flags"]))
        let pod = Self.podSpec(
            containers: [Self.container("app", security: fromReference)],
            podSecurity: .unknown(UnknownCause(computed: true)))
        let values: Value = .map(["spec": Self.block(["template": Self.block(["spec": pod])])])
        #expect(
            try evaluate(
                "k8s_containers(resource)[0].security.privileged",
                type: "kubernetes_replication_controller_v1",
                values: values
            ).isUnknown)
        let inherited = Self.podSpec(
            containers: [Self.container("app")], podSecurity: .unknown(UnknownCause(computed: true)))
        #expect(
            try evaluate(
                "k8s_containers(resource)[0].security.run_as_user",
                type: "kubernetes_replication_controller_v1",
                values: .map(["spec": Self.block(["template": Self.block(["spec": inherited])])])) == .null)
        // An unknown container list leaves even the number of subjects unknown.
        let unknownList = Self.block(["container": fromReference, "init_container": .list([])])
        #expect(
            try evaluate(
                "k8s_containers(resource)", type: "kubernetes_pod_v1", values: .map(["spec": unknownList])
            )
            .isUnknown)
    }

    @Test("containers read from the pod spec k8s_pod_spec gives are the containers read from the resource")
    func containersFromPodSpec() throws {
        let unknown: Value = .unknown(UnknownCause(computed: false, references: ["terraform_data.spec"]))
        let pod = Self.podSpec(
            containers: [Self.container("app", security: Self.block(["privileged": .bool(true)]))],
            initContainers: [Self.container("setup")],
            podSecurity: Self.block(["run_as_user": .string("1000")]))
        let cases: [(type: String, values: Value)] = [
            ("kubernetes_pod_v1", .map(["spec": pod])),
            ("kubernetes_deployment", .map(["spec": Self.block(["template": Self.block(["spec": pod])])])),
            (
                "kubernetes_cron_job_v1",
                .map([
                    "spec": Self.block([
                        "job_template": Self.block([
                            "spec": Self.block(["template": Self.block(["spec": pod])])
                        ])
                    ])
                ])
            ),
            ("kubernetes_pod_v1", .map(["spec": .list([.null])])),
            ("kubernetes_pod_v1", .map(["spec": .list([.string("not a block")])])),
            ("kubernetes_pod_v1", .map(["spec": .list([])])),
            ("kubernetes_pod_v1", .map(["spec": unknown])),
            ("kubernetes_deployment", .map(["spec": Self.block(["template": unknown])])),
            ("kubernetes_pod_v1", .map(["spec": Self.block(["container": unknown])])),
            ("kubernetes_service_v1", .map(["spec": pod])),
        ]
        for (type, values) in cases {
            let resource: Value = .map(["type": .string(type), "values": values])
            let spec = KubernetesWorkloads.podSpec(of: resource)?.value ?? .null
            let direct = KubernetesWorkloads.containers(of: resource)
            #expect(KubernetesWorkloads.containers(of: resource, spec: spec) == direct, "\(type) \(values)")
        }
        let deployment: Value = .map([
            "type": .string("kubernetes_deployment"),
            "values": .map(["spec": Self.block(["template": Self.block(["spec": pod])])]),
        ])
        let spec = KubernetesWorkloads.podSpec(of: deployment)?.value ?? .null
        guard case .list(let containers) = KubernetesWorkloads.containers(of: deployment, spec: spec) else {
            Issue.record("a deployment's containers must be a list")
            return
        }
        #expect(containers.count == 2)
        #expect(
            containers.first.map { WorldOpen.member($0, "path") }
                == .string("spec[0].template[0].spec[0].init_container[0]"))
    }

    @Test(
        "clean_path collapses slashes, dots and dot-dots",
        arguments: [
            ("/var/run//docker.sock/", "/var/run/docker.sock"),
            ("/etc/../etc/kubernetes", "/etc/kubernetes"),
            ("/../../etc", "/etc"),
            ("/", "/"),
            ("//", "/"),
            ("/var/./lib/kubelet/pods/..", "/var/lib/kubelet"),
            ("relative/../..", ".."),
            ("", "."),
        ])
    func cleanPath(path: String, cleaned: String) {
        #expect(PathCleaning.clean(path) == cleaned)
    }
}
