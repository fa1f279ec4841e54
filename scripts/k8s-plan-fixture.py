#!/usr/bin/env python3
"""Writes the plan.json of a Kubernetes rule fixture from its main.tf intent, offline.

The hashicorp/kubernetes provider cannot be installed on the build machines, so `terraform
plan` cannot produce these plans. This script writes what Terraform 1.11 with
hashicorp/kubernetes 2.36.0 emits for a create-only plan, from the provider's published schema
(kubernetes/schema_container.go, schema_pod_spec.go, schema_pod_template.go and the
resource files of terraform-provider-kubernetes v2):

* every attribute of the resource is present in `after`: null when unset, the schema `Default`
  when it has one, `[]` for an unset nested block;
* Optional+Computed attributes and blocks that the configuration leaves out are absent from
  `after` and `true` in `after_unknown`;
* a value taken from a resource the same plan creates is absent from `after`, `true` in
  `after_unknown`, and its configuration expression lists the `references`;
* `after_unknown` and `after_sensitive` mirror the nested lists and maps of `after`.

Usage: scripts/k8s-plan-fixture.py policies/K8S-WKL-001
The rule folder's cases are in scripts/k8s-fixtures/<RULE>.py: CASES maps a case name to
(comment, resources), each resource (type, name, config[, count]) built with the helpers
below; the script writes fixtures/<case>/{main.tf, provider.tf, plan.json}.
"""

import json
import runpy
import sys
from pathlib import Path

PROVIDER = "registry.terraform.io/hashicorp/kubernetes"
VERSION = "2.36.0"


class Ref:
    """A value known only after apply: an expression over resources created in this plan."""

    def __init__(self, expression, references):
        self.expression = expression
        self.references = references


# Schema kinds: ("p", default) primitive or list/map value with a default (None: null);
# ("c",) Optional+Computed value; ("b", schema) nested block list; ("bc", schema)
# Optional+Computed nested block list.
def P(default=None):
    return ("p", default)


C = ("c",)


def B(schema):
    return ("b", schema)


def BC(schema):
    return ("bc", schema)


