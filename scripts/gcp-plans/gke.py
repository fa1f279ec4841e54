"""GCP-GKE-001 and GCP-GKE-002 fixtures: GKE control plane exposure and legacy authorisation."""

from planlib import C, Ref, Resource, write_fixture
from schemas import CONTAINER_CLUSTER, CONTAINER_NODE_POOL, NODE_CONFIG, N, Block

GKE001 = "../../policies/GCP-GKE-001"
GKE002 = "../../policies/GCP-GKE-002"

PRIVATE_NODES = {"enable_private_nodes": True, "master_ipv4_cidr_block": "172.16.0.0/28"}


# hashicorp/google 5.x and earlier: no control_plane_endpoints_config (added in 6.x), so the
# attribute is absent from the plan, as in the real terraform-validator plans.
CONTAINER_CLUSTER_5 = {k: v for k, v in CONTAINER_CLUSTER.items() if k != "control_plane_endpoints_config"}


# hashicorp/google 3.x: workload_metadata_config.node_metadata (GKE_METADATA_SERVER, SECURE,
# EXPOSE) where 4.x and later have mode, and workload_identity_config.identity_namespace where
# they have workload_pool.
NODE_CONFIG_3 = {**NODE_CONFIG, "workload_metadata_config": Block({"node_metadata": N}, computed=True)}
CONTAINER_CLUSTER_3 = {**CONTAINER_CLUSTER_5, "node_config": Block(NODE_CONFIG_3, computed=True),
                       "workload_identity_config": Block({"identity_namespace": N}, computed=True)}
CONTAINER_NODE_POOL_3 = {**CONTAINER_NODE_POOL, "node_config": Block(NODE_CONFIG_3, computed=True)}


def cluster(name, comment=None, schema=CONTAINER_CLUSTER, **extra):
    return Resource("google_container_cluster", name, schema,
                    {"name": name.replace("_", "-"), "location": "europe-west1", "initial_node_count": 1,
                     "deletion_protection": False, **extra}, schema_version=2, comment=comment)


def pool(name, cluster_ref, comment=None, schema=CONTAINER_NODE_POOL, **extra):
    return Resource("google_container_node_pool", name, schema,
                    {"name": name.replace("_", "-"), "cluster": cluster_ref, "node_count": 1, **extra},
                    schema_version=1, comment=comment)


def cluster_id(name):
    return Ref(f"google_container_cluster.{name}.id",
               [f"google_container_cluster.{name}.id", f"google_container_cluster.{name}"])


def networks(*cidrs):
    return [{"cidr_blocks": [{"cidr_block": c, "display_name": f"net-{i}"} for i, c in enumerate(cidrs)]}]


gke001 = {
    "pass": [
        cluster("private_endpoint", private_cluster_config=[{**PRIVATE_NODES, "enable_private_endpoint": True}]),
        cluster("office_only", private_cluster_config=[PRIVATE_NODES],
                master_authorized_networks_config=networks("203.0.113.0/24")),
        cluster("no_cidrs", private_cluster_config=[PRIVATE_NODES], master_authorized_networks_config=[{}],
                comment="Authorised networks on with no CIDR blocks: no external access to the endpoint."),
    ],
    "fail": [
        cluster("world_networks", private_cluster_config=[PRIVATE_NODES],
                master_authorized_networks_config=networks("203.0.113.0/24", "0.0.0.0/0")),
        cluster("public_nodes", private_cluster_config=[{"enable_private_nodes": False}],
                master_authorized_networks_config=networks("203.0.113.0/24"),
                comment="The endpoint is restricted, but the nodes get public IPs."),
        cluster("open", private_cluster_config=[{"enable_private_nodes": False, "enable_private_endpoint": False}]),
    ],
    "omitted": [
        cluster("defaults", comment="No private_cluster_config (computed) and no authorised networks:\na public endpoint open to all and public nodes."),
        cluster("networks_only", master_authorized_networks_config=networks("203.0.113.0/24"),
                comment="Endpoint restricted; private_cluster_config left out, so nodes are public."),
    ],
    "unknown": [
        Resource("google_compute_address", "office", {"name": None, "address": C, "id": C, "self_link": C},
                 {"name": "office"}, comment="Stands in for any value known only after apply."),
        cluster("office_ip", private_cluster_config=[PRIVATE_NODES],
                master_authorized_networks_config=[{"cidr_blocks": [{"display_name": "office", "cidr_block": Ref(
                    '"${google_compute_address.office.address}/32"',
                    ["google_compute_address.office.address", "google_compute_address.office"])}]}]),
    ],
    # hashicorp/google 5.x: control_plane_endpoints_config does not exist.
    "legacy": [
        cluster("open_5x", schema=CONTAINER_CLUSTER_5, private_cluster_config=[PRIVATE_NODES],
                comment="google 5.x: private nodes, but a public endpoint without authorised networks."),
        cluster("office_only_5x", schema=CONTAINER_CLUSTER_5, private_cluster_config=[PRIVATE_NODES],
                master_authorized_networks_config=networks("203.0.113.0/24")),
        cluster("private_endpoint_5x", schema=CONTAINER_CLUSTER_5,
                private_cluster_config=[{**PRIVATE_NODES, "enable_private_endpoint": True}]),
    ],
}

