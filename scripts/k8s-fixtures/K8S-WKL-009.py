# Fixture cases of K8S-WKL-009 (secret in a literal env value).
def env(name, value=None, secret=None):
    entry = {"name": name}
    if value is not None:
        entry["value"] = value
    if secret is not None:
        entry["value_from"] = [{"secret_key_ref": [{"name": secret, "key": name.lower()}]}]
    return entry


CASES = {
    "pass": (
        "K8S-WKL-009 pass: the password comes from a Secret; literal values are not secrets; a *_FILE\n"
        "variable holds a path.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", env=[
                    env("DB_PASSWORD", secret="web-db"),
                    env("LOG_LEVEL", "info"),
                    env("DB_PASSWORD_FILE", "/run/secrets/db-password"),
                ])])),
        ],
    ),
    "fail": (
        "K8S-WKL-009 fail: a literal DB_PASSWORD (high), an access key id in a variable named UPSTREAM\n"
        "on an init container (critical), a literal API_TOKEN in a cron job (high).",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web",
                [container("app", env=[env("LOG_LEVEL", "info"), env("DB_PASSWORD", "hunter2hunter2")])],
                init=[container("sync", env=[env("UPSTREAM", "AKIAZ7Q3K9P2LX4M8RTB")])])),
            ("kubernetes_cron_job_v1", "report", cron_job(
                "report", [container("report", env=[env("API_TOKEN", "tok-5b1f0c9e2d7a")])])),
        ],
    ),
    "omitted": (
        "K8S-WKL-009 omitted: a secret-named variable without a value (Kubernetes sets it empty).",
        [
            ("kubernetes_pod_v1", "plain", pod("plain", [container("app", env=[env("DB_PASSWORD")])])),
        ],
    ),
    "unknown": (
        "K8S-WKL-009 unknown: a secret-named variable whose value is known only after apply.",
        [
            ("terraform_data", "generated", {"input": {"password": "generated-at-apply"}}),
            ("kubernetes_deployment_v1", "db", deployment(
                "db", [container("db", env=[{"name": "POSTGRES_PASSWORD", "value": Ref(
                    "terraform_data.generated.output.password",
                    ["terraform_data.generated.output", "terraform_data.generated"])}])])),
        ],
    ),
}
