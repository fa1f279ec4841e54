"""GCP-AR-001 fixtures: public Artifact Registry repositories."""

import json

from planlib import Literal, Ref, Resource, write_fixture
from schemas import (AR_REPOSITORY, AR_REPOSITORY_IAM_BINDING, AR_REPOSITORY_IAM_MEMBER, AR_REPOSITORY_IAM_POLICY,
                     SERVICE_ACCOUNT)

RULE = "../../policies/GCP-AR-001"


def repo(name):
    return Resource("google_artifact_registry_repository", name, AR_REPOSITORY,
                    {"repository_id": name.replace("_", "-"), "format": "DOCKER", "location": "europe-west1"})


def repo_name(name):
    return Ref(f"google_artifact_registry_repository.{name}.name",
               [f"google_artifact_registry_repository.{name}.name", f"google_artifact_registry_repository.{name}"])


def member(name, repository, role, principal, comment=None):
    return Resource("google_artifact_registry_repository_iam_member", name, AR_REPOSITORY_IAM_MEMBER,
                    {"location": "europe-west1", "repository": repository, "role": role, "member": principal},
                    comment=comment)


def policy(bindings):
    text = json.dumps({"bindings": bindings}, separators=(",", ":"))
    hcl = "jsonencode({\n    bindings = [" + ", ".join(
        "{ role = %s, members = %s }" % (json.dumps(b["role"]), json.dumps(b["members"])) for b in bindings
    ) + "]\n  })"
    return Literal(hcl, text)


cases = {
    "pass": [
        repo("images"),
        member("ci_push", repo_name("images"), "roles/artifactregistry.writer",
               "serviceAccount:ci@palisade-fixtures.iam.gserviceaccount.com"),
        Resource("google_artifact_registry_repository_iam_binding", "readers", AR_REPOSITORY_IAM_BINDING,
                 {"location": "europe-west1", "repository": repo_name("images"),
                  "role": "roles/artifactregistry.reader", "members": ["group:deployers@example.com"]}),
        Resource("google_artifact_registry_repository_iam_policy", "owners", AR_REPOSITORY_IAM_POLICY,
                 {"location": "europe-west1", "repository": "base-images",
                  "policy_data": policy([{"role": "roles/artifactregistry.repoAdmin", "members": ["group:platform@example.com"]}])}),
        Resource("google_artifact_registry_repository_iam_policy", "no_bindings", AR_REPOSITORY_IAM_POLICY,
                 {"location": "europe-west1", "repository": "no-bindings", "policy_data": "{}"},
                 comment="A policy without bindings, as data google_iam_policy writes it when no binding is given."),
    ],
    "fail": [
        repo("public_images"),
        member("anyone_pulls", repo_name("public_images"), "roles/artifactregistry.reader", "allUsers",
               comment="Deliberately public images are still a finding: suppress it with a reason."),
        Resource("google_artifact_registry_repository_iam_binding", "any_account_pushes", AR_REPOSITORY_IAM_BINDING,
                 {"location": "europe-west1", "repository": repo_name("public_images"),
                  "role": "roles/artifactregistry.writer", "members": ["allAuthenticatedUsers"]}),
        Resource("google_artifact_registry_repository_iam_policy", "public_policy", AR_REPOSITORY_IAM_POLICY,
                 {"location": "europe-west1", "repository": "base-images",
                  "policy_data": policy([
                      {"role": "roles/artifactregistry.repoAdmin", "members": ["group:platform@example.com"]},
                      {"role": "roles/artifactregistry.reader", "members": ["allUsers"]},
                  ])}),
        Resource("google_artifact_registry_repository_iam_policy", "public_admin", AR_REPOSITORY_IAM_POLICY,
                 {"location": "europe-west1", "repository": "tools",
                  "policy_data": policy([{"role": "roles/artifactregistry.repoAdmin", "members": ["allUsers"]}])}),
    ],
    "omitted": [
        member("no_location", "legacy-images", "roles/artifactregistry.reader", "allUsers",
               comment="location and project left out: computed from the provider; the grant is still public."),
    ],
    "unknown": [
        Resource("google_service_account", "puller", SERVICE_ACCOUNT, {"account_id": "puller"},
                 comment="Stands in for any value created in this plan."),
        member("puller", "images", "roles/artifactregistry.reader",
               Ref('"serviceAccount:${google_service_account.puller.email}"',
                   ["google_service_account.puller.email", "google_service_account.puller"])),
    ],
}

if __name__ == "__main__":
    for case, resources in cases.items():
        write_fixture(RULE, case, resources)
