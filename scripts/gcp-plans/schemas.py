"""Top-level and nested attributes of the google resources the GCP rules read, transcribed from
hashicorp/terraform-provider-google 6.x (google/services/{storage,compute,sql,container,
artifactregistry}/resource_*.go and the IAM resource wrappers). C = optional+computed or
computed (unknown when omitted), CL/CM = the same for lists and maps, N = optional (null when
omitted), a Block is a nested block (an empty list when omitted), other values are the
provider's schema default. Only attributes are listed that the 6.x schema has; rarely used
nested blocks that the rules do not read are left out of the larger resources.
"""

from planlib import Block, C, CL, CM, N

GOOG_LABELS = {"goog-terraform-provisioned": "true"}

STORAGE_BUCKET = {
    "name": N, "location": N, "project": C, "force_destroy": False, "storage_class": "STANDARD",
    "labels": N, "effective_labels": CM, "terraform_labels": GOOG_LABELS,
    "uniform_bucket_level_access": C, "public_access_prevention": C, "requester_pays": C,
    "default_event_based_hold": N, "enable_object_retention": N, "rpo": C,
    "self_link": C, "url": C, "id": C, "project_number": C, "time_created": C, "updated": C,
    "soft_delete_policy": CL, "hierarchical_namespace": CL, "versioning": CL, "website": CL,
    "lifecycle_rule": Block({}), "cors": Block({}), "custom_placement_config": Block({}),
    "encryption": Block({}), "logging": Block({}), "retention_policy": Block({}),
    "autoclass": Block({}), "timeouts": N,
}

IAM_CONDITION = Block({"title": N, "description": N, "expression": N})

STORAGE_BUCKET_IAM_MEMBER = {"bucket": N, "role": N, "member": N, "condition": IAM_CONDITION, "etag": C, "id": C}
STORAGE_BUCKET_IAM_BINDING = {"bucket": N, "role": N, "members": N, "condition": IAM_CONDITION, "etag": C, "id": C}
STORAGE_BUCKET_IAM_POLICY = {"bucket": N, "policy_data": N, "etag": C, "id": C}
STORAGE_BUCKET_ACL = {"bucket": N, "predefined_acl": N, "role_entity": CL, "default_acl": N, "id": C}
STORAGE_BUCKET_ACCESS_CONTROL = {"bucket": N, "entity": N, "role": N, "domain": C, "email": C, "id": C}
STORAGE_DEFAULT_OBJECT_ACL = {"bucket": N, "role_entity": CL, "id": C}
STORAGE_OBJECT_ACCESS_CONTROL = {
    "bucket": N, "object": N, "entity": N, "role": N, "domain": C, "email": C, "entity_id": C,
    "generation": C, "id": C, "project_team": CL,
}

AR_REPOSITORY_IAM_MEMBER = {
    "project": C, "location": C, "repository": N, "role": N, "member": N, "condition": IAM_CONDITION,
    "etag": C, "id": C,
}
AR_REPOSITORY_IAM_BINDING = {
    "project": C, "location": C, "repository": N, "role": N, "members": N, "condition": IAM_CONDITION,
    "etag": C, "id": C,
}
AR_REPOSITORY_IAM_POLICY = {"project": C, "location": C, "repository": N, "policy_data": N, "etag": C, "id": C}

FIREWALL_RULE = {"protocol": N, "ports": []}
COMPUTE_FIREWALL = {
    "name": N, "network": N, "allow": Block(FIREWALL_RULE), "deny": Block(FIREWALL_RULE), "description": N,
    "destination_ranges": CL, "direction": C, "disabled": N, "enable_logging": C,
    "log_config": Block({"metadata": N}), "params": Block({"resource_manager_tags": N}), "priority": 1000,
    "project": C, "source_ranges": N, "source_service_accounts": N, "source_tags": N,
    "target_service_accounts": N, "target_tags": N, "creation_timestamp": C, "self_link": C, "id": C,
    "timeouts": N,
}