SE_LINUX = {"level": P(), "role": P(), "type": P(), "user": P()}
SECCOMP = {"localhost_profile": P(""), "type": P("Unconfined")}
CONTAINER_SECURITY = {
    "allow_privilege_escalation": P(True),
    "capabilities": B({"add": P(), "drop": P()}),
    "privileged": P(False),
    "read_only_root_filesystem": P(False),
    "run_as_group": P(),
    "run_as_non_root": P(),
    "run_as_user": P(),
    "se_linux_options": B(SE_LINUX),
    "seccomp_profile": B(SECCOMP),
}
KEY_REF = {"key": P(), "name": P(), "optional": P()}
ENV = {
    "name": P(),
    "value": P(),
    "value_from": B(
        {
            "config_map_key_ref": B(KEY_REF),
            "field_ref": B({"api_version": P("v1"), "field_path": P()}),
            "resource_field_ref": B({"container_name": P(), "divisor": P("1"), "resource": P()}),
            "secret_key_ref": B(KEY_REF),
        }
    ),
}
HANDLER = {
    "exec": B({"command": P()}),
    "http_get": B({"host": P(), "http_header": B({"name": P(), "value": P()}), "path": P(), "port": P(), "scheme": P("HTTP")}),
    "tcp_socket": B({"port": P()}),
}
PROBE = dict(HANDLER, **{
    "failure_threshold": P(3),
    "grpc": B({"port": P(), "service": P()}),
    "initial_delay_seconds": P(),
    "period_seconds": P(10),
    "success_threshold": P(1),
    "timeout_seconds": P(1),
})
CONTAINER = {
    "args": P(),
    "command": P(),
    "env": B(ENV),
    "env_from": B({"config_map_ref": B({"name": P(), "optional": P()}), "prefix": P(), "secret_ref": B({"name": P(), "optional": P()})}),
    "image": P(),
    "image_pull_policy": C,
    "lifecycle": B({"post_start": B(HANDLER), "pre_stop": B(HANDLER)}),
    "liveness_probe": B(PROBE),
    "name": P(),
    "port": B({"container_port": P(), "host_ip": P(), "host_port": P(), "name": P(), "protocol": P("TCP")}),
    "readiness_probe": B(PROBE),
    "resources": BC({"limits": C, "requests": C}),
    "security_context": B(CONTAINER_SECURITY),
    "startup_probe": B(PROBE),
    "stdin": P(False),
    "stdin_once": P(False),
    "termination_message_path": P("/dev/termination-log"),
    "termination_message_policy": C,
    "tty": P(False),
    "volume_mount": B({"mount_path": P(), "mount_propagation": P("None"), "name": P(), "read_only": P(False), "sub_path": P()}),
    "working_dir": P(),
}
POD_SECURITY = {
    "fs_group": P(),
    "fs_group_change_policy": P(),
    "run_as_group": P(),
    "run_as_non_root": P(),
    "run_as_user": P(),
    "se_linux_options": B(SE_LINUX),
    "seccomp_profile": B(SECCOMP),
    "supplemental_groups": P(),
    "sysctl": B({"name": P(), "value": P()}),
    "windows_options": B({"gmsa_credential_spec": P(), "gmsa_credential_spec_name": P(), "host_process": P(False), "run_as_username": P()}),
}
ITEMS = B({"key": P(), "mode": P(), "path": P()})
VOLUME = {
    "aws_elastic_block_store": B({"fs_type": P(), "partition": P(), "read_only": P(), "volume_id": P()}),
    "azure_disk": B({"caching_mode": P(), "data_disk_uri": P(), "disk_name": P(), "fs_type": P(), "kind": C, "read_only": P(False)}),
    "azure_file": B({"read_only": P(), "secret_name": P(), "secret_namespace": P(), "share_name": P()}),
    "ceph_fs": B({"monitors": P(), "path": P(), "read_only": P(), "secret_file": P(), "secret_ref": B({"name": P(), "namespace": P()}), "user": P()}),
    "cinder": B({"fs_type": P(), "read_only": P(), "volume_id": P()}),
    "config_map": B({"default_mode": P("0644"), "items": ITEMS, "name": P(), "optional": P()}),
    "csi": B({"driver": P(), "fs_type": P(), "node_publish_secret_ref": B({"name": P()}), "read_only": P(), "volume_attributes": P()}),
    "downward_api": B({"default_mode": P("0644"), "items": B({"field_ref": B({"api_version": P("v1"), "field_path": P()}), "mode": P(), "path": P(), "resource_field_ref": B({"container_name": P(), "divisor": P("1"), "resource": P()})})}),
    "empty_dir": B({"medium": P(""), "size_limit": P()}),
    "ephemeral": B({"volume_claim_template": B({"metadata": B({"annotations": P(), "labels": P()}), "spec": B({"access_modes": P(), "resources": B({"limits": P(), "requests": P()}), "selector": B({"match_expressions": B({"key": P(), "operator": P(), "values": P()}), "match_labels": P()}), "storage_class_name": C, "volume_mode": C, "volume_name": C})})}),
    "fc": B({"fs_type": P(), "lun": P(), "read_only": P(), "target_ww_ns": P()}),
    "flex_volume": B({"driver": P(), "fs_type": P(), "options": P(), "read_only": P(), "secret_ref": B({"name": P(), "namespace": P()})}),
    "flocker": B({"dataset_name": P(), "dataset_uuid": P()}),
    "gce_persistent_disk": B({"fs_type": P(), "partition": P(), "pd_name": P(), "read_only": P()}),
    "git_repo": B({"directory": P(), "repository": P(), "revision": P()}),
    "glusterfs": B({"endpoints_name": P(), "path": P(), "read_only": P()}),
    "host_path": B({"path": P(), "type": P("")}),
    "iscsi": B({"fs_type": P(), "iqn": P(), "iscsi_interface": P("default"), "lun": P(), "read_only": P(), "target_portal": P()}),
    "local": B({"path": P()}),
    "name": P(),
    "nfs": B({"path": P(), "read_only": P(), "server": P()}),
    "persistent_volume_claim": B({"claim_name": P(), "read_only": P()}),
    "photon_persistent_disk": B({"fs_type": P(), "pd_id": P()}),
    "projected": B({"default_mode": P("0644"), "sources": B({"config_map": B({"items": ITEMS, "name": P(), "optional": P()}), "downward_api": B({"items": P()}), "secret": B({"items": ITEMS, "name": P(), "optional": P()}), "service_account_token": B({"audience": P(), "expiration_seconds": P(3600), "path": P()})})}),
    "quobyte": B({"group": P(), "read_only": P(), "registry": P(), "user": P(), "volume": P()}),
    "rbd": B({"ceph_monitors": P(), "fs_type": P(), "keyring": C, "rados_user": P("admin"), "rbd_image": P(), "rbd_pool": P("rbd"), "read_only": P(False), "secret_ref": B({"name": P(), "namespace": P()})}),
    "secret": B({"default_mode": P("0644"), "items": ITEMS, "optional": P(), "secret_name": P()}),
    "vsphere_volume": B({"fs_type": P(), "volume_path": P()}),
}
LABEL_SELECTOR = {"match_expressions": B({"key": P(), "operator": P(), "values": P()}), "match_labels": P()}


