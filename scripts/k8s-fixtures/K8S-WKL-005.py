# Fixture cases of K8S-WKL-005 (sensitive hostPath volume).
def host_volume(name, path, type_=None):
    block = {"path": path}
    if type_ is not None:
        block["type"] = type_
    return {"name": name, "host_path": [block]}


def mount(name, path):
    return {"name": name, "mount_path": path}


CASES = {
    "pass": (
        "K8S-WKL-005 pass: only emptyDir and config map volumes.",
        [
            ("kubernetes_deployment_v1", "web", deployment(
                "web", [container("app", volume_mount=[mount("cache", "/cache"), mount("config", "/etc/app")])],
                pod={"volume": [
                    {"name": "cache", "empty_dir": [{"medium": "Memory"}]},
                    {"name": "config", "config_map": [{"name": "web-config"}]},
                ]})),
        ],
    ),
    "fail": (
        "K8S-WKL-005 fail: the Docker socket spelt with a doubled and a trailing slash (critical), /var/run\n"
        "(holds the runtime sockets: critical), /etc/../etc/kubernetes (high) in a pod, the host's / (critical)\n"
        "and a data directory (low) in a cron job.",
        [
            ("kubernetes_deployment_v1", "agent", deployment(
                "agent",
                [container("agent", volume_mount=[mount("docker", "/var/run/docker.sock")])],
                init=[container("probe", volume_mount=[mount("run", "/host/run")])],
                pod={"volume": [
                    host_volume("docker", "/var/run//docker.sock/", "Socket"),
                    host_volume("run", "/var/run", "Directory"),
                ]})),
            ("kubernetes_pod_v1", "node-reader", pod(
                "node-reader", [container("reader", volume_mount=[mount("kube", "/host/kube")])],
                pod={"volume": [host_volume("kube", "/etc/../etc/kubernetes")]})),
            ("kubernetes_cron_job_v1", "backup", cron_job(
                "backup", [container("dump", volume_mount=[mount("root", "/host"), mount("data", "/data")])],
                pod={"volume": [host_volume("root", "/"), host_volume("data", "/srv/backups", "DirectoryOrCreate")]})),
        ],
    ),
    "omitted": (
        "K8S-WKL-005 omitted: a hostPath with its type left out (the provider fills \"\") and a log\n"
        "directory path (low); an emptyDir volume passes.",
        [
            ("kubernetes_pod", "logs", pod(
                "logs", [container("shipper", volume_mount=[mount("varlog", "/var/log"), mount("tmp", "/tmp")])],
                pod={"volume": [host_volume("varlog", "/var/log"), {"name": "tmp", "empty_dir": [{}]}]})),
        ],
    ),
    "unknown": (
        "K8S-WKL-005 unknown: the host path comes from a value known only after apply.",
        [
            ("terraform_data", "paths", {"input": {"data_dir": "/srv/data"}}),
            ("kubernetes_deployment_v1", "store", deployment(
                "store", [container("store", volume_mount=[mount("data", "/data")])],
                pod={"volume": [host_volume("data", Ref(
                    "terraform_data.paths.output.data_dir", ["terraform_data.paths.output", "terraform_data.paths"]))]})),
        ],
    ),
}