ACCESS_CONFIG = {"nat_ip": C, "network_tier": C, "public_ptr_domain_name": N}
IPV6_ACCESS_CONFIG = {
    "network_tier": N, "public_ptr_domain_name": N, "external_ipv6": C, "external_ipv6_prefix_length": C,
    "name": C,
}
NETWORK_INTERFACE = {
    "network": C, "subnetwork": C, "subnetwork_project": C, "network_ip": C, "name": C, "nic_type": N,
    "stack_type": C, "ipv6_access_type": C, "ipv6_address": C, "internal_ipv6_prefix_length": C,
    "queue_count": N, "network_attachment": C,
    "access_config": Block(ACCESS_CONFIG), "ipv6_access_config": Block(IPV6_ACCESS_CONFIG),
    "alias_ip_range": Block({"ip_cidr_range": N, "subnetwork_range_name": N}),
}
BOOT_DISK = {
    "auto_delete": True, "device_name": C, "disk_encryption_key_raw": N, "disk_encryption_key_sha256": C,
    "kms_key_self_link": C, "mode": "READ_WRITE", "source": C,
    "initialize_params": Block({"image": C, "size": C, "type": C, "labels": C}, computed=True),
}
COMPUTE_INSTANCE = {
    "name": N, "machine_type": N, "zone": C, "project": C, "allow_stopping_for_update": N,
    "can_ip_forward": False, "deletion_protection": False, "description": N, "desired_status": N,
    "enable_display": N, "hostname": N, "labels": N, "effective_labels": CM, "terraform_labels": GOOG_LABELS,
    "metadata": N, "metadata_startup_script": N, "min_cpu_platform": C, "resource_policies": N, "tags": N,
    "cpu_platform": C, "current_status": C, "id": C, "instance_id": C, "label_fingerprint": C,
    "metadata_fingerprint": C, "self_link": C, "tags_fingerprint": C, "guest_accelerator": CL,
    "boot_disk": Block(BOOT_DISK), "network_interface": Block(NETWORK_INTERFACE),
    "attached_disk": Block({}), "scratch_disk": Block({}), "service_account": Block({}),
    "scheduling": CL, "shielded_instance_config": CL, "confidential_instance_config": CL,
    "reservation_affinity": CL, "advanced_machine_features": Block({}), "network_performance_config": Block({}),
    "params": Block({}), "key_revocation_action_type": N, "timeouts": N,
}
TEMPLATE_DISK = {
    "auto_delete": True, "boot": C, "device_name": C, "disk_name": N, "disk_size_gb": C, "disk_type": C,
    "interface": C, "labels": N, "mode": C, "source_image": C, "source": N, "type": C, "resource_policies": N,
    "provisioned_iops": C,
}
COMPUTE_INSTANCE_TEMPLATE = {
    "name": C, "name_prefix": C, "machine_type": N, "project": C, "region": C, "can_ip_forward": False,
    "description": N, "instance_description": N, "labels": N, "effective_labels": CM,
    "terraform_labels": GOOG_LABELS, "metadata": N, "metadata_startup_script": N, "min_cpu_platform": N,
    "tags": N, "id": C, "metadata_fingerprint": C, "self_link": C, "self_link_unique": C,
    "tags_fingerprint": C, "resource_policies": N,
    "disk": Block(TEMPLATE_DISK), "network_interface": Block(NETWORK_INTERFACE),
    "guest_accelerator": Block({}), "service_account": Block({}), "scheduling": CL,
    "shielded_instance_config": CL, "confidential_instance_config": CL, "reservation_affinity": Block({}),
    "advanced_machine_features": Block({}), "network_performance_config": Block({}), "timeouts": N,
}

