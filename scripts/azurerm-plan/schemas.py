"""azurerm resource schemas as they show in plans: defaults, computed, sensitive, blocks.

v4 = hashicorp/azurerm 4.55.0 (provider source), v3 = 3.117.1 (last v3; shapes compared with a
real 3.x plan).
"""

from plan import Schema

V4 = "4.55.0"
V3 = "3.117.1"

TIMEOUTS = {"timeouts": None}
IDENTITY = Schema({"identity_ids": None, "type": None}, computed=["principal_id", "tenant_id"])

_storage_common_attrs = {
    "account_kind": "StorageV2", "account_replication_type": None, "account_tier": None,
    "allow_nested_items_to_be_public": True, "allowed_copy_scope": None,
    "cross_tenant_replication_enabled": False, "default_to_oauth_authentication": False,
    "dns_endpoint_type": "Standard", "edge_zone": None, "infrastructure_encryption_enabled": False,
    "is_hns_enabled": False, "local_user_enabled": True, "location": None, "min_tls_version": "TLS1_2",
    "name": None, "nfsv3_enabled": False, "public_network_access_enabled": True,
    "queue_encryption_key_type": "Service", "resource_group_name": None, "sftp_enabled": False,
    "shared_access_key_enabled": True, "table_encryption_key_type": "Service", "tags": None, **TIMEOUTS,
}
_storage_computed = ["access_tier", "id", "large_file_share_enabled"] + [
    f"{side}_{service}_{kind}"
    for side in ("primary", "secondary")
    for service in ("blob", "dfs", "file", "queue", "table", "web")
    for kind in ("endpoint", "host")
] + [
    f"{side}_{service}_{network}_{kind}"
    for side in ("primary", "secondary")
    for service, networks in (("blob", ("internet", "microsoft")), ("dfs", ("internet", "microsoft")),
                              ("file", ("internet", "microsoft")), ("queue", ("microsoft",)),
                              ("table", ("microsoft",)), ("web", ("internet", "microsoft")))
    for network in networks
    for kind in ("endpoint", "host")
] + [
    "primary_access_key", "primary_blob_connection_string", "primary_connection_string", "primary_location",
    "secondary_access_key", "secondary_blob_connection_string", "secondary_connection_string",
    "secondary_location",
]
_storage_sensitive = [
    "primary_access_key", "primary_blob_connection_string", "primary_connection_string",
    "secondary_access_key", "secondary_blob_connection_string", "secondary_connection_string",
]
_storage_blocks = {
    "azure_files_authentication": Schema({"directory_type": None, "default_share_level_permission": "None"}),
    "custom_domain": Schema({"name": None, "use_subdomain": None}),
    "customer_managed_key": Schema({"key_vault_key_id": None, "managed_hsm_key_id": None, "user_assigned_identity_id": None}),
    "identity": IDENTITY,
    "immutability_policy": Schema({"allow_protected_append_writes": None, "period_since_creation_in_days": None, "state": None}),
    "sas_policy": Schema({"expiration_action": "Log", "expiration_period": None}),
    "static_website": Schema({"error_404_document": None, "index_document": None}),
    "blob_properties": Schema({}),
    "network_rules": Schema({"bypass": None, "default_action": None, "ip_rules": None, "virtual_network_subnet_ids": None}),
    "queue_properties": Schema({}),
    "routing": Schema({}),
    "share_properties": Schema({}),
}
_storage_computed_blocks = ["blob_properties", "network_rules", "queue_properties", "routing", "share_properties"]

STORAGE_ACCOUNT = {
    "v4": Schema(
        {**_storage_common_attrs, "https_traffic_only_enabled": True, "provisioned_billing_model_version": None},
        computed=_storage_computed, sensitive=_storage_sensitive, blocks=_storage_blocks,
        computed_blocks=_storage_computed_blocks, schema_version=4),
    # 3.x: the deprecated enable_https_traffic_only keeps its default; the new name is computed
    # (observed in a real 3.x plan).
    "v3": Schema(
        {**_storage_common_attrs, "enable_https_traffic_only": True},
        computed=_storage_computed + ["https_traffic_only_enabled"], sensitive=_storage_sensitive,
        blocks=_storage_blocks, computed_blocks=_storage_computed_blocks, schema_version=4),
}

