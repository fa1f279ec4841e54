"""GCP-CE-001 fixtures: instances and templates with an external IP."""

from planlib import C, Dynamic, Ref, Resource, write_fixture
from schemas import COMPUTE_INSTANCE, COMPUTE_INSTANCE_TEMPLATE

RULE = "../../policies/GCP-CE-001"

BOOT = [{"initialize_params": [{"image": "debian-cloud/debian-12"}]}]
DISK = [{"source_image": "debian-cloud/debian-12", "boot": True}]


def instance(name, interfaces, comment=None):
    return Resource("google_compute_instance", name, COMPUTE_INSTANCE,
                    {"name": name.replace("_", "-"), "machine_type": "e2-small", "zone": "europe-west1-b",
                     "boot_disk": BOOT, "network_interface": interfaces}, schema_version=6, comment=comment)


def template(name, interfaces, comment=None):
    return Resource("google_compute_instance_template", name, COMPUTE_INSTANCE_TEMPLATE,
                    {"name": name.replace("_", "-"), "machine_type": "e2-small", "disk": DISK,
                     "network_interface": interfaces}, schema_version=1, comment=comment)


cases = {
    "pass": [
        instance("internal", [{"subnetwork": "default"}]),
        template("internal_template", [{"network": "default"}]),
    ],
    "fail": [
        instance("ephemeral", [{"network": "default", "access_config": [{}]}],
                 comment="An empty access_config block still allocates an ephemeral external IP."),
        instance("static", [{"network": "default", "access_config": [{"nat_ip": "203.0.113.10", "network_tier": "PREMIUM"}]}]),
        instance("two_nics", [{"subnetwork": "default"}, {"subnetwork": "dmz", "access_config": [{}]}],
                 comment="Only the second interface is public."),
        instance("ipv6", [{"subnetwork": "dual-stack", "stack_type": "IPV4_IPV6",
                           "ipv6_access_config": [{"network_tier": "PREMIUM"}]}],
                 comment="An external IPv6 address is as reachable as an external IPv4 one."),
        template("public_template", [{"network": "default", "access_config": [{}]}]),
    ],
    "omitted": [
        instance("no_access_config", [{}],
                 comment="network_interface with nothing set: the default network, no external IP."),
    ],
    "unknown": [
        Resource("google_compute_address", "maybe", {"name": None, "address": C, "id": C, "self_link": C},
                 {"name": "maybe"}, comment="Stands in for any value known only after apply."),
        instance("maybe_public", [{"network": "default", "access_config": Dynamic(
            'google_compute_address.maybe.address != "" ? [google_compute_address.maybe.address] : []',
            {"nat_ip": Ref("access_config.value", ["access_config.value"])})}],
                 comment="How many access_config blocks there are is known only after apply."),
    ],
}

if __name__ == "__main__":
    for case, resources in cases.items():
        write_fixture(RULE, case, resources)