AUTHORIZED_NETWORK = {"expiration_time": N, "name": N, "value": N}
IP_CONFIGURATION_6 = {
    "authorized_networks": Block(AUTHORIZED_NETWORK), "ipv4_enabled": True, "private_network": N,
    "allocated_ip_range": N, "enable_private_path_for_google_cloud_services": N,
    "psc_config": Block({}), "ssl_mode": C, "server_ca_mode": C, "server_ca_pool": N,
    "custom_subject_alternative_names": N,
}
# hashicorp/google 5.x: require_ssl (deprecated, removed in 6.0) beside ssl_mode.
IP_CONFIGURATION_5 = {
    "authorized_networks": Block(AUTHORIZED_NETWORK), "ipv4_enabled": True, "private_network": N,
    "allocated_ip_range": N, "enable_private_path_for_google_cloud_services": N,
    "psc_config": Block({}), "require_ssl": N, "ssl_mode": C, "server_ca_mode": C,
}
# hashicorp/google 4.x (and early 5.x): require_ssl only; ssl_mode did not exist yet.
IP_CONFIGURATION_4 = {
    "authorized_networks": Block(AUTHORIZED_NETWORK), "ipv4_enabled": True, "private_network": N,
    "allocated_ip_range": N, "require_ssl": N,
}


def sql_settings(ip_configuration):
    return {
        "tier": N, "edition": C, "activation_policy": C, "availability_type": C, "collation": N,
        "connector_enforcement": C, "deletion_protection_enabled": N, "disk_autoresize": True,
        "disk_autoresize_limit": 0, "disk_size": C, "disk_type": C, "pricing_plan": "PER_USE",
        "time_zone": N, "user_labels": CM, "version": C, "backup_configuration": CL,
        "database_flags": Block({}), "ip_configuration": Block(ip_configuration, computed=True),
        "location_preference": CL, "maintenance_window": Block({}), "insights_config": CL,
        "password_validation_policy": Block({}), "active_directory_config": Block({}),
        "data_cache_config": CL, "deny_maintenance_period": Block({}), "sql_server_audit_config": Block({}),
        "advanced_machine_features": Block({}), "enable_google_ml_integration": N,
        "enable_dataplex_integration": N, "retain_backups_on_delete": N,
    }


def sql_instance(ip_configuration=IP_CONFIGURATION_6):
    return {
        "name": C, "database_version": N, "region": C, "project": C, "deletion_protection": True,
        "root_password": N, "encryption_key_name": C, "master_instance_name": C, "instance_type": C,
        "maintenance_version": C, "available_maintenance_versions": CL, "connection_name": C,
        "dns_name": C, "first_ip_address": C, "ip_address": CL, "private_ip_address": C,
        "public_ip_address": C, "psc_service_attachment_link": C, "self_link": C,
        "server_ca_cert": CL, "service_account_email_address": C, "id": C,
        "settings": Block(sql_settings(ip_configuration)), "clone": Block({}), "replica_configuration": CL,
        "restore_backup_context": Block({}), "timeouts": N,
    }