def pod_spec(restart_policy="Always"):
    return {
        "active_deadline_seconds": P(),
        "affinity": B({"node_affinity": P([]), "pod_affinity": P([]), "pod_anti_affinity": P([])}),
        "automount_service_account_token": P(True),
        "container": B(CONTAINER),
        "dns_config": B({"nameservers": P(), "option": B({"name": P(), "value": P()}), "searches": P()}),
        "dns_policy": P("ClusterFirst"),
        "enable_service_links": P(True),
        "host_aliases": B({"hostnames": P(), "ip": P()}),
        "host_ipc": P(False),
        "host_network": P(False),
        "host_pid": P(False),
        "hostname": C,
        "image_pull_secrets": BC({"name": P()}),
        "init_container": B(CONTAINER),
        "node_name": C,
        "node_selector": P(),
        "os": B({"name": P()}),
        "priority_class_name": P(),
        "readiness_gate": BC({"condition_type": P()}),
        "restart_policy": P(restart_policy),
        "runtime_class_name": P(),
        "scheduler_name": C,
        "security_context": B(POD_SECURITY),
        "service_account_name": C,
        "share_process_namespace": P(False),
        "subdomain": P(),
        "termination_grace_period_seconds": P(30),
        "toleration": B({"effect": P(), "key": P(), "operator": P("Equal"), "toleration_seconds": P(), "value": P()}),
        "topology_spread_constraint": B({"label_selector": B(LABEL_SELECTOR), "match_label_keys": P(), "max_skew": P(1), "min_domains": P(), "node_affinity_policy": P(), "node_taints_policy": P(), "topology_key": P(), "when_unsatisfiable": P("DoNotSchedule")}),
        "volume": B(VOLUME),
    }


METADATA = {
    "annotations": P(),
    "generate_name": P(),
    "generation": C,
    "labels": P(),
    "name": P(),
    "namespace": P("default"),
    "resource_version": C,
    "uid": C,
}
TEMPLATE_METADATA = {
    "annotations": P(),
    "generate_name": P(),
    "generation": C,
    "labels": P(),
    "name": P(),
    "namespace": C,
    "resource_version": C,
    "uid": C,
}


def template(restart_policy="Always"):
    return B({"metadata": B(TEMPLATE_METADATA), "spec": B(pod_spec(restart_policy))})


JOB_SPEC = {
    "active_deadline_seconds": P(),
    "backoff_limit": P(6),
    "backoff_limit_per_index": P(),
    "completion_mode": C,
    "completions": P(1),
    "manual_selector": P(),
    "max_failed_indexes": P(),
    "parallelism": P(1),
    "pod_failure_policy": B({"rule": B({"action": P(), "on_exit_codes": B({"container_name": P(), "operator": P(), "values": P()}), "on_pod_condition": B({"status": P(), "type": P()})})}),
    "selector": BC(LABEL_SELECTOR),
    "template": template("Never"),
    "ttl_seconds_after_finished": P(),
}

