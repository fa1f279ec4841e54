# Fixture cases of K8S-WKL-001 (privileged container); see scripts/k8s-plan-fixture.py.
CASES = {
    "pass": (
        "K8S-WKL-001 pass: no container or init container is privileged.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", security={"privileged": False, "allow_privilege_escalation": False})],
                init=[container("migrate", security={"run_as_non_root": True})])),
        ],
    ),
    "fail": (
        "K8S-WKL-001 fail: a privileged init container (Checkov CKV_K8S_16 misses it), a privileged\n"
        "debug pod, a privileged cron job container and a privileged node agent daemon set.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", security={"privileged": False})],
                init=[container("setup", security={"privileged": True})])),
            ("kubernetes_pod_v1", "debug", pod(
                "debug", [container("shell", security={"privileged": True})])),
            ("kubernetes_cron_job_v1", "backup", cron_job(
                "backup", [container("dump", security={"privileged": True})])),
            ("kubernetes_daemon_set_v1", "node_agent", daemon_set(
                "node-agent", [container("agent", security={"privileged": True})])),
        ],
    ),
    "omitted": (
        "K8S-WKL-001 omitted: no security_context anywhere; the provider and Kubernetes default is\n"
        "privileged = false.",
        [
            ("kubernetes_pod", "plain", pod("plain", [container("app")])),
            ("kubernetes_deployment", "plain", deployment("plain", [container("app", security={})])),
        ],
    ),
    "unknown": (
        "K8S-WKL-001 unknown: privileged comes from a value known only after apply.",
        [
            ("terraform_data", "flags", {"input": {"privileged": False}}),
            ("kubernetes_deployment_v1", "agent", deployment(
                "agent",
                [container("agent", security={"privileged": Ref(
                    "terraform_data.flags.output.privileged",
                    ["terraform_data.flags.output", "terraform_data.flags"])})])),
        ],
    ),
}
