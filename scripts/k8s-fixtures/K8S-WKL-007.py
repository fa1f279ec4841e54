# Fixture cases of K8S-WKL-007 (dangerous capabilities added / ALL not dropped).
CASES = {
    "pass": (
        "K8S-WKL-007 pass: drop ALL, add back only NET_BIND_SERVICE.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", security={"capabilities": [{"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}]})],
                init=[container("migrate", security={"capabilities": [{"drop": ["all"]}]})])),
        ],
    ),
    "fail": (
        "K8S-WKL-007 fail: SYS_ADMIN added despite drop ALL (high), CAP_NET_RAW in lower case on an\n"
        "init container (high), and a cron job that drops only NET_RAW (low).",
        [
            ("kubernetes_deployment_v1", "agent", deployment(
                "agent",
                [container("agent", security={"capabilities": [{"drop": ["ALL"], "add": ["SYS_ADMIN", "CHOWN"]}]})],
                init=[container("net", security={"capabilities": [{"add": ["cap_net_raw"]}]})])),
            ("kubernetes_cron_job_v1", "backup", cron_job(
                "backup", [container("dump", security={"capabilities": [{"drop": ["NET_RAW"]}]})])),
        ],
    ),
    "omitted": (
        "K8S-WKL-007 omitted: no capabilities block; the runtime's default set stays (low).",
        [
            ("kubernetes_pod_v1", "plain", pod("plain", [container("app")])),
        ],
    ),
    "unknown": (
        "K8S-WKL-007 unknown: the added capabilities come from a value known only after apply.",
        [
            ("terraform_data", "caps", {"input": {"add": ["NET_BIND_SERVICE"]}}),
            ("kubernetes_pod_v1", "agent", pod(
                "agent",
                [container("agent", security={"capabilities": [{"drop": ["ALL"], "add": Ref(
                    "terraform_data.caps.output.add", ["terraform_data.caps.output", "terraform_data.caps"])}]})])),
        ],
    ),
}
