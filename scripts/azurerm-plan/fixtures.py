#!/usr/bin/env python3
"""Writes the azurerm fixtures of the AZ-* rules: plan.json, main.tf (and module folders) and
provider.tf per fixture case, from the configurations below and the schemas in schemas.py.

The azurerm provider cannot be installed here, so `terraform show -json` cannot make these
plans; see policies/AZ-*/fixtures/SOURCE.md for what the shapes follow.

    scripts/azurerm-plan/fixtures.py policies      # rewrites policies/AZ-*/fixtures/*/
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from plan import Ref, Resource, hcl, plan, terraform_data, write  # noqa: E402
from schemas import (  # noqa: E402
    CONTAINER_REGISTRY, FLEXIBLE_CONFIGURATION, KUBERNETES_CLUSTER, MSSQL_SERVER, NSG, NSG_RULE,
    POSTGRES_FLEXIBLE, POSTGRES_FLEXIBLE_V3, POSTGRES_SINGLE_V3, STORAGE_ACCOUNT, STORAGE_CONTAINER, V3, V4, firewall_rule_schema,
    security_rule,
)

ROOT = sys.argv[1]
RG = {"resource_group_name": "rg-palisade", "location": "westeurope"}


def provider_tf(version):
    return f'''terraform {{
  required_providers {{
    azurerm = {{ source = "hashicorp/azurerm", version = "{version}" }}
  }}
}}

# Credentials and the subscription come from the environment (ARM_*); none are in the plan.
provider "azurerm" {{
  features {{}}
}}
'''


def emit(rule, case, resources, comment, version=V4):
    folder = os.path.join(ROOT, rule, "fixtures", case)
    variables = {"admin_password": PASSWORD} if any(
        isinstance(v, Ref) and v.refs == ["var.admin_password"] for r in resources for v in r.config.values()) else None
    write(os.path.join(folder, "plan.json"), plan(resources, version, variables=variables))
    for module, text in hcl(resources, comment, variables).items():
        path = os.path.join(folder, module, "main.tf") if module else os.path.join(folder, "main.tf")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    with open(os.path.join(folder, "provider.tf"), "w") as f:
        f.write(provider_tf(version))


def account(name, version="v4", **config):
    base = {"name": name, **RG, "account_tier": "Standard", "account_replication_type": "LRS"}
    base.update(config)
    return Resource("azurerm_storage_account", name.replace("stpal", ""), STORAGE_ACCOUNT[version], base)


# ---------------------------------------------------------------- AZ-STG-001
emit("AZ-STG-001", "pass", [
    account("stpalprivate", allow_nested_items_to_be_public=False),
], "AZ-STG-001 pass (azurerm 4.x): anonymous blob access switched off on the account.")
emit("AZ-STG-001", "pass-v3", [
    account("stpalprivatev3", "v3", allow_nested_items_to_be_public=False),
], "AZ-STG-001 pass-v3 (azurerm 3.x): the same setting under 3.x.", V3)
emit("AZ-STG-001", "fail", [
    account("stpalpublic", allow_nested_items_to_be_public=True),
], "AZ-STG-001 fail (azurerm 4.x): anonymous blob access allowed explicitly.")
emit("AZ-STG-001", "fail-v3", [
    account("stpalpublicv3", "v3", allow_nested_items_to_be_public=True),
], "AZ-STG-001 fail-v3 (azurerm 3.x): anonymous blob access allowed explicitly.", V3)
emit("AZ-STG-001", "omitted", [
    account("stpaldefault"),
], "AZ-STG-001 omitted (azurerm 4.x): allow_nested_items_to_be_public left out; the provider\n"
   "default is true, so the plan holds true.")
emit("AZ-STG-001", "unknown", [
    terraform_data("public", False),
    account("stpalfromapply", allow_nested_items_to_be_public=Ref(
        "terraform_data.public.output", "terraform_data.public.output", "terraform_data.public")),
], "AZ-STG-001 unknown: the setting is known only after apply.")

# ---------------------------------------------------------------- AZ-STG-003
emit("AZ-STG-003", "pass", [
    account("stpalhttps", https_traffic_only_enabled=True, min_tls_version="TLS1_2"),
], "AZ-STG-003 pass (azurerm 4.x): HTTPS only and TLS 1.2.")
emit("AZ-STG-003", "pass-v3", [
    account("stpalhttpsv3", "v3", enable_https_traffic_only=True, min_tls_version="TLS1_2"),
    account("stpalnewnamev3", "v3", https_traffic_only_enabled=True),
], "AZ-STG-003 pass-v3 (azurerm 3.x): the deprecated and the new attribute name.", V3)
emit("AZ-STG-003", "fail", [
    account("stpalhttp", https_traffic_only_enabled=False),
    account("stpaltls10", min_tls_version="TLS1_0"),
    account("stpaltls11", https_traffic_only_enabled=False, min_tls_version="TLS1_1"),
], "AZ-STG-003 fail (azurerm 4.x): plain HTTP allowed, and TLS below 1.2.")
emit("AZ-STG-003", "fail-v3", [
    account("stpalhttpv3", "v3", enable_https_traffic_only=False),
    account("stpalnewhttpv3", "v3", https_traffic_only_enabled=False),
], "AZ-STG-003 fail-v3 (azurerm 3.x): HTTP allowed under the old and the new name.", V3)
emit("AZ-STG-003", "omitted", [
    account("stpaldefaults"),
], "AZ-STG-003 omitted (azurerm 4.x): both settings left out; the defaults are HTTPS only and TLS1_2.")
emit("AZ-STG-003", "omitted-v3", [
    account("stpaldefaultsv3", "v3"),
], "AZ-STG-003 omitted-v3 (azurerm 3.x): both left out; https_traffic_only_enabled is computed,\n"
   "enable_https_traffic_only keeps its default true.", V3)
emit("AZ-STG-003", "unknown", [
    terraform_data("tls", "TLS1_2"),
    account("stpaltlslater", min_tls_version=Ref("terraform_data.tls.output", "terraform_data.tls.output",
                                                  "terraform_data.tls")),
    account("stpalhttplater", https_traffic_only_enabled=False,
            min_tls_version=Ref("terraform_data.tls.output", "terraform_data.tls.output", "terraform_data.tls")),
], "AZ-STG-003 unknown: the minimum TLS version is known only after apply; HTTP allowed still fails.")

# ---------------------------------------------------------------- AZ-STG-002


def container(name, version="v4", account_ref=None, **config):
    base = {"name": name}
    base.update(config)
    if account_ref is not None:
        base.update(account_ref)
    return Resource("azurerm_storage_container", name, STORAGE_CONTAINER[version], base)


def by_id(res):
    return {"storage_account_id": Ref(f"azurerm_storage_account.{res}.id", f"azurerm_storage_account.{res}.id",
                                      f"azurerm_storage_account.{res}")}


def by_name(res, name):
    return {"storage_account_name": Ref(f"azurerm_storage_account.{res}.name", f"azurerm_storage_account.{res}.name",
                                        f"azurerm_storage_account.{res}", value=name, unknown=False)}


emit("AZ-STG-002", "pass", [
    account("stpalartifacts", allow_nested_items_to_be_public=False),
    container("private", account_ref=by_id("artifacts"), container_access_type="private"),
], "AZ-STG-002 pass (azurerm 4.x): a private container.")
emit("AZ-STG-002", "fail", [
    account("stpalweb"),
    account("stpallocked", allow_nested_items_to_be_public=False),
    container("downloads", account_ref=by_id("web"), container_access_type="blob"),
    container("listing", account_ref=by_id("web"), container_access_type="container"),
    container("rejected", account_ref=by_id("locked"), container_access_type="blob"),
], "AZ-STG-002 fail (azurerm 4.x): public containers joined to their account by storage_account_id;\n"
   "the account of \"rejected\" forbids public access, so Azure refuses it (medium).")
emit("AZ-STG-002", "fail-v3", [
    account("stpalwebv3", "v3"),
    account("stpallockedv3", "v3", allow_nested_items_to_be_public=False),
    container("downloads", "v3", account_ref=by_name("webv3", "stpalwebv3"), container_access_type="blob"),
    container("rejected", "v3", account_ref=by_name("lockedv3", "stpallockedv3"), container_access_type="container"),
    container("literal", "v3", storage_account_name="stpallockedv3", container_access_type="blob"),
    container("private", "v3", account_ref=by_name("webv3", "stpalwebv3")),
], "AZ-STG-002 fail-v3 (azurerm 3.x): containers name their account by storage_account_name,\n"
   "by reference or as a literal name.", V3)
emit("AZ-STG-002", "omitted", [
    account("stpalplain"),
    container("defaulted", account_ref=by_id("plain")),
], "AZ-STG-002 omitted (azurerm 4.x): container_access_type left out; the default is private.")
emit("AZ-STG-002", "unknown", [
    terraform_data("access", "blob"),
    account("stpallater"),
    container("later", account_ref=by_id("later"), container_access_type=Ref(
        "terraform_data.access.output", "terraform_data.access.output", "terraform_data.access")),
], "AZ-STG-002 unknown: the access type is known only after apply.")
joins = [
    Resource("azurerm_storage_account", "this", STORAGE_ACCOUNT["v4"], {
        "name": Ref('"stpaljoin${count.index}"', "count.index", value=None, unknown=False),
        **RG, "account_tier": "Standard", "account_replication_type": "LRS",
        "allow_nested_items_to_be_public": Ref("count.index == 0", "count.index", unknown=False),
    }, instances=[0, 1], module="store", count=2,
        instance_configs={0: {"name": "stpaljoin0", "allow_nested_items_to_be_public": True},
                          1: {"name": "stpaljoin1", "allow_nested_items_to_be_public": False}}),
    Resource("azurerm_storage_container", "public", STORAGE_CONTAINER["v4"], {
        "name": "public",
        "storage_account_id": Ref("azurerm_storage_account.this[count.index].id", "azurerm_storage_account.this",
                                  "count.index"),
        "container_access_type": "blob",
    }, instances=[0, 1], module="store", count=2),
]
emit("AZ-STG-002", "joins", joins,
     "AZ-STG-002 joins inside a module: count-indexed containers pair with the account of the same\n"
     "index; only account 1 forbids public access.")

# ---------------------------------------------------------------- AZ-NET-001 / AZ-NET-002


def nsg(name, rules=None):
    config = {"name": name, **RG}
    if rules is not None:
        config["security_rule"] = rules
    return Resource("azurerm_network_security_group", name, NSG, config)




def nsg_rule(name, **fields):
    config = {"name": name, **RG, "network_security_group_name": "nsg-app", "priority": 100,
              "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_port_range": "*",
              "destination_address_prefix": "*"}
    config.update(fields)
    return Resource("azurerm_network_security_rule", name, NSG_RULE, config)


LATER_SOURCE = Ref("terraform_data.office.output", "terraform_data.office.output", "terraform_data.office")

for rule_id, port, other in (("AZ-NET-001", "22", "3389"), ("AZ-NET-002", "5432", "6379")):
    emit(rule_id, "pass", [
        nsg("web", [
            security_rule(name="https", priority=100, direction="Inbound", access="Allow", protocol="Tcp",
                          source_port_range="*", destination_port_range="443", source_address_prefix="Internet",
                          destination_address_prefix="*"),
            security_rule(name="admin-from-office", priority=110, direction="Inbound", access="Allow",
                          protocol="Tcp", source_port_range="*", destination_port_ranges=[port, other],
                          source_address_prefixes=["203.0.113.0/24"], destination_address_prefix="*"),
            security_rule(name="deny-all", priority=4096, direction="Inbound", access="Deny", protocol="*",
                          source_port_range="*", destination_port_range="*", source_address_prefix="*",
                          destination_address_prefix="*"),
        ]),
        nsg_rule("vnet-only", destination_port_range=port, source_address_prefix="VirtualNetwork"),
        nsg_rule("outbound-any", direction="Outbound", destination_port_range="*", source_address_prefix="*",
                 destination_address_prefix="Internet"),
    ], f"{rule_id} pass: HTTPS from the internet, service ports only from an office range or the VNet.")
    emit(rule_id, "fail", [
        nsg("app", [
            security_rule(name="open", priority=100, direction="Inbound", access="Allow", protocol="Tcp",
                          source_port_range="*", destination_port_range=port, source_address_prefix="*",
                          destination_address_prefix="*"),
            security_rule(name="range", priority=110, direction="Inbound", access="Allow", protocol="*",
                          source_port_range="*", destination_port_range="1-10000", source_address_prefix="Internet",
                          destination_address_prefix="*"),
            security_rule(name="https", priority=120, direction="Inbound", access="Allow", protocol="Tcp",
                          source_port_range="*", destination_port_range="443", source_address_prefix="*",
                          destination_address_prefix="*"),
        ]),
        nsg_rule("list", destination_port_ranges=["80", other], source_address_prefixes=["10.0.0.0/8", "0.0.0.0/0"]),
        nsg_rule("udp-v6", protocol="Udp", destination_port_range=other, source_address_prefix="::/0"),
        nsg_rule("any-tag", protocol="*", destination_port_range="*", source_address_prefix="any"),
    ], f"{rule_id} fail: inline rules and separate rules open to the internet (*, Internet, 0.0.0.0/0,\n"
       "::/0, any) on the port, in a range, in a list, or on every port.")
    emit(rule_id, "omitted", [
        nsg("separate"),
        nsg_rule("no-source", destination_port_range=port, source_application_security_group_ids=[
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-palisade/providers/"
            "Microsoft.Network/applicationSecurityGroups/asg-bastion"]),
        nsg_rule("no-port", source_address_prefix="Internet", destination_port_ranges=["443"]),
    ], f"{rule_id} omitted: an NSG without inline rules (computed), a rule whose source is an\n"
       "application security group (no prefix), a rule without destination_port_range.")
    emit(rule_id, "unknown", [
        terraform_data("office", "203.0.113.0/24"),
        nsg_rule("office-later", destination_port_range=port, source_address_prefix=LATER_SOURCE),
        nsg_rule("https-later", destination_port_range="443", source_address_prefix=LATER_SOURCE),
    ], f"{rule_id} unknown: the source prefix is known only after apply.")

# ---------------------------------------------------------------- AZ-ACR-001


def registry(name, version="v4", **config):
    base = {"name": name, **RG, "sku": "Premium"}
    base.update(config)
    return Resource("azurerm_container_registry", name.replace("crpal", ""), CONTAINER_REGISTRY[version], base)


emit("AZ-ACR-001", "pass", [
    registry("crpalprivate", public_network_access_enabled=False, trust_policy_enabled=True),
    registry("crpalfirewalled", network_rule_set=[{"default_action": "Deny"}]),
], "AZ-ACR-001 pass (azurerm 4.x): no admin user, no anonymous pull; no public network access, or a\n"
   "network rule set that denies by default.")
emit("AZ-ACR-001", "fail", [
    registry("crpaladmin", admin_enabled=True, public_network_access_enabled=False),
    registry("crpalanon", sku="Standard", anonymous_pull_enabled=True),
    registry("crpalpublic", sku="Basic"),
], "AZ-ACR-001 fail (azurerm 4.x): the admin user, anonymous pull, and a public endpoint.")
emit("AZ-ACR-001", "fail-v3", [
    registry("crpaladminv3", "v3", admin_enabled=True, trust_policy=[{"enabled": True}]),
    registry("crpalprivatev3", "v3", public_network_access_enabled=False),
], "AZ-ACR-001 fail-v3 (azurerm 3.x): the admin user (trust_policy is a block in 3.x).", V3)
emit("AZ-ACR-001", "omitted", [
    registry("crpaldefaults", sku="Standard"),
], "AZ-ACR-001 omitted (azurerm 4.x): everything left out: admin off, anonymous pull null, public\n"
   "network access on (the default).")
emit("AZ-ACR-001", "unknown", [
    terraform_data("admin", False),
    registry("crpallater", public_network_access_enabled=False,
             admin_enabled=Ref("terraform_data.admin.output", "terraform_data.admin.output", "terraform_data.admin")),
], "AZ-ACR-001 unknown: admin_enabled is known only after apply.")

# ---------------------------------------------------------------- AZ-AKS-001 / AZ-AKS-002


def cluster(name, version="v4", pool=None, **config):
    base = {"name": name, **RG, "dns_prefix": name,
            "default_node_pool": [{"name": "system", "vm_size": "Standard_D2s_v5", "node_count": 2, **(pool or {})}],
            "identity": [{"type": "SystemAssigned"}]}
    base.update(config)
    return Resource("azurerm_kubernetes_cluster", name, KUBERNETES_CLUSTER[version], base)


AAD_V4 = [{"azure_rbac_enabled": True, "admin_group_object_ids": ["00000000-0000-0000-0000-00000000a0a0"]}]
AAD_V3 = [{"managed": True, "azure_rbac_enabled": True, "admin_group_object_ids": ["00000000-0000-0000-0000-00000000a0a0"]}]

emit("AZ-AKS-001", "pass", [
    cluster("private", private_cluster_enabled=True),
    cluster("restricted", api_server_access_profile=[{"authorized_ip_ranges": ["203.0.113.0/24"]}]),
], "AZ-AKS-001 pass (azurerm 4.x): a private cluster, and a public API server limited to an office range.")
emit("AZ-AKS-001", "pass-v3", [
    cluster("restrictedv3", "v3", api_server_authorized_ip_ranges=["203.0.113.0/24"]),
], "AZ-AKS-001 pass-v3 (azurerm 3.x): the deprecated api_server_authorized_ip_ranges.", V3)
emit("AZ-AKS-001", "fail", [
    cluster("open", api_server_access_profile=[{"authorized_ip_ranges": ["0.0.0.0/0"]}]),
    cluster("nodes", private_cluster_enabled=True, pool={"node_public_ip_enabled": True}),
    cluster("both", pool={"node_public_ip_enabled": True}, api_server_access_profile=[]),
], "AZ-AKS-001 fail (azurerm 4.x): an API server open to 0.0.0.0/0, public node IPs on a private\n"
   "cluster (medium), and both.")
emit("AZ-AKS-001", "fail-v3", [
    cluster("openv3", "v3", api_server_authorized_ip_ranges=["0.0.0.0/0"]),
    cluster("nodesv3", "v3", private_cluster_enabled=True, pool={"enable_node_public_ip": True}),
], "AZ-AKS-001 fail-v3 (azurerm 3.x): old attribute names.", V3)
emit("AZ-AKS-001", "omitted", [
    cluster("defaults"),
], "AZ-AKS-001 omitted (azurerm 4.x): no access profile and not private: the API server is public\n"
   "to every address.")
emit("AZ-AKS-001", "omitted-v3", [
    cluster("defaultsv3", "v3"),
], "AZ-AKS-001 omitted-v3 (azurerm 3.x): api_server_authorized_ip_ranges left out is computed;\n"
   "Azure leaves the API server open.", V3)
emit("AZ-AKS-001", "unknown", [
    terraform_data("private", True),
    cluster("later", private_cluster_enabled=Ref("terraform_data.private.output", "terraform_data.private.output",
                                                 "terraform_data.private")),
], "AZ-AKS-001 unknown: whether the cluster is private is known only after apply.")

emit("AZ-AKS-002", "pass", [
    cluster("entra", local_account_disabled=True, azure_active_directory_role_based_access_control=AAD_V4),
], "AZ-AKS-002 pass (azurerm 4.x): Kubernetes RBAC with Entra ID and local accounts disabled.")
emit("AZ-AKS-002", "pass-v3", [
    cluster("entrav3", "v3", local_account_disabled=True, azure_active_directory_role_based_access_control=AAD_V3),
], "AZ-AKS-002 pass-v3 (azurerm 3.x): the same with the managed Entra ID block.", V3)
emit("AZ-AKS-002", "fail", [
    cluster("norbac", role_based_access_control_enabled=False, local_account_disabled=False),
    cluster("local", local_account_disabled=False, azure_active_directory_role_based_access_control=AAD_V4),
], "AZ-AKS-002 fail (azurerm 4.x): RBAC off (high), local admin accounts on (medium).")
emit("AZ-AKS-002", "omitted", [
    cluster("defaults"),
], "AZ-AKS-002 omitted (azurerm 4.x): RBAC defaults to on, local_account_disabled is null: local\n"
   "accounts stay enabled.")
emit("AZ-AKS-002", "unknown", [
    terraform_data("rbac", True),
    cluster("later", local_account_disabled=True, role_based_access_control_enabled=Ref(
        "terraform_data.rbac.output", "terraform_data.rbac.output", "terraform_data.rbac")),
], "AZ-AKS-002 unknown: RBAC is known only after apply.")

# ---------------------------------------------------------------- AZ-SQL-001 / AZ-SQL-002
PASSWORD = "Fixture-Only-Pa55word!"
ADMIN_PASSWORD = Ref("var.admin_password", "var.admin_password", value=PASSWORD, unknown=False)


def mssql(name, **config):
    base = {"name": name, **RG, "version": "12.0", "administrator_login": "sqladmin",
            "administrator_login_password": ADMIN_PASSWORD}
    base.update(config)
    return Resource("azurerm_mssql_server", name, MSSQL_SERVER, base)


def pg(name, schema=POSTGRES_FLEXIBLE, **config):
    base = {"name": name, **RG, "version": "16", "sku_name": "B_Standard_B1ms", "administrator_login": "pgadmin",
            "administrator_password": ADMIN_PASSWORD}
    base.update(config)
    return Resource("azurerm_postgresql_flexible_server", name, schema, base)


def fw(type, name, server_type, server, start, end, **extra):
    config = {"name": name, "server_id": Ref(f"{server_type}.{server}.id", f"{server_type}.{server}.id",
                                             f"{server_type}.{server}"),
              "start_ip_address": start, "end_ip_address": end}
    config.update(extra)
    return Resource(type, name, firewall_rule_schema(), config)


def mssql_fw(name, server, start, end):
    return fw("azurerm_mssql_firewall_rule", name, "azurerm_mssql_server", server, start, end)


def pg_fw(name, server, start, end):
    return fw("azurerm_postgresql_flexible_server_firewall_rule", name, "azurerm_postgresql_flexible_server", server,
              start, end)


emit("AZ-SQL-001", "pass", [
    mssql("private", public_network_access_enabled=False),
    mssql_fw("inert", "private", "0.0.0.0", "255.255.255.255"),
    mssql("office"),
    mssql_fw("office", "office", "203.0.113.0", "203.0.113.255"),
    pg("pgvnet", public_network_access_enabled=False),
], "AZ-SQL-001 pass: public access off (a firewall rule on that server has no effect), or a\n"
   "firewall rule for one office range.")
emit("AZ-SQL-001", "fail", [
    mssql("open"),
    mssql_fw("everyone", "open", "0.0.0.0", "255.255.255.255"),
    mssql_fw("azure_services", "open", "0.0.0.0", "0.0.0.0"),
    pg("pgopen"),
    pg_fw("wide", "pgopen", "1.0.0.0", "126.255.255.255"),
    pg_fw("narrow", "pgopen", "198.51.100.10", "198.51.100.10"),
], "AZ-SQL-001 fail: a firewall rule for every IPv4 address (critical), the \"Allow Azure services\"\n"
   "rule 0.0.0.0-0.0.0.0 (medium), and a range wider than a /8 (critical).")
emit("AZ-SQL-001", "omitted", [
    mssql("norules"),
    pg("pgnorules"),
], "AZ-SQL-001 omitted: public_network_access_enabled left out (default true) and no firewall rules:\n"
   "the endpoint is public but admits nobody (low).")
emit("AZ-SQL-001", "omitted-v3", [
    pg("pgv3", POSTGRES_FLEXIBLE_V3),
    pg_fw("wide", "pgv3", "0.0.0.0", "255.255.255.255"),
    pg("pgv3norules", POSTGRES_FLEXIBLE_V3),
    pg("pgv3vnet", POSTGRES_FLEXIBLE_V3, delegated_subnet_id="/subscriptions/00000000-0000-0000-0000-000000000000/"
       "resourceGroups/rg-palisade/providers/Microsoft.Network/virtualNetworks/vnet/subnets/postgres"),
], "AZ-SQL-001 omitted-v3 (azurerm 3.x): public_network_access_enabled is read-only (computed); a\n"
   "server without a delegated subnet is public.", V3)
emit("AZ-SQL-001", "unknown", [
    terraform_data("office", "203.0.113.0"),
    mssql("later"),
    fw("azurerm_mssql_firewall_rule", "later", "azurerm_mssql_server", "later",
       Ref("terraform_data.office.output", "terraform_data.office.output", "terraform_data.office"),
       "203.0.113.255"),
], "AZ-SQL-001 unknown: the start address is known only after apply.")


def pg_conf(name, server, value, setting="require_secure_transport"):
    return Resource("azurerm_postgresql_flexible_server_configuration", name, FLEXIBLE_CONFIGURATION, {
        "name": setting, "server_id": Ref(f"azurerm_postgresql_flexible_server.{server}.id",
                                          f"azurerm_postgresql_flexible_server.{server}.id",
                                          f"azurerm_postgresql_flexible_server.{server}"),
        "value": value})


emit("AZ-SQL-002", "pass", [
    mssql("tls12", minimum_tls_version="1.2"),
    pg("pgsecure"),
    pg_conf("secure", "pgsecure", "on"),
    pg_conf("tls13", "pgsecure", "TLSv1.3", "ssl_min_protocol_version"),
], "AZ-SQL-002 pass: SQL Server at TLS 1.2; a PostgreSQL flexible server with\n"
   "require_secure_transport on and TLS 1.3 minimum.")
emit("AZ-SQL-002", "fail", [
    mssql("tls10", minimum_tls_version="1.0"),
    mssql("tlsoff", minimum_tls_version="Disabled"),
    pg("pgplain"),
    pg_conf("plain", "pgplain", "off"),
    pg("pgold"),
    pg_conf("old", "pgold", "TLSv1.1", "ssl_min_protocol_version"),
], "AZ-SQL-002 fail: SQL Server TLS 1.0 and no minimum; a flexible server that accepts plain\n"
   "connections, one that accepts TLS 1.1.")
emit("AZ-SQL-002", "fail-v3", [
    Resource("azurerm_postgresql_server", "legacy", POSTGRES_SINGLE_V3, {
        "name": "legacy", **RG, "sku_name": "B_Gen5_1", "version": "11", "administrator_login": "pgadmin",
        "administrator_login_password": ADMIN_PASSWORD, "ssl_enforcement_enabled": False}),
    Resource("azurerm_postgresql_server", "oldtls", POSTGRES_SINGLE_V3, {
        "name": "oldtls", **RG, "sku_name": "B_Gen5_1", "version": "11", "administrator_login": "pgadmin",
        "administrator_login_password": ADMIN_PASSWORD, "ssl_enforcement_enabled": True,
        "ssl_minimal_tls_version_enforced": "TLS1_0"}),
    Resource("azurerm_postgresql_server", "enforced", POSTGRES_SINGLE_V3, {
        "name": "enforced", **RG, "sku_name": "B_Gen5_1", "version": "11", "administrator_login": "pgadmin",
        "administrator_login_password": ADMIN_PASSWORD, "ssl_enforcement_enabled": True}),
], "AZ-SQL-002 fail-v3 (azurerm 3.x): legacy single servers (removed in 4.0).", V3)
emit("AZ-SQL-002", "omitted", [
    mssql("defaults"),
    pg("pgdefaults"),
], "AZ-SQL-002 omitted: minimum_tls_version left out (default 1.2); a flexible server without\n"
   "configuration resources keeps require_secure_transport ON.")
emit("AZ-SQL-002", "unknown", [
    terraform_data("tls", "1.2"),
    mssql("later", minimum_tls_version=Ref("terraform_data.tls.output", "terraform_data.tls.output",
                                            "terraform_data.tls")),
    terraform_data("transport", "on"),
    pg("pglater"),
    pg_conf("later", "pglater", Ref("terraform_data.transport.output", "terraform_data.transport.output",
                                    "terraform_data.transport")),
], "AZ-SQL-002 unknown: the minimum TLS version, and require_secure_transport, are known only after\n"
   "apply.")