SCHEMAS = {
    "kubernetes_pod_v1": {"id": C, "metadata": B(METADATA), "spec": B(pod_spec()), "target_state": P(), "timeouts": P()},
    "kubernetes_deployment_v1": {
        "id": C,
        "metadata": B(METADATA),
        "spec": B({
            "min_ready_seconds": P(0),
            "paused": P(False),
            "progress_deadline_seconds": P(600),
            "replicas": C,
            "revision_history_limit": P(10),
            "selector": B(LABEL_SELECTOR),
            "strategy": BC({"rolling_update": BC({"max_surge": P("25%"), "max_unavailable": P("25%")}), "type": P("RollingUpdate")}),
            "template": template(),
        }),
        "timeouts": P(),
        "wait_for_rollout": P(True),
    },
    "kubernetes_job_v1": {"id": C, "metadata": B(METADATA), "spec": B(JOB_SPEC), "timeouts": P(), "wait_for_completion": P(True)},
    "kubernetes_daemon_set_v1": {
        "id": C,
        "metadata": B(METADATA),
        "spec": B({
            "min_ready_seconds": P(0),
            "revision_history_limit": P(10),
            "selector": B(LABEL_SELECTOR),
            "strategy": BC({"rolling_update": BC({"max_surge": P("0"), "max_unavailable": P("1")}), "type": P("RollingUpdate")}),
            "template": template(),
        }),
        "wait_for_rollout": P(True),
    },
    "kubernetes_cron_job_v1": {
        "id": C,
        "metadata": B(METADATA),
        "spec": B({
            "concurrency_policy": P("Allow"),
            "failed_jobs_history_limit": P(1),
            "job_template": B({"metadata": B(TEMPLATE_METADATA), "spec": B(JOB_SPEC)}),
            "schedule": P(),
            "starting_deadline_seconds": P(),
            "successful_jobs_history_limit": P(3),
            "suspend": P(False),
            "timezone": P(),
        }),
        "timeouts": P(),
    },
    "kubernetes_service_v1": {
        "id": C,
        "metadata": B(METADATA),
        "spec": B({
            "allocate_load_balancer_node_ports": P(True),
            "cluster_ip": C,
            "cluster_ips": C,
            "external_ips": P(),
            "external_name": P(),
            "external_traffic_policy": C,
            "health_check_node_port": C,
            "internal_traffic_policy": C,
            "ip_families": C,
            "ip_family_policy": C,
            "load_balancer_class": P(),
            "load_balancer_ip": P(),
            "load_balancer_source_ranges": P(),
            "port": B({"app_protocol": P(), "name": P(), "node_port": C, "port": P(), "protocol": P("TCP"), "target_port": C}),
            "publish_not_ready_addresses": P(False),
            "selector": P(),
            "session_affinity": P("None"),
            "session_affinity_config": B({"client_ip": B({"timeout_seconds": P()})}),
            "type": P("ClusterIP"),
        }),
        "status": C,
        "timeouts": P(),
        "wait_for_load_balancer": P(True),
    },
    "terraform_data": {"id": C, "input": P(), "output": C, "triggers_replace": P()},
}
# The deprecated names share their _v1 twins' schemas.
for old, new in [
    ("kubernetes_pod", "kubernetes_pod_v1"),
    ("kubernetes_deployment", "kubernetes_deployment_v1"),
    ("kubernetes_cron_job", "kubernetes_cron_job_v1"),
    ("kubernetes_service", "kubernetes_service_v1"),
]:
    SCHEMAS[old] = SCHEMAS[new]


def mirror(value):
    """The after_unknown / after_sensitive shape of a known value: lists and maps mirrored."""
    if isinstance(value, list):
        return [mirror(v) for v in value]
    if isinstance(value, dict):
        return {k: mirror(v) for k, v in value.items() if isinstance(v, (list, dict))}
    return False


def render(schema, config):
    """(after, after_unknown, after_sensitive, expressions) of one object."""
    after, unknown, sensitive, expressions = {}, {}, {}, {}
    unknown_keys = set(config) - set(schema)
    if unknown_keys:
        raise SystemExit(f"not in the schema: {sorted(unknown_keys)}")
    for key in sorted(schema):
        kind = schema[key]
        if key in config:
            value = config[key]
            if isinstance(value, Ref):
                unknown[key] = True
                expressions[key] = {"references": value.references}
                if kind[0] in ("b", "bc"):
                    sensitive[key] = []
                continue
            if kind[0] in ("b", "bc"):
                rendered = [render(kind[1], item) for item in value]
                after[key] = [r[0] for r in rendered]
                unknown[key] = [r[1] for r in rendered]
                sensitive[key] = [r[2] for r in rendered]
                expressions[key] = [r[3] for r in rendered]
            else:
                after[key] = value
                if isinstance(value, list):
                    unknown[key] = [False] * len(value)
                    sensitive[key] = [False] * len(value)
                elif isinstance(value, dict):
                    unknown[key] = {}
                    sensitive[key] = {}
                expressions[key] = {"constant_value": value}
        elif kind[0] == "p":
            after[key] = kind[1]
            if isinstance(kind[1], (list, dict)):
                unknown[key] = mirror(kind[1])
                sensitive[key] = mirror(kind[1])
        elif kind[0] == "c":
            unknown[key] = True
        elif kind[0] == "b":
            after[key] = []
            unknown[key] = []
            sensitive[key] = []
        elif kind[0] == "bc":
            unknown[key] = True
            sensitive[key] = []
    return after, unknown, sensitive, expressions


