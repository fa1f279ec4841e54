"""GCP-GCS-001 fixtures: public IAM members and ACL entities on Cloud Storage buckets."""

import json

from planlib import Literal, Ref, Resource, write_fixture
from schemas import (STORAGE_BUCKET, STORAGE_BUCKET_ACCESS_CONTROL, STORAGE_BUCKET_ACL,
                     STORAGE_BUCKET_IAM_BINDING, STORAGE_BUCKET_IAM_MEMBER, STORAGE_BUCKET_IAM_POLICY,
                     STORAGE_DEFAULT_OBJECT_ACL, STORAGE_OBJECT_ACCESS_CONTROL, SERVICE_ACCOUNT)

RULE = "../../policies/GCP-GCS-001"


def bucket(name, **extra):
    return Resource("google_storage_bucket", name, STORAGE_BUCKET,
                    {"name": f"pal-{name.replace('_', '-')}", "location": "EU", **extra}, schema_version=3)


def name_of(name):
    return Ref(f"google_storage_bucket.{name}.name",
               [f"google_storage_bucket.{name}.name", f"google_storage_bucket.{name}"],
               value=f"pal-{name.replace('_', '-')}")


def policy(bindings):
    text = json.dumps({"bindings": bindings}, separators=(",", ":"))
    hcl = "jsonencode({\n    bindings = [" + ", ".join(
        "{ role = %s, members = %s }" % (json.dumps(b["role"]), json.dumps(b["members"])) for b in bindings
    ) + "]\n  })"
    return Literal(hcl, text)


pass_case = [
    bucket("private", public_access_prevention="enforced", uniform_bucket_level_access=True),
    Resource("google_storage_bucket_iam_member", "viewers", STORAGE_BUCKET_IAM_MEMBER,
             {"bucket": name_of("private"), "role": "roles/storage.objectViewer",
              "member": "group:viewers@example.com"}),
    Resource("google_storage_bucket_iam_binding", "ci", STORAGE_BUCKET_IAM_BINDING,
             {"bucket": name_of("private"), "role": "roles/storage.objectAdmin",
              "members": ["serviceAccount:ci@palisade-fixtures.iam.gserviceaccount.com"]}),
    Resource("google_storage_bucket_iam_policy", "owners", STORAGE_BUCKET_IAM_POLICY,
             {"bucket": name_of("private"),
              "policy_data": policy([{"role": "roles/storage.admin", "members": ["group:admins@example.com"]}])}),
    Resource("google_storage_bucket_iam_policy", "no_bindings", STORAGE_BUCKET_IAM_POLICY,
             {"bucket": "pal-no-bindings", "policy_data": "{}"},
             comment="A policy without bindings, as data google_iam_policy writes it when no binding is given."),
    Resource("google_storage_bucket_access_control", "admins", STORAGE_BUCKET_ACCESS_CONTROL,
             {"bucket": "pal-legacy-acl", "entity": "group-admins@example.com", "role": "OWNER"}),
    Resource("google_storage_default_object_acl", "project", STORAGE_DEFAULT_OBJECT_ACL,
             {"bucket": "pal-legacy-acl",
              "role_entity": ["OWNER:project-owners-123456", "READER:project-viewers-123456"]}),
]

fail_case = [
    bucket("site"),
    bucket("locked", public_access_prevention="enforced"),
    Resource("google_storage_bucket_iam_member", "public_read", STORAGE_BUCKET_IAM_MEMBER,
             {"bucket": name_of("site"), "role": "roles/storage.objectViewer", "member": "allUsers"}),
    Resource("google_storage_bucket_iam_binding", "any_google_account", STORAGE_BUCKET_IAM_BINDING,
             {"bucket": name_of("site"), "role": "roles/storage.objectViewer",
              "members": ["allAuthenticatedUsers", "group:viewers@example.com"]}),
    Resource("google_storage_bucket_iam_policy", "public_policy", STORAGE_BUCKET_IAM_POLICY,
             {"bucket": name_of("site"),
              "policy_data": policy([
                  {"role": "roles/storage.admin", "members": ["group:admins@example.com"]},
                  {"role": "roles/storage.legacyObjectReader", "members": ["allUsers"]},
              ])}),
    Resource("google_storage_bucket_acl", "reader_entity", STORAGE_BUCKET_ACL,
             {"bucket": "pal-legacy-acl", "role_entity": ["OWNER:project-owners-123456", "READER:allUsers"]}),
    Resource("google_storage_bucket_acl", "predefined", STORAGE_BUCKET_ACL,
             {"bucket": "pal-legacy-predefined", "predefined_acl": "publicRead"}),
    Resource("google_storage_bucket_access_control", "public_rule", STORAGE_BUCKET_ACCESS_CONTROL,
             {"bucket": "pal-legacy-acl", "entity": "allUsers", "role": "READER"}),
    Resource("google_storage_default_object_acl", "public_objects", STORAGE_DEFAULT_OBJECT_ACL,
             {"bucket": "pal-legacy-acl", "role_entity": ["OWNER:project-owners-123456", "READER:allUsers"]}),
    Resource("google_storage_object_access_control", "one_object", STORAGE_OBJECT_ACCESS_CONTROL,
             {"bucket": "pal-legacy-acl", "object": "index.html", "entity": "allAuthenticatedUsers",
              "role": "READER"}),
    Resource("google_storage_bucket_iam_member", "blocked", STORAGE_BUCKET_IAM_MEMBER,
             {"bucket": name_of("locked"), "role": "roles/storage.objectViewer", "member": "allUsers"},
             comment="public_access_prevention = enforced on the bucket: GCS rejects this grant at apply."),
]

