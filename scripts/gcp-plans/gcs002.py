"""GCP-GCS-002 fixtures: public access prevention and uniform bucket-level access."""

from planlib import C, Ref, Resource, write_fixture
from schemas import STORAGE_BUCKET

RULE = "../../policies/GCP-GCS-002"


# hashicorp/google 3.x: bucket_policy_only, the older name of uniform bucket-level access
# (removed in 4.0), optional and computed beside uniform_bucket_level_access.
STORAGE_BUCKET_3 = {**STORAGE_BUCKET, "bucket_policy_only": C}


def bucket(name, comment=None, schema=STORAGE_BUCKET, **extra):
    return Resource("google_storage_bucket", name, schema,
                    {"name": f"pal-{name.replace('_', '-')}", "location": "EU", **extra}, schema_version=3,
                    comment=comment)


cases = {
    "pass": [
        bucket("locked_down", public_access_prevention="enforced", uniform_bucket_level_access=True),
    ],
    "fail": [
        bucket("inherited", public_access_prevention="inherited", uniform_bucket_level_access=True),
        bucket("acls", public_access_prevention="enforced", uniform_bucket_level_access=False,
               comment="Public access prevention on, but object ACLs still decide access."),
        bucket("neither", public_access_prevention="inherited", uniform_bucket_level_access=False),
    ],
    "omitted": [
        bucket("defaults", comment="Both left out: computed, and GCS defaults to inherited and fine-grained ACLs\nunless an organisation policy says otherwise."),
        bucket("pap_only", public_access_prevention="enforced",
               comment="uniform_bucket_level_access left out: computed, fine-grained ACLs unless an org policy enforces it."),
    ],
    "unknown": [
        Resource("google_storage_bucket", "switch", STORAGE_BUCKET,
                 {"name": "pal-switch", "location": "EU"},
                 schema_version=3, comment="Stands in for any value known only after apply."),
        bucket("from_apply",
               public_access_prevention=Ref(
                   'google_storage_bucket.switch.rpo == "ASYNC_TURBO" ? "enforced" : "inherited"',
                   ["google_storage_bucket.switch.rpo", "google_storage_bucket.switch"]),
               uniform_bucket_level_access=True),
    ],
    "legacy": [
        bucket("policy_only_3x", schema=STORAGE_BUCKET_3, public_access_prevention="enforced",
               bucket_policy_only=True, comment="google 3.x: uniform access set by its older name."),
        bucket("acls_3x", schema=STORAGE_BUCKET_3, public_access_prevention="enforced", bucket_policy_only=False),
    ],
}

if __name__ == "__main__":
    for case, resources in cases.items():
        write_fixture(RULE, case, resources, provider_version="3.90.1" if case == "legacy" else "6.12.0")