def hcl_value(value, indent):
    if isinstance(value, Ref):
        return value.expression
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(hcl_value(v, indent) for v in value) + "]"
    if isinstance(value, dict):
        pad = "  " * (indent + 1)
        lines = [f"{pad}{json.dumps(k)} = {hcl_value(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + "\n".join(lines) + "\n" + "  " * indent + "}"
    if value is None:
        return "null"
    raise SystemExit(f"cannot write {value!r} as HCL")


def hcl_body(schema, config, indent):
    pad = "  " * indent
    lines = []
    width = max([len(k) for k, v in config.items() if not (schema[k][0] in ("b", "bc") and not isinstance(v, Ref))] or [0])
    for key, value in config.items():
        kind = schema[key]
        if kind[0] in ("b", "bc") and not isinstance(value, Ref):
            for item in value:
                lines.append(f"{pad}{key} {{")
                lines.extend(hcl_body(kind[1], item, indent + 1))
                lines.append(f"{pad}}}")
        elif kind[0] in ("b", "bc"):
            # A block list from a value known only after apply.
            lines.append(f'{pad}dynamic "{key}" {{')
            lines.append(f"{pad}  for_each = {value.expression}")
            lines.append(f"{pad}  content {{}}")
            lines.append(f"{pad}}}")
        else:
            lines.append(f"{pad}{key.ljust(width)} = {hcl_value(value, indent)}")
    return lines


def address(type_, name, index):
    return f"{type_}.{name}" + ("" if index is None else f"[{index}]")


DIGEST = "sha256:" + "4f" * 32


def container(name, image=None, security=None, **extra):
    """A container block; `security` is its security_context, extra are other attributes."""
    block = {"name": name, "image": image or f"registry.example.com/team/{name}:1.4.2@{DIGEST}"}
    if security is not None:
        block["security_context"] = [security]
    block.update(extra)
    return block


def pod_body(containers, init, pod, restart_policy=None):
    body = {}
    if init:
        body["init_container"] = init
    body["container"] = containers
    if restart_policy:
        body["restart_policy"] = restart_policy
    body.update(pod or {})
    return body


def deployment(name, containers, init=None, pod=None):
    labels = {"app": name}
    return {
        "metadata": [{"name": name}],
        "spec": [{
            "replicas": "2",
            "selector": [{"match_labels": labels}],
            "template": [{"metadata": [{"labels": labels}], "spec": [pod_body(containers, init, pod)]}],
        }],
    }


def daemon_set(name, containers, init=None, pod=None):
    labels = {"app": name}
    return {
        "metadata": [{"name": name}],
        "spec": [{
            "selector": [{"match_labels": labels}],
            "template": [{"metadata": [{"labels": labels}], "spec": [pod_body(containers, init, pod)]}],
        }],
    }


def job(name, containers, init=None, pod=None):
    labels = {"job": name}
    return {
        "metadata": [{"name": name}],
        "spec": [{"template": [{"metadata": [{"labels": labels}], "spec": [pod_body(containers, init, pod, "Never")]}]}],
    }


def pod(name, containers, init=None, pod=None):
    return {"metadata": [{"name": name}], "spec": [pod_body(containers, init, pod)]}


def cron_job(name, containers, init=None, pod=None):
    labels = {"job": name}
    return {
        "metadata": [{"name": name}],
        "spec": [{
            "schedule": "0 3 * * *",
            "job_template": [{
                "metadata": [{"labels": labels}],
                "spec": [{"template": [{"metadata": [{"labels": labels}], "spec": [pod_body(containers, init, pod, "OnFailure")]}]}],
            }],
        }],
    }