omitted_case = [
    bucket("defaults"),
    Resource("google_storage_bucket_iam_member", "public_read", STORAGE_BUCKET_IAM_MEMBER,
             {"bucket": name_of("defaults"), "role": "roles/storage.objectViewer", "member": "allUsers"},
             comment="The bucket leaves public_access_prevention out (computed: inherited from the org)."),
    Resource("google_storage_bucket_acl", "predefined_public", STORAGE_BUCKET_ACL,
             {"bucket": name_of("defaults"), "predefined_acl": "publicRead"},
             comment="role_entity left out: computed from the predefined ACL at apply."),
    Resource("google_storage_bucket_acl", "predefined_private", STORAGE_BUCKET_ACL,
             {"bucket": name_of("defaults"), "predefined_acl": "projectPrivate"}),
]

unknown_case = [
    bucket("data", public_access_prevention="enforced"),
    Resource("google_service_account", "reader", SERVICE_ACCOUNT,
             {"account_id": "reader"}, comment="Stands in for any value created in this plan."),
    Resource("google_storage_bucket_iam_member", "reader", STORAGE_BUCKET_IAM_MEMBER,
             {"bucket": name_of("data"), "role": "roles/storage.objectViewer",
              "member": Ref('"serviceAccount:${google_service_account.reader.email}"',
                            ["google_service_account.reader.email", "google_service_account.reader"])}),
    Resource("google_storage_bucket_iam_binding", "readers", STORAGE_BUCKET_IAM_BINDING,
             {"bucket": name_of("data"), "role": "roles/storage.objectViewer",
              "members": Ref('["group:viewers@example.com", "serviceAccount:${google_service_account.reader.email}"]',
                             ["google_service_account.reader.email", "google_service_account.reader"])}),
]


def counted_bucket(i):
    return {"name": Ref('"pal-site-${count.index}"', ["count.index"], value=f"pal-site-{i}"),
            "location": "EU",
            "public_access_prevention": Ref('count.index == 0 ? "enforced" : "inherited"', ["count.index"],
                                            value="enforced" if i == 0 else "inherited")}


joins_case = [
    Resource("google_storage_bucket", "site", STORAGE_BUCKET, counted_bucket, count=2, module="site",
             schema_version=3, comment="Bucket 0 enforces public access prevention, bucket 1 inherits it."),
    Resource("google_storage_bucket_iam_member", "public", STORAGE_BUCKET_IAM_MEMBER,
             lambda i: {"bucket": Ref("google_storage_bucket.site[count.index].name",
                                      ["google_storage_bucket.site", "count.index"], value=f"pal-site-{i}"),
                        "role": "roles/storage.objectViewer", "member": "allUsers"},
             count=2, module="site"),
    Resource("google_storage_bucket_access_control", "public", STORAGE_BUCKET_ACCESS_CONTROL,
             lambda i: {"bucket": Ref("google_storage_bucket.site[count.index].id",
                                      ["google_storage_bucket.site", "count.index"]),
                        "entity": "allUsers", "role": "READER"},
             count=2, module="site",
             comment="Joined through the bucket's id, which is known only after apply: paired by index."),
]

if __name__ == "__main__":
    write_fixture(RULE, "pass", pass_case)
    write_fixture(RULE, "fail", fail_case)
    write_fixture(RULE, "omitted", omitted_case)
    write_fixture(RULE, "unknown", unknown_case)
    write_fixture(RULE, "joins", joins_case,
                  header="GCP-GCS-001 joins inside a module: count-indexed grants pair with the bucket of the same index.")
