# Fixture cases of K8S-SVC-001 (workload exposed publicly by a Service or a hostPort).
CASES = {
    "pass": (
        "K8S-SVC-001 pass: a ClusterIP service, internal load balancers (AWS and GKE annotations), a\n"
        "load balancer limited to an office range, and a container port without hostPort.",
        [
            ("kubernetes_service_v1", "api", service("api", "ClusterIP")),
            ("kubernetes_service_v1", "internal", service(
                "internal", "LoadBalancer", annotations={"service.beta.kubernetes.io/aws-load-balancer-internal": "true"})),
            ("kubernetes_service", "gke_internal", service(
                "gke-internal", "LoadBalancer", annotations={"networking.gke.io/load-balancer-type": "Internal"})),
            ("kubernetes_service_v1", "office", service("office", "LoadBalancer", source_ranges=["203.0.113.0/24"])),
            ("kubernetes_deployment_v1", "web", deployment(
                "web", [container("app", port=[{"container_port": 8443}])])),
        ],
    ),
    "fail": (
        "K8S-SVC-001 fail: a public load balancer (medium), one whose source ranges include ::/0\n"
        "(medium), a NodePort service (low), and a hostPort on a pod's container (medium).",
        [
            ("kubernetes_service_v1", "public", service("public", "LoadBalancer")),
            ("kubernetes_service_v1", "world", service(
                "world", "LoadBalancer", source_ranges=["203.0.113.0/24", "::/0"])),
            ("kubernetes_service", "nodeport", service("nodeport", "NodePort")),
            ("kubernetes_pod_v1", "exporter", pod(
                "exporter", [container("exporter", port=[{"container_port": 9100, "host_port": 9100}])])),
        ],
    ),
    "omitted": (
        "K8S-SVC-001 omitted: type left out (the provider fills ClusterIP), no hostPort.",
        [
            ("kubernetes_service_v1", "default", {"metadata": [{"name": "default"}], "spec": [{"selector": {"app": "web"}, "port": [{"port": 80}]}]}),
            ("kubernetes_cron_job_v1", "backup", cron_job("backup", [container("dump", port=[{"container_port": 5432}])])),
        ],
    ),
    "unknown": (
        "K8S-SVC-001 unknown: a load balancer's source ranges are known only after apply.",
        [
            ("terraform_data", "office", {"input": ["203.0.113.0/24"]}),
            ("kubernetes_service_v1", "edge", service("edge", "LoadBalancer", source_ranges=Ref(
                "terraform_data.office.output", ["terraform_data.office.output", "terraform_data.office"]))),
        ],
    ),
}
