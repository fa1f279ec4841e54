# Fixture cases of K8S-WKL-006 (writable root filesystem).
CASES = {
    "pass": (
        "K8S-WKL-006 pass: read-only root filesystems for the container and the init container.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", security={"read_only_root_filesystem": True})],
                init=[container("migrate", security={"read_only_root_filesystem": True})])),
        ],
    ),
    "fail": (
        "K8S-WKL-006 fail: explicitly writable in a pod, a security_context without the field (the\n"
        "provider fills false) on an init container, a cron job, and a job without security_context.",
        [
            ("kubernetes_pod_v1", "editor", pod(
                "editor", [container("app", security={"read_only_root_filesystem": False})])),
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", security={"read_only_root_filesystem": True})],
                init=[container("setup", security={"run_as_non_root": True})])),
            ("kubernetes_cron_job_v1", "backup", cron_job("backup", [container("dump", security={})])),
            ("kubernetes_job_v1", "migrate", job("migrate", [container("migrate")])),
        ],
    ),
    "omitted": (
        "K8S-WKL-006 omitted: no security_context; Kubernetes mounts the root filesystem writable.",
        [
            ("kubernetes_deployment", "plain", deployment("plain", [container("app")])),
        ],
    ),
    "unknown": (
        "K8S-WKL-006 unknown: the setting comes from a value known only after apply.",
        [
            ("terraform_data", "flags", {"input": {"read_only": True}}),
            ("kubernetes_pod_v1", "agent", pod(
                "agent",
                [container("agent", security={"read_only_root_filesystem": Ref(
                    "terraform_data.flags.output.read_only", ["terraform_data.flags.output", "terraform_data.flags"])})])),
        ],
    ),
}
