# Fixture cases of K8S-WKL-008 (container image not pinned).
CASES = {
    "pass": (
        "K8S-WKL-008 pass: images by digest, with and without a tag, behind a registry port.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", image="registry.example.com:5000/team/app@" + DIGEST)],
                init=[container("migrate", image="registry.example.com/team/migrate:2.1.0@" + DIGEST)])),
        ],
    ),
    "fail": (
        "K8S-WKL-008 fail: a registry port is not a tag (registry.local:5000/app, high; Checkov CKV_K8S_14\n"
        "passes it), latest (high), a tag without a digest (medium), an untagged init container (high).",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", image="registry.local:5000/app"), container("proxy", image="nginx:1.25.4")],
                init=[container("setup", image="busybox")])),
            ("kubernetes_cron_job_v1", "backup", cron_job("backup", [container("dump", image="postgres:latest")])),
        ],
    ),
    "omitted": (
        "K8S-WKL-008 omitted: no tag means latest (high); a container without image is not applicable\n"
        "(the API rejects it at apply).",
        [
            ("kubernetes_pod", "plain", pod("plain", [
                {"name": "app", "image": "nginx"},
                {"name": "noimage"},
            ])),
        ],
    ),
    "unknown": (
        "K8S-WKL-008 unknown: the image reference is produced by a resource of the same plan.",
        [
            ("terraform_data", "release", {"input": "registry.example.com/team/app:1.4.2"}),
            ("kubernetes_deployment_v1", "app", deployment(
                "app", [{"name": "app", "image": Ref(
                    "terraform_data.release.output", ["terraform_data.release.output", "terraform_data.release"])}])),
        ],
    ),
}
