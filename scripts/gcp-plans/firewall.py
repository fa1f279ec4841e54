"""GCP-FW-001 and GCP-FW-002 fixtures: ingress firewall rules open to the internet."""

from planlib import Ref, Resource, write_fixture
from schemas import COMPUTE_FIREWALL

FW001 = "../../policies/GCP-FW-001"
FW002 = "../../policies/GCP-FW-002"


def firewall(name, allow=None, deny=None, comment=None, **extra):
    config = {"name": name.replace("_", "-"), "network": "default", **extra}
    if allow is not None:
        config["allow"] = allow
    if deny is not None:
        config["deny"] = deny
    return Resource("google_compute_firewall", name, COMPUTE_FIREWALL, config, schema_version=1, comment=comment)


def tcp(*ports):
    return {"protocol": "tcp", "ports": list(ports)} if ports else {"protocol": "tcp"}


WORLD = ["0.0.0.0/0"]

fw001 = {
    "pass": [
        firewall("ssh_office", [tcp("22")], source_ranges=["203.0.113.0/24"]),
        firewall("ssh_bastion", [tcp("22")], source_tags=["bastion"], target_tags=["app"]),
        firewall("https_world", [tcp("443", "80")], source_ranges=WORLD),
        firewall("ssh_egress", [tcp("22")], direction="EGRESS", destination_ranges=WORLD),
        firewall("ssh_disabled", [tcp("22")], source_ranges=WORLD, disabled=True),
        firewall("icmp_world", [{"protocol": "icmp"}], source_ranges=WORLD),
    ],
    "fail": [
        firewall("ssh_world", [tcp("22")], source_ranges=WORLD, direction="INGRESS"),
        firewall("rdp_range", [{"protocol": "udp", "ports": ["3000-4000"]}], source_ranges=["10.0.0.0/8", "0.0.0.0/0"]),
        firewall("all_protocols", [{"protocol": "all"}], source_ranges=WORLD),
        firewall("tcp_all_ports", [tcp()], source_ranges=["::/0"]),
        firewall("by_number", [{"protocol": "6", "ports": ["3389"]}], source_ranges=WORLD, target_tags=["windows"]),
        firewall("mixed", [{"protocol": "icmp"}, tcp("22", "443")], source_ranges=WORLD),
        firewall("deny_only", deny=[tcp("22")], source_ranges=WORLD,
                 comment="A deny rule is never a finding: no allow block, no subject."),
    ],
    "omitted": [
        firewall("no_source", [tcp("22")],
                 comment="No direction (computed: INGRESS) and no source at all: GCP uses 0.0.0.0/0."),
        firewall("tag_source", [tcp("22")], source_tags=["bastion"],
                 comment="No source_ranges, but a source tag: only tagged instances."),
        firewall("sa_source", [tcp("3389")],
                 source_service_accounts=["bastion@palisade-fixtures.iam.gserviceaccount.com"]),
    ],
    "unknown": [
        Resource("google_compute_address", "office",
                 {"name": None, "address": __import__("planlib").C, "id": __import__("planlib").C,
                  "self_link": __import__("planlib").C},
                 {"name": "office"}, comment="Stands in for any value known only after apply."),
        firewall("ssh_office_ip", [tcp("22")],
                 source_ranges=Ref('["${google_compute_address.office.address}/32"]',
                                   ["google_compute_address.office.address", "google_compute_address.office"])),
        firewall("http_office_ip", [tcp("80")],
                 source_ranges=Ref('["${google_compute_address.office.address}/32"]',
                                   ["google_compute_address.office.address", "google_compute_address.office"]),
                 comment="Port 80 is neither SSH nor RDP: the unknown source does not matter."),
    ],
}

fw002 = {
    "pass": [
        firewall("https_world", [tcp("443", "80")], source_ranges=WORLD),
        firewall("ssh_world", [tcp("22")], source_ranges=WORLD, comment="SSH is GCP-FW-001's finding."),
        firewall("mysql_private", [tcp("3306")], source_ranges=["10.0.0.0/8"]),
    ],
    "fail": [
        firewall("mysql_world", [tcp("3306")], source_ranges=WORLD),
        firewall("all_protocols", [{"protocol": "all"}], source_ranges=WORLD),
        firewall("tcp_all_ports", [tcp()], source_ranges=["::/0"]),
        firewall("service_range", [{"protocol": "tcp", "ports": ["5000-7000"]}], source_ranges=WORLD),
        firewall("kubelet", [{"protocol": "6", "ports": ["10250"]}], source_ranges=WORLD, target_tags=["nodes"]),
        firewall("mixed", [tcp("443"), {"protocol": "udp", "ports": ["137-139"]}], source_ranges=WORLD),
    ],
    "omitted": [
        firewall("no_source", [tcp("6379")],
                 comment="No direction (computed: INGRESS) and no source at all: GCP uses 0.0.0.0/0."),
        firewall("tag_source", [tcp("6379")], source_tags=["app"]),
    ],
    "unknown": [
        Resource("google_compute_address", "office",
                 {"name": None, "address": __import__("planlib").C, "id": __import__("planlib").C,
                  "self_link": __import__("planlib").C},
                 {"name": "office"}, comment="Stands in for any value known only after apply."),
        firewall("postgres_office_ip", [tcp("5432")],
                 source_ranges=Ref('["${google_compute_address.office.address}/32"]',
                                   ["google_compute_address.office.address", "google_compute_address.office"])),
        firewall("https_office_ip", [tcp("443")],
                 source_ranges=Ref('["${google_compute_address.office.address}/32"]',
                                   ["google_compute_address.office.address", "google_compute_address.office"])),
    ],
}

if __name__ == "__main__":
    for case, resources in fw001.items():
        write_fixture(FW001, case, resources)
    for case, resources in fw002.items():
        write_fixture(FW002, case, resources)
