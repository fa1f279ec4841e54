#!/usr/bin/env bash
# Rebuilds project/plan.json and project/.terraform/modules with real Terraform, offline.
#
# The vendored module is served from a local git repository (git::file://), which terraform
# init clones into .terraform/modules/vendored and records in .terraform/modules/modules.json,
# exactly as it does for a remote git or registry module. plan-json (../shared/terraform) makes
# the plan; a second `terraform init` with the same settings keeps what init wrote.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "$here/../../../../shared/terraform" && pwd)
repo=/tmp/palisade-fixture-modules/vendored.git
rm -rf /tmp/palisade-fixture-modules
mkdir -p "$repo"
( cd "$repo" && git init -q && cp "$here/vendored-module/main.tf" . && git add main.tf \
    && git -c user.name=fixture -c user.email=fixture@example.com commit -qm "vendored module" )
"$shared/plan-json" "$here/project"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/project"/. "$work"/
rm -rf "$work/.terraform" "$work/.terraform.lock.hcl"
( cd "$work" && TF_CLI_CONFIG_FILE="$shared/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 \
    terraform init -input=false -backend=false >/dev/null )
rm -rf "$here/project/.terraform"
mkdir -p "$here/project/.terraform/modules"
cp "$work/.terraform/modules/modules.json" "$here/project/.terraform/modules/"
cp -r "$work/.terraform/modules/vendored" "$here/project/.terraform/modules/"
rm -rf "$here/project/.terraform/modules/vendored/.git"