WORKLOAD_METADATA_CONFIG = {"mode": N}
NODE_CONFIG = {
    "machine_type": C, "disk_size_gb": C, "disk_type": C, "image_type": C, "labels": C,
    "resource_labels": N, "local_ssd_count": C, "logging_variant": C, "metadata": C, "min_cpu_platform": N,
    "oauth_scopes": C, "preemptible": False, "spot": N, "service_account": C, "tags": N,
    "workload_metadata_config": Block(WORKLOAD_METADATA_CONFIG, computed=True),
    "shielded_instance_config": CL, "guest_accelerator": CL, "taint": Block({}), "effective_taints": CL,
    "kubelet_config": CL, "linux_node_config": CL, "reservation_affinity": Block({}),
}
PRIVATE_CLUSTER_CONFIG = {
    "enable_private_endpoint": N, "enable_private_nodes": N, "master_ipv4_cidr_block": C,
    "master_global_access_config": CL, "peering_name": C, "private_endpoint": C,
    "private_endpoint_subnetwork": N, "public_endpoint": C,
}
MASTER_AUTHORIZED_NETWORKS_CONFIG = {
    "cidr_blocks": Block({"cidr_block": N, "display_name": N}),
    "gcp_public_cidrs_access_enabled": C, "private_endpoint_enforcement_enabled": C,
}
MASTER_AUTH = {
    "client_certificate": C, "client_key": C, "cluster_ca_certificate": C,
    "client_certificate_config": Block({"issue_client_certificate": N}),
}
CONTROL_PLANE_ENDPOINTS_CONFIG = {
    "dns_endpoint_config": CL,
    "ip_endpoints_config": Block({"enabled": N}, computed=True),
}
CONTAINER_CLUSTER = {
    "name": N, "location": C, "project": C, "description": N, "initial_node_count": N,
    "remove_default_node_pool": N, "enable_legacy_abac": False, "enable_autopilot": N,
    "deletion_protection": True, "network": "default", "subnetwork": C, "endpoint": C,
    "master_version": C, "min_master_version": N, "node_version": C, "node_locations": C,
    "id": C, "self_link": C, "label_fingerprint": C, "operation": C, "services_ipv4_cidr": C,
    "tpu_ipv4_cidr_block": C, "cluster_ipv4_cidr": C, "resource_labels": N, "effective_labels": CM,
    "terraform_labels": GOOG_LABELS, "logging_service": C, "monitoring_service": C, "networking_mode": C,
    "enable_shielded_nodes": True, "enable_kubernetes_alpha": False, "enable_intranode_visibility": C,
    "enable_l4_ilb_subsetting": N, "enable_tpu": N, "default_max_pods_per_node": C,
    "datapath_provider": C, "private_ipv6_google_access": C,
    "private_cluster_config": Block(PRIVATE_CLUSTER_CONFIG, computed=True),
    "master_authorized_networks_config": Block(MASTER_AUTHORIZED_NETWORKS_CONFIG),
    "master_auth": Block(MASTER_AUTH, computed=True),
    "control_plane_endpoints_config": Block(CONTROL_PLANE_ENDPOINTS_CONFIG, computed=True),
    "node_config": Block(NODE_CONFIG, computed=True), "node_pool": CL,
    "workload_identity_config": Block({"workload_pool": N}, computed=True),
    "addons_config": CL, "ip_allocation_policy": CL, "release_channel": CL,
    "vertical_pod_autoscaling": CL, "binary_authorization": CL, "database_encryption": CL,
    "cluster_autoscaling": CL, "logging_config": CL, "monitoring_config": CL, "network_policy": CL,
    "maintenance_policy": Block({}), "authenticator_groups_config": CL, "timeouts": N,
}
CONTAINER_NODE_POOL = {
    "cluster": N, "name": C, "name_prefix": C, "location": C, "project": C, "node_count": C,
    "initial_node_count": C, "node_locations": C, "version": C, "max_pods_per_node": C,
    "instance_group_urls": CL, "managed_instance_group_urls": CL, "operation": C, "id": C,
    "node_config": Block(NODE_CONFIG, computed=True), "management": CL, "autoscaling": Block({}),
    "upgrade_settings": CL, "network_config": CL, "placement_policy": Block({}),
    "queued_provisioning": Block({}), "timeouts": N,
}

SERVICE_ACCOUNT = {
    "account_id": N, "display_name": N, "description": N, "disabled": False, "project": C,
    "create_ignore_already_exists": N, "email": C, "id": C, "member": C, "name": C, "unique_id": C,
    "timeouts": N,
}

AR_REPOSITORY = {
    "repository_id": N, "format": N, "location": C, "project": C, "description": N, "kms_key_name": N,
    "labels": N, "effective_labels": CM, "terraform_labels": GOOG_LABELS, "mode": "STANDARD_REPOSITORY",
    "cleanup_policy_dry_run": N, "create_time": C, "update_time": C, "id": C, "name": C,
    "cleanup_policies": Block({}), "docker_config": Block({}), "maven_config": Block({}),
    "remote_repository_config": Block({}), "virtual_repository_config": Block({}), "timeouts": N,
}
