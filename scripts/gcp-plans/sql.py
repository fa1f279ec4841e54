"""GCP-SQL-001 and GCP-SQL-002 fixtures: Cloud SQL public reachability and TLS."""

from planlib import C, Ref, Resource, write_fixture
from schemas import IP_CONFIGURATION_4, IP_CONFIGURATION_5, IP_CONFIGURATION_6, sql_instance

SQL001 = "../../policies/GCP-SQL-001"
SQL002 = "../../policies/GCP-SQL-002"

NETWORK = Resource("google_compute_network", "private", {"name": None, "id": C, "self_link": C,
                                                         "auto_create_subnetworks": True, "project": C},
                   {"name": "private"}, comment="The VPC the private IP lives in.")
PRIVATE_NETWORK = Ref("google_compute_network.private.id",
                      ["google_compute_network.private.id", "google_compute_network.private"])


def db(name, ip_configuration=None, version="6", comment=None):
    settings = {"tier": "db-f1-micro"}
    if ip_configuration is not None:
        settings["ip_configuration"] = [ip_configuration]
    schema = sql_instance({"6": IP_CONFIGURATION_6, "5": IP_CONFIGURATION_5, "4": IP_CONFIGURATION_4}[version])
    return Resource("google_sql_database_instance", name, schema,
                    {"name": name.replace("_", "-"), "database_version": "POSTGRES_16", "region": "europe-west1",
                     "deletion_protection": False, "settings": [settings]}, comment=comment)


def nets(*values):
    return [{"name": f"net-{i}", "value": v} for i, v in enumerate(values)]


sql001 = {
    "pass": [
        NETWORK,
        db("private_only", {"ipv4_enabled": False, "private_network": PRIVATE_NETWORK}),
        db("office", {"ipv4_enabled": True, "authorized_networks": nets("203.0.113.0/24")}),
    ],
    "fail": [
        db("world", {"ipv4_enabled": True, "authorized_networks": nets("203.0.113.0/24", "0.0.0.0/0")}),
        db("proxy_only", {"ipv4_enabled": True, "ssl_mode": "ENCRYPTED_ONLY"},
           comment="A public IP with no authorised networks: reachable through the Auth Proxy and connectors only."),
    ],
    "omitted": [
        db("defaults", comment="ip_configuration left out: computed, and Cloud SQL gives the instance a public IP."),
        db("ipv4_default", {"authorized_networks": nets("0.0.0.0/0")},
           comment="ipv4_enabled left out: the provider default is true."),
    ],
    "unknown": [
        Resource("google_compute_address", "office", {"name": None, "address": C, "id": C, "self_link": C},
                 {"name": "office"}, comment="Stands in for any value known only after apply."),
        db("office_ip", {"ipv4_enabled": True, "authorized_networks": [
            {"name": "office", "value": Ref('"${google_compute_address.office.address}/32"',
                                            ["google_compute_address.office.address", "google_compute_address.office"])}]}),
    ],
}

sql002 = {
    "pass": [
        db("encrypted_only", {"ipv4_enabled": False, "private_network": "projects/palisade-fixtures/global/networks/default",
                              "ssl_mode": "ENCRYPTED_ONLY"}),
        db("client_certs", {"ipv4_enabled": True, "ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}),
    ],
    "fail": [
        db("plaintext_allowed", {"ipv4_enabled": True, "ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"}),
    ],
    "omitted": [
        db("defaults", comment="ip_configuration left out: computed; Cloud SQL allows unencrypted connections."),
        db("no_ssl_mode", {"ipv4_enabled": True},
           comment="ssl_mode left out: computed; the API default is ALLOW_UNENCRYPTED_AND_ENCRYPTED."),
    ],
    "unknown": [
        Resource("google_sql_database_instance", "primary", sql_instance(),
                 {"name": "primary", "database_version": "POSTGRES_16", "region": "europe-west1",
                  "deletion_protection": False,
                  "settings": [{"tier": "db-f1-micro", "ip_configuration": [{"ssl_mode": "ENCRYPTED_ONLY"}]}]},
                 comment="Stands in for any value known only after apply."),
        db("follows_primary", {"ipv4_enabled": True, "ssl_mode": Ref(
            'google_sql_database_instance.primary.settings[0].edition == "ENTERPRISE_PLUS" ? "ENCRYPTED_ONLY" : "ALLOW_UNENCRYPTED_AND_ENCRYPTED"',
            ["google_sql_database_instance.primary.settings[0].edition",
             "google_sql_database_instance.primary.settings[0]",
             "google_sql_database_instance.primary.settings",
             "google_sql_database_instance.primary"])},
           comment="ssl_mode follows the primary's edition, which the API picks at apply."),
    ],
    # hashicorp/google 5.x: require_ssl (removed in 6.0) still decides.
    "legacy": [
        db("require_ssl", {"ipv4_enabled": True, "require_ssl": True}, version="5",
           comment="google 5.x: require_ssl = true rejects unencrypted connections (ssl_mode left out)."),
        db("require_ssl_false", {"ipv4_enabled": True, "require_ssl": False}, version="5"),
        db("ssl_mode_5x", {"ipv4_enabled": True, "ssl_mode": "ENCRYPTED_ONLY"}, version="5"),
    ],
    # hashicorp/google 4.x: no ssl_mode at all (added in a 5.x release), so it is null, not computed.
    "legacy4": [
        db("require_ssl_4x", {"ipv4_enabled": True, "require_ssl": True}, version="4"),
        db("require_ssl_false_4x", {"ipv4_enabled": True, "require_ssl": False}, version="4"),
        db("no_require_ssl_4x", {"ipv4_enabled": True}, version="4",
           comment="google 4.x: neither require_ssl nor ssl_mode is set; the API accepts unencrypted connections."),
    ],
}

if __name__ == "__main__":
    for case, resources in sql001.items():
        write_fixture(SQL001, case, resources)
    for case, resources in sql002.items():
        write_fixture(SQL002, case, resources, provider_version={"legacy": "5.45.0", "legacy4": "4.84.0"}.get(case, "6.12.0"))
