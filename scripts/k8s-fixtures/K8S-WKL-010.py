# Fixture cases of K8S-WKL-010 (seccomp unconfined or not set).
CASES = {
    "pass": (
        "K8S-WKL-010 pass: RuntimeDefault on the pod, inherited by both containers; a Localhost\n"
        "profile set on one container.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app"), container("audit", security={"seccomp_profile": [{"type": "Localhost", "localhost_profile": "profiles/audit.json"}]})],
                init=[container("migrate")],
                pod={"security_context": [{"seccomp_profile": [{"type": "RuntimeDefault"}]}]})),
        ],
    ),
    "fail": (
        "K8S-WKL-010 fail: a container overrides the pod's RuntimeDefault with Unconfined (high); a\n"
        "cron job sets no profile (low).",
        [
            ("kubernetes_pod_v1", "debug", pod(
                "debug",
                [container("shell", security={"seccomp_profile": [{"type": "Unconfined"}]}), container("app")],
                pod={"security_context": [{"seccomp_profile": [{"type": "RuntimeDefault"}]}]})),
            ("kubernetes_cron_job_v1", "backup", cron_job("backup", [container("dump")])),
        ],
    ),
    "omitted": (
        "K8S-WKL-010 omitted: a seccomp_profile block without type; the provider fills its Default\n"
        "\"Unconfined\" (high).",
        [
            ("kubernetes_deployment", "plain", deployment(
                "plain", [container("app")], pod={"security_context": [{"seccomp_profile": [{}]}]})),
        ],
    ),
    "unknown": (
        "K8S-WKL-010 unknown: the profile type comes from a value known only after apply.",
        [
            ("terraform_data", "profile", {"input": {"type": "RuntimeDefault"}}),
            ("kubernetes_pod_v1", "agent", pod(
                "agent", [container("agent")],
                pod={"security_context": [{"seccomp_profile": [{"type": Ref(
                    "terraform_data.profile.output.type", ["terraform_data.profile.output", "terraform_data.profile"])}]}]})),
        ],
    ),
}