STORAGE_CONTAINER = {
    # 4.x (before 5.0): storage_account_id and the deprecated storage_account_name are both
    # optional+computed, exactly one configured.
    "v4": Schema({"container_access_type": "private", "encryption_scope_override_enabled": True, "name": None, **TIMEOUTS},
                 computed=["default_encryption_scope", "has_immutability_policy", "has_legal_hold", "id", "metadata",
                           "resource_manager_id", "storage_account_id", "storage_account_name"], schema_version=1),
    "v3": Schema({"container_access_type": "private", "encryption_scope_override_enabled": True, "name": None,
                  "storage_account_name": None, **TIMEOUTS},
                 computed=["default_encryption_scope", "has_immutability_policy", "has_legal_hold", "id", "metadata",
                           "resource_manager_id"], schema_version=1),
}

# Inline rules are a set of objects in attribute mode: every field present, "" and [] when unset.
SECURITY_RULE_FIELDS = {
    "access": "", "description": "", "destination_address_prefix": "", "destination_address_prefixes": [],
    "destination_application_security_group_ids": [], "destination_port_range": "",
    "destination_port_ranges": [], "direction": "", "name": "", "priority": 0, "protocol": "",
    "source_address_prefix": "", "source_address_prefixes": [], "source_application_security_group_ids": [],
    "source_port_range": "", "source_port_ranges": [],
}


def security_rule(**fields):
    rule = dict(SECURITY_RULE_FIELDS)
    rule.update(fields)
    return rule


NSG = Schema({"location": None, "name": None, "resource_group_name": None, "tags": None, **TIMEOUTS},
             computed=["id", "security_rule"])

NSG_RULE = Schema({
    "access": None, "description": None, "destination_address_prefix": None, "destination_address_prefixes": None,
    "destination_application_security_group_ids": None, "destination_port_range": None,
    "destination_port_ranges": None, "direction": None, "name": None, "network_security_group_name": None,
    "priority": None, "protocol": None, "resource_group_name": None, "source_address_prefix": None,
    "source_address_prefixes": None, "source_application_security_group_ids": None, "source_port_range": None,
    "source_port_ranges": None, **TIMEOUTS,
}, computed=["id"])

MSSQL_SERVER = Schema({
    "administrator_login": None, "administrator_login_password": None,
    "administrator_login_password_wo": None, "administrator_login_password_wo_version": None,
    "connection_policy": "Default", "express_vulnerability_assessment_enabled": False, "location": None,
    "minimum_tls_version": "1.2", "name": None, "outbound_network_restriction_enabled": False,
    "primary_user_assigned_identity_id": None, "public_network_access_enabled": True,
    "resource_group_name": None, "tags": None, "transparent_data_encryption_key_vault_key_id": None,
    "version": None, **TIMEOUTS,
}, computed=["fully_qualified_domain_name", "id", "restorable_dropped_database_ids"],
    sensitive=["administrator_login_password"],
    blocks={"azuread_administrator": Schema({"azuread_authentication_only": None, "login_username": None, "object_id": None}, computed=["tenant_id"]),
            "identity": IDENTITY})

FIREWALL_RULE = Schema({"end_ip_address": None, "name": None, "start_ip_address": None, **TIMEOUTS},
                       computed=["id", "server_id"])


def firewall_rule_schema():
    return Schema({"end_ip_address": None, "name": None, "server_id": None, "start_ip_address": None, **TIMEOUTS},
                  computed=["id"])


POSTGRES_FLEXIBLE = Schema({
    "administrator_login": None, "administrator_password": None, "administrator_password_wo": None,
    "administrator_password_wo_version": None, "auto_grow_enabled": False,
    "create_mode": None, "delegated_subnet_id": None, "geo_redundant_backup_enabled": False, "location": None,
    "name": None, "point_in_time_restore_time_in_utc": None,
    "public_network_access_enabled": True, "replication_role": None, "resource_group_name": None,
    "source_server_id": None, "tags": None,
    "zone": None, **TIMEOUTS,
}, computed=["backup_retention_days", "fqdn", "id", "private_dns_zone_id", "sku_name", "storage_mb", "storage_tier", "version"],
    sensitive=["administrator_password"],
    blocks={"authentication": Schema({}), "customer_managed_key": Schema({}), "high_availability": Schema({}),
            "identity": IDENTITY, "maintenance_window": Schema({})},
    computed_blocks=["authentication"])

