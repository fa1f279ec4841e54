# Fixture cases of K8S-WKL-003 (privilege escalation not disabled).
CASES = {
    "pass": (
        "K8S-WKL-003 pass: allow_privilege_escalation = false on the container and the init container.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", security={"allow_privilege_escalation": False})],
                init=[container("migrate", security={"allow_privilege_escalation": False})])),
        ],
    ),
    "fail": (
        "K8S-WKL-003 fail: a security_context block without allow_privilege_escalation (the provider\n"
        "fills its Default true), an init container with true, and a privileged container whose\n"
        "false cannot hold (privileged always allows escalation).",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", security={"read_only_root_filesystem": True})],
                init=[container("setup", security={"allow_privilege_escalation": True})])),
            ("kubernetes_cron_job_v1", "backup", cron_job(
                "backup", [container("dump", security={"allow_privilege_escalation": False, "privileged": True})])),
        ],
    ),
    "omitted": (
        "K8S-WKL-003 omitted: no security_context at all; Kubernetes allows escalation by default.",
        [
            ("kubernetes_pod_v1", "plain", pod("plain", [container("app")])),
        ],
    ),
    "unknown": (
        "K8S-WKL-003 unknown: the setting comes from a value known only after apply.",
        [
            ("terraform_data", "flags", {"input": {"escalation": False}}),
            ("kubernetes_pod_v1", "agent", pod(
                "agent",
                [container("agent", security={"allow_privilege_escalation": Ref(
                    "terraform_data.flags.output.escalation", ["terraform_data.flags.output", "terraform_data.flags"])})])),
        ],
    ),
}