WI = [{"workload_pool": "palisade-fixtures.svc.id.goog"}]
GKE_METADATA = [{"workload_metadata_config": [{"mode": "GKE_METADATA"}]}]

gke002 = {
    "pass": [
        cluster("hardened", workload_identity_config=WI, node_config=GKE_METADATA,
                master_auth=[{"client_certificate_config": [{"issue_client_certificate": False}]}]),
        cluster("wi_default", workload_identity_config=WI,
                comment="Workload Identity on: node pools default to GKE_METADATA."),
        cluster("pools_only", remove_default_node_pool=True, workload_identity_config=WI),
        pool("wi_pool", cluster_id("pools_only"), comment="Inherits GKE_METADATA from the cluster's Workload Identity."),
        pool("explicit_pool", cluster_id("pools_only"), node_config=GKE_METADATA),
    ],
    "fail": [
        cluster("abac", enable_legacy_abac=True, workload_identity_config=WI),
        cluster("client_cert", workload_identity_config=WI,
                master_auth=[{"client_certificate_config": [{"issue_client_certificate": True}]}]),
        cluster("node_metadata", workload_identity_config=WI,
                node_config=[{"workload_metadata_config": [{"mode": "GCE_METADATA"}]}]),
        cluster("no_wi", remove_default_node_pool=True),
        pool("exposed_pool", cluster_id("no_wi"), comment="No Workload Identity on the cluster: pods reach the node's credentials."),
        pool("gce_pool", cluster_id("no_wi"), node_config=[{"workload_metadata_config": [{"mode": "GCE_METADATA"}]}]),
    ],
    "omitted": [
        cluster("defaults", comment="Nothing set: no legacy ABAC or client certificate, but no Workload Identity either."),
    ],
    "unknown": [
        pool("elsewhere", "projects/palisade-fixtures/locations/europe-west1/clusters/shared",
             comment="The cluster is not in this plan: whether it enables Workload Identity is unknown."),
    ],
    # hashicorp/google 3.x: node_metadata and identity_namespace.
    "legacy": [
        cluster("wi_3x", schema=CONTAINER_CLUSTER_3, remove_default_node_pool=True,
                workload_identity_config=[{"identity_namespace": "palisade-fixtures.svc.id.goog"}]),
        pool("wi_pool_3x", cluster_id("wi_3x"), schema=CONTAINER_NODE_POOL_3,
             comment="Inherits GKE_METADATA_SERVER from the cluster's Workload Identity."),
        pool("server_pool_3x", cluster_id("wi_3x"), schema=CONTAINER_NODE_POOL_3,
             node_config=[{"workload_metadata_config": [{"node_metadata": "GKE_METADATA_SERVER"}]}]),
        pool("expose_pool_3x", cluster_id("wi_3x"), schema=CONTAINER_NODE_POOL_3,
             node_config=[{"workload_metadata_config": [{"node_metadata": "EXPOSE"}]}]),
        cluster("no_wi_3x", schema=CONTAINER_CLUSTER_3,
                comment="google 3.x, no Workload Identity: the default node pool exposes the metadata server."),
    ],
}

if __name__ == "__main__":
    for case, resources in gke001.items():
        write_fixture(GKE001, case, resources, provider_version="5.45.0" if case == "legacy" else "6.12.0")
    for case, resources in gke002.items():
        write_fixture(GKE002, case, resources, provider_version="3.90.1" if case == "legacy" else "6.12.0")