# 3.x: public_network_access_enabled is read-only (computed from the network mode).
POSTGRES_FLEXIBLE_V3 = Schema(
    {k: v for k, v in POSTGRES_FLEXIBLE.attrs.items()
     if k not in ("public_network_access_enabled", "administrator_password_wo", "administrator_password_wo_version")},
    computed=sorted(POSTGRES_FLEXIBLE.computed | {"public_network_access_enabled"}),
    sensitive=POSTGRES_FLEXIBLE.sensitive, blocks=POSTGRES_FLEXIBLE.blocks,
    computed_blocks=POSTGRES_FLEXIBLE.computed_blocks)

FLEXIBLE_CONFIGURATION = Schema({"name": None, "server_id": None, "value": None, **TIMEOUTS}, computed=["id"])

# Legacy single servers (removed in 4.0).
POSTGRES_SINGLE_V3 = Schema({
    "administrator_login": None, "administrator_login_password": None, "auto_grow_enabled": True,
    "create_mode": "Default", "creation_source_server_id": None, "infrastructure_encryption_enabled": False,
    "location": None, "name": None, "public_network_access_enabled": True, "resource_group_name": None,
    "restore_point_in_time": None, "sku_name": None, "ssl_enforcement_enabled": None,
    "ssl_minimal_tls_version_enforced": "TLS1_2", "storage_mb": None, "tags": None, "version": None,
    **TIMEOUTS,
}, computed=["backup_retention_days", "fqdn", "geo_redundant_backup_enabled", "id"],
    sensitive=["administrator_login_password"],
    blocks={"identity": IDENTITY, "threat_detection_policy": Schema({})})

CONTAINER_REGISTRY = {
    "v4": Schema({
        "admin_enabled": False, "anonymous_pull_enabled": None, "data_endpoint_enabled": None,
        "export_policy_enabled": True, "location": None, "name": None, "network_rule_bypass_option": "AzureServices",
        "public_network_access_enabled": True, "quarantine_policy_enabled": None, "resource_group_name": None,
        "retention_policy_in_days": None, "sku": None, "tags": None, "trust_policy_enabled": False,
        "zone_redundancy_enabled": False, **TIMEOUTS,
    }, computed=["admin_password", "admin_username", "data_endpoint_host_names", "id", "login_server"],
        sensitive=["admin_password"],
        blocks={"encryption": Schema({"identity_client_id": None, "key_vault_key_id": None}),
                "georeplications": Schema({"location": None, "regional_endpoint_enabled": None, "tags": None, "zone_redundancy_enabled": False}),
                "identity": IDENTITY,
                "network_rule_set": Schema({"default_action": "Allow"}, computed=["ip_rule"])},
        computed_blocks=["encryption", "network_rule_set"], schema_version=2),
    "v3": Schema({
        "admin_enabled": False, "anonymous_pull_enabled": None, "data_endpoint_enabled": None,
        "export_policy_enabled": True, "location": None, "name": None, "network_rule_bypass_option": "AzureServices",
        "public_network_access_enabled": True, "quarantine_policy_enabled": None, "resource_group_name": None,
        "sku": None, "tags": None, "zone_redundancy_enabled": False, **TIMEOUTS,
    }, computed=["admin_password", "admin_username", "id", "login_server"],
        sensitive=["admin_password"],
        blocks={"encryption": Schema({}), "georeplications": Schema({}), "identity": IDENTITY,
                "network_rule_set": Schema({"default_action": "Allow"}, computed=["ip_rule", "virtual_network"]),
                "retention_policy": Schema({"days": 7, "enabled": False}),
                "trust_policy": Schema({"enabled": False})},
        computed_blocks=["encryption", "network_rule_set", "retention_policy", "trust_policy"], schema_version=2),
}

