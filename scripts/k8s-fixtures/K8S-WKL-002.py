# Fixture cases of K8S-WKL-002 (container may run as root); see scripts/k8s-plan-fixture.py.
CASES = {
    "pass": (
        "K8S-WKL-002 pass: every container runs as a non-zero uid or must run as non-root; the\n"
        "container's own run_as_user overrides the pod's, the init container inherits the pod's.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", security={"run_as_user": "10002"})],
                init=[container("migrate")],
                pod={"security_context": [{"run_as_user": "10001", "run_as_non_root": True}]})),
            ("kubernetes_pod_v1", "tool", pod(
                "tool", [container("tool", security={"run_as_non_root": True})])),
        ],
    ),
    "fail": (
        "K8S-WKL-002 fail: uid 0 inherited from the pod (high; a third container overrides it and\n"
        "passes), uid 0 set on a container although\n"
        "the pod asks for non-root (high), run_as_non_root = false in a cron job (medium); a Windows\n"
        "pod is not applicable.",
        [
            ("kubernetes_deployment_v1", "root", deployment(
                "root",
                [container("app"), container("sidecar", security={"run_as_user": "0"}),
                 container("fixed", security={"run_as_user": "1000"})],
                pod={"security_context": [{"run_as_user": "0"}]})),
            ("kubernetes_pod_v1", "mixed", pod(
                "mixed", [container("app", security={"run_as_user": "0"})],
                pod={"security_context": [{"run_as_non_root": True}]})),
            ("kubernetes_cron_job_v1", "report", cron_job(
                "report", [container("report", security={"run_as_non_root": False})])),
            ("kubernetes_pod_v1", "windows", pod(
                "windows", [container("iis")], pod={"os": [{"name": "windows"}]})),
        ],
    ),
    "omitted": (
        "K8S-WKL-002 omitted: no security_context; the image's USER decides (medium).",
        [
            ("kubernetes_pod", "plain", pod("plain", [container("app")])),
        ],
    ),
    "unknown": (
        "K8S-WKL-002 unknown: the uid comes from a value known only after apply.",
        [
            ("terraform_data", "ids", {"input": {"uid": "10001"}}),
            ("kubernetes_deployment_v1", "worker", deployment(
                "worker",
                [container("worker", security={"run_as_user": Ref(
                    "terraform_data.ids.output.uid", ["terraform_data.ids.output", "terraform_data.ids"])})])),
        ],
    ),
}
