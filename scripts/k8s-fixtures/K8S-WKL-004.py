# Fixture cases of K8S-WKL-004 (pod shares host namespaces).
CASES = {
    "pass": (
        "K8S-WKL-004 pass: host namespaces explicitly off, and a pod that leaves them to the default.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web", [container("app")],
                pod={"host_network": False, "host_pid": False, "host_ipc": False})),
            ("kubernetes_pod_v1", "tool", pod("tool", [container("tool")])),
        ],
    ),
    "fail": (
        "K8S-WKL-004 fail: host PID and IPC in a pod, host network in a deployment, host IPC in a\n"
        "cron job, host network and PID in a daemon set.",
        [
            ("kubernetes_pod_v1", "debug", pod(
                "debug", [container("shell")], pod={"host_pid": True, "host_ipc": True})),
            ("kubernetes_deployment_v1", "ingress", deployment(
                "ingress", [container("proxy")], pod={"host_network": True, "dns_policy": "ClusterFirstWithHostNet"})),
            ("kubernetes_cron_job_v1", "ipc", cron_job("ipc", [container("job")], pod={"host_ipc": True})),
            ("kubernetes_daemon_set_v1", "node_exporter", daemon_set(
                "node-exporter", [container("exporter")], pod={"host_pid": True, "host_network": True})),
        ],
    ),
    "omitted": (
        "K8S-WKL-004 omitted: host_network, host_pid and host_ipc left out; the provider fills false.",
        [
            ("kubernetes_deployment", "plain", deployment("plain", [container("app")])),
        ],
    ),
    "unknown": (
        "K8S-WKL-004 unknown: host_network comes from a value known only after apply.",
        [
            ("terraform_data", "flags", {"input": {"host_network": False}}),
            ("kubernetes_deployment_v1", "agent", deployment(
                "agent", [container("agent")],
                pod={"host_network": Ref(
                    "terraform_data.flags.output.host_network", ["terraform_data.flags.output", "terraform_data.flags"])})),
        ],
    ),
}