_aks_common = {
    "automatic_upgrade_channel": None, "azure_policy_enabled": None, "cost_analysis_enabled": None,
    "custom_ca_trust_certificates_base64": None, "disk_encryption_set_id": None, "dns_prefix": None,
    "dns_prefix_private_cluster": None, "edge_zone": None, "http_application_routing_enabled": None,
    "image_cleaner_enabled": None, "image_cleaner_interval_hours": None, "local_account_disabled": None,
    "location": None, "name": None, "node_os_upgrade_channel": "NodeImage", "oidc_issuer_enabled": None,
    "open_service_mesh_enabled": None, "private_cluster_enabled": False,
    "private_cluster_public_fqdn_enabled": False, "resource_group_name": None,
    "role_based_access_control_enabled": True, "run_command_enabled": True, "sku_tier": "Free",
    "support_plan": "KubernetesOfficial", "tags": None, "workload_identity_enabled": False, **TIMEOUTS,
}
_aks_computed = [
    "current_kubernetes_version", "fqdn", "http_application_routing_zone_name", "id", "kube_admin_config",
    "kube_admin_config_raw", "kube_config", "kube_config_raw", "kubernetes_version", "node_resource_group",
    "node_resource_group_id", "oidc_issuer_url", "portal_fqdn", "private_dns_zone_id", "private_fqdn",
]
_aks_sensitive = ["kube_admin_config", "kube_admin_config_raw", "kube_config", "kube_config_raw"]
_pool_common = {
    "capacity_reservation_group_id": None, "fips_enabled": None, "gpu_instance": None, "host_group_id": None,
    "max_count": None, "message_of_the_day": None, "min_count": None, "name": None,
    "node_public_ip_prefix_id": None, "only_critical_addons_enabled": None, "pod_subnet_id": None,
    "proximity_placement_group_id": None, "scale_down_mode": "Delete", "snapshot_id": None, "tags": None,
    "temporary_name_for_rotation": None, "type": "VirtualMachineScaleSets", "ultra_ssd_enabled": False,
    "vm_size": None, "vnet_subnet_id": None, "workload_runtime": None, "zones": None,
}
_pool_computed = ["kubelet_disk_type", "max_pods", "node_count", "node_labels", "orchestrator_version",
                  "os_disk_size_gb", "os_disk_type", "os_sku"]
_aks_blocks_common = {
    "aci_connector_linux": Schema({}), "auto_scaler_profile": Schema({}), "confidential_computing": Schema({}),
    "http_proxy_config": Schema({}), "identity": IDENTITY, "ingress_application_gateway": Schema({}),
    "key_management_service": Schema({}), "key_vault_secrets_provider": Schema({}),
    "kubelet_identity": Schema({}), "linux_profile": Schema({}), "maintenance_window": Schema({}),
    "microsoft_defender": Schema({}), "monitor_metrics": Schema({}), "network_profile": Schema({}),
    "oms_agent": Schema({}), "service_mesh_profile": Schema({}), "service_principal": Schema({}),
    "storage_profile": Schema({}), "web_app_routing": Schema({}), "windows_profile": Schema({}),
    "workload_autoscaler_profile": Schema({}),
}
_aks_computed_blocks = ["kubelet_identity", "network_profile", "windows_profile"]

KUBERNETES_CLUSTER = {
    "v4": Schema(
        _aks_common, computed=_aks_computed, sensitive=_aks_sensitive,
        blocks={**_aks_blocks_common,
                "api_server_access_profile": Schema({}, computed=["authorized_ip_ranges"]),
                "azure_active_directory_role_based_access_control": Schema(
                    {"admin_group_object_ids": None, "azure_rbac_enabled": None}, computed=["tenant_id"]),
                "default_node_pool": Schema({**_pool_common, "auto_scaling_enabled": None, "host_encryption_enabled": None,
                                             "node_public_ip_enabled": None}, computed=_pool_computed)},
        computed_blocks=_aks_computed_blocks, schema_version=2),
    "v3": Schema(
        {**{k: v for k, v in _aks_common.items() if k not in ("automatic_upgrade_channel", "node_os_upgrade_channel")},
         "automatic_channel_upgrade": None, "node_os_channel_upgrade": None, "public_network_access_enabled": None},
        computed=_aks_computed + ["api_server_authorized_ip_ranges"], sensitive=_aks_sensitive,
        blocks={**_aks_blocks_common,
                "api_server_access_profile": Schema({"subnet_id": None, "vnet_integration_enabled": None},
                                                    computed=["authorized_ip_ranges"]),
                "azure_active_directory_role_based_access_control": Schema(
                    {"admin_group_object_ids": None, "azure_rbac_enabled": None, "client_app_id": None, "managed": None,
                     "server_app_id": None, "server_app_secret": None}, computed=["tenant_id"],
                    sensitive=["server_app_secret"]),
                "default_node_pool": Schema({**_pool_common, "enable_auto_scaling": None, "enable_host_encryption": None,
                                             "enable_node_public_ip": None}, computed=_pool_computed)},
        computed_blocks=_aks_computed_blocks, schema_version=1),
}