def service(name, type_, annotations=None, source_ranges=None):
    metadata = {"name": name}
    if annotations:
        metadata["annotations"] = annotations
    spec = {"selector": {"app": name}, "type": type_, "port": [{"port": 443, "target_port": "8443"}]}
    if source_ranges is not None:
        spec["load_balancer_source_ranges"] = source_ranges
    return {"metadata": [metadata], "spec": [spec]}


HELPERS = {
    "Ref": Ref, "DIGEST": DIGEST, "container": container, "deployment": deployment, "pod": pod,
    "daemon_set": daemon_set, "job": job,
    "cron_job": cron_job, "service": service,
}


def main():
    rule_dir = Path(sys.argv[1])
    spec = runpy.run_path(str(Path(__file__).parent / "k8s-fixtures" / (rule_dir.name + ".py")), init_globals=HELPERS)
    for case, (comment, resources) in spec["CASES"].items():
        write_case(rule_dir / "fixtures" / case, comment, resources)


def write_case(out_dir, comment, resources):
    changes, planned, config_resources, tf = [], [], [], ["# " + comment.strip().replace("\n", "\n# ") + "\n"]
    for entry in resources:
        type_, name, config = entry[:3]
        count = entry[3] if len(entry) > 3 else None
        schema = SCHEMAS[type_]
        if type_ != "terraform_data":
            config = dict(config)
        provider = "terraform.io/builtin/terraform" if type_ == "terraform_data" else PROVIDER
        instances = [None] if count is None else list(range(count))
        expressions = None
        for index in instances:
            after, unknown, sensitive, expressions = render(schema, config)
            changes.append({
                "address": address(type_, name, index),
                "mode": "managed",
                "type": type_,
                "name": name,
                **({} if index is None else {"index": index}),
                "provider_name": provider,
                "change": {
                    "actions": ["create"],
                    "before": None,
                    "after": after,
                    "after_unknown": unknown,
                    "before_sensitive": False,
                    "after_sensitive": sensitive,
                },
            })
            planned.append({
                "address": address(type_, name, index),
                "mode": "managed",
                "type": type_,
                "name": name,
                **({} if index is None else {"index": index}),
                "provider_name": provider,
                "schema_version": 1 if type_.startswith("kubernetes_") else 0,
                "values": after,
                "sensitive_values": sensitive,
            })
        resource_config = {
            "address": f"{type_}.{name}",
            "mode": "managed",
            "type": type_,
            "name": name,
            "provider_config_key": "terraform" if type_ == "terraform_data" else "kubernetes",
            "expressions": expressions,
            "schema_version": 1 if type_.startswith("kubernetes_") else 0,
        }
        if count is not None:
            resource_config["count_expression"] = {"constant_value": count}
        config_resources.append(resource_config)
        tf.append(f'resource "{type_}" "{name}" {{')
        if count is not None:
            tf.append(f"  count = {count}")
            tf.append("")
        tf.extend(hcl_body(schema, config, 1))
        tf.append("}\n")
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "planned_values": {"root_module": {"resources": planned}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {
                "kubernetes": {
                    "name": "kubernetes",
                    "full_name": PROVIDER,
                    "version_constraint": VERSION,
                    "expressions": {"config_path": {"constant_value": "~/.kube/config"}},
                }
            },
            "root_module": {"resources": config_resources},
        },
        "timestamp": "2026-12-05T09:00:00Z",
        "applyable": True,
        "complete": True,
        "errored": False,
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "plan.json").write_text(json.dumps(plan, indent=2) + "\n")
    (out_dir / "main.tf").write_text("\n".join(tf).rstrip() + "\n")
    (out_dir / "provider.tf").write_text(PROVIDER_TF)


PROVIDER_TF = f"""terraform {{
  required_providers {{
    kubernetes = {{ source = "hashicorp/kubernetes", version = "{VERSION}" }}
  }}
}}

# The plan beside this file was written offline (scripts/k8s-plan-fixture.py); no cluster is contacted.
provider "kubernetes" {{
  config_path = "~/.kube/config"
}}
"""

if __name__ == "__main__":
    main()
