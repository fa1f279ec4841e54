#!/usr/bin/env python3
"""Compare palisade's Dockerfile rules with hadolint, Checkov and Trivy over the corpus.

  scripts/compare-dockerfile.py [--corpus DIR] [--palisade BIN] [--work DIR] [--reuse]
                                [--samples N] [--details FILE]

Runs each tool once over a temp copy of ../shared/corpus/dockerfile, keeps the raw reports in
--work, and prints markdown tables: which files each tool could evaluate, and per mapped rule
pair how many files both tools flag, only palisade flags, only the other tool flags, or neither
flags. Rule pairs come from the `equivalents:` of policies/DF*/rule.yaml, so the
mapping lives in one place. A disagreement sample (file, our lines, their lines) follows each
table; --details writes every disagreement as JSON for review.

Only files that both tools evaluated are counted: a file one tool cannot parse is reported in
the coverage table, not as a disagreement. Counts are per file, not per line: "flags" means at
least one finding of the rule group anywhere in the file.

Tool invocations (versions are printed):
  palisade scan --format json --fail-on never --unknown warn --only <all DF rules but DF006> DIR
  hadolint -f json --no-fail --warning DL3057 FILE...   (DL3057 is off by default; enabled so
                                                          the DF021 pair has something to compare)
  trivy config --format json --skip-check-update DIR     (offline: falls back to embedded checks)
  checkov --skip-download -d DIR --framework dockerfile -o json
      (not --quiet: the passed checks show which files checkov evaluated)

Trivy caveat handled here: one Dockerfile that declares the same ARG twice with different
defaults in one stage makes DS-0001's rego fail with eval_conflict_error, and Trivy then drops
DS-0001 for *every* file of that run. Such files are therefore scanned by Trivy one at a time
and the rest in one batch; the script says which files it isolated and checks the batch log.
"""
import argparse, collections, glob, json, os, random, re, shutil, subprocess, sys, tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
TOOLS = ("hadolint", "checkov", "trivy")
# DF006 needs an organisation's registry allow-list; without one it has nothing to compare.
SKIPPED_RULES = {"DF006"}
# hadolint's parse-error code: a file with it was not evaluated.
HADOLINT_PARSE_ERROR = "DL1000"


def load_pairs():
    """Rule pairs from the pack: {tool: [(our ids, their ids)]}, grouping their ids by our set."""
    ours_by_theirs = {tool: collections.defaultdict(set) for tool in TOOLS}
    rule_ids = []
    for path in sorted(glob.glob(os.path.join(ROOT, "policies", "DF*", "rule.yaml"))):
        with open(path) as f:
            rule = yaml.safe_load(f)
        if rule["id"] in SKIPPED_RULES:
            continue
        rule_ids.append(rule["id"])
        for tool in TOOLS:
            for theirs in (rule.get("equivalents") or {}).get(tool) or []:
                ours_by_theirs[tool][theirs].add(rule["id"])
    pairs = {}
    for tool in TOOLS:
        grouped = collections.defaultdict(set)
        for theirs, ours in ours_by_theirs[tool].items():
            grouped[tuple(sorted(ours))].add(theirs)
        pairs[tool] = sorted((ours, tuple(sorted(theirs, key=natural_key))) for ours, theirs in grouped.items())
    return rule_ids, pairs


def natural_key(text):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def run(cmd, out_path, cwd=None, ok=(0, 1)):
    """Runs cmd with stdout to out_path and stderr to out_path + '.err'; returns the stderr text."""
    with open(out_path, "w") as out, open(out_path + ".err", "w") as err:
        code = subprocess.run(cmd, stdout=out, stderr=err, cwd=cwd).returncode
    stderr = open(out_path + ".err").read()
    if code not in ok:
        sys.exit(f"compare: {' '.join(cmd[:6])} ... exited {code}:\n{stderr[-2000:]}")
    return stderr


def version(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return (proc.stdout + proc.stderr).strip().splitlines()[0]


def palisade_binary(explicit):
    if explicit:
        return explicit
    bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout.strip()
    binary = os.path.join(bin_dir, "palisade")
    if not os.path.exists(binary):
        subprocess.run(["swift", "build", "-c", "release", "--product", "palisade"], cwd=ROOT, check=True)
    return binary


def conflicting_arg_files(directory):
    """Files that redeclare an ARG with a different default inside one stage (see the module doc)."""
    found = []
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as f:
            text = f.read()
        for stage in re.split(r"(?im)^\s*from\s", text):
            defaults = collections.defaultdict(set)
            for match in re.finditer(r"(?im)^\s*arg\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s*=\s*(\S*)|\s+(\S+))?", stage):
                defaults[match.group(1)].add(match.group(2) or match.group(3) or "")
            if any(len(values) > 1 for values in defaults.values()):
                found.append(name)
                break
    return found


# Each reader returns (evaluated file names, {file: [(rule id, line)]}).

def read_palisade(path):
    report = json.load(open(path))
    failed = {os.path.basename(e["file"]) for e in report["errors"]}
    findings = collections.defaultdict(list)
    files = set()
    for f in report["findings"]:
        name = os.path.basename(f["file"])
        files.add(name)
        if f["outcome"] == "fail":
            # DF012's low `COPY . .` heads-up is not a secret-file finding; keep it out of the pair.
            context_only = f["rule_id"] == "DF012" and f["severity"] == "low"
            findings[name].append(("DF012-context" if context_only else f["rule_id"], f["line"]))
        elif f["outcome"] == "unknown":
            findings[name].append((f["rule_id"] + "?", f["line"]))
    return failed, findings


def read_hadolint(path, names):
    findings = collections.defaultdict(list)
    failed = set()
    for f in json.load(open(path)):
        name = os.path.basename(f["file"])
        if f["code"] == HADOLINT_PARSE_ERROR:
            failed.add(name)
        findings[name].append((f["code"], f["line"]))
    return set(names) - failed, findings


def read_trivy(paths):
    findings = collections.defaultdict(list)
    evaluated = set()
    for path in paths:
        for result in json.load(open(path)).get("Results") or []:
            if result.get("Class") != "config":
                continue
            name = os.path.basename(result["Target"])
            evaluated.add(name)
            for m in result.get("Misconfigurations") or []:
                if m.get("Status") == "FAIL":
                    findings[name].append((m["ID"], (m.get("CauseMetadata") or {}).get("StartLine", 0)))
    return evaluated, findings


def read_checkov(path):
    reports = json.load(open(path))
    reports = reports if isinstance(reports, list) else [reports]
    findings = collections.defaultdict(list)
    evaluated = set()
    for report in reports:
        if report.get("check_type") != "dockerfile":
            continue
        for outcome in ("passed_checks", "failed_checks"):
            for c in report["results"].get(outcome, []):
                name = os.path.basename(c["file_path"])
                evaluated.add(name)
                if outcome == "failed_checks":
                    findings[name].append((c["check_id"], c["file_line_range"][0]))
    return evaluated, findings


def compare(ours, theirs, files, our_ids, their_ids):
    """Per-file agreement of two rule groups over files; returns counts and the disagreements."""
    counts = collections.Counter()
    disagreements = []
    for name in sorted(files):
        mine = sorted({(r, l) for r, l in ours.get(name, []) if r in our_ids}, key=lambda x: (x[1], x[0]))
        other = sorted({(r, l) for r, l in theirs.get(name, []) if r in their_ids}, key=lambda x: (x[1], x[0]))
        key = ("both" if other else "ours") if mine else ("theirs" if other else "neither")
        counts[key] += 1
        if key in ("ours", "theirs"):
            disagreements.append({"file": name, "only": key, "palisade": mine, "other": other})
    return counts, disagreements


def fmt(hits):
    return ", ".join(f"{r}@{l}" for r, l in hits) or "—"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(SHARED, "corpus", "dockerfile"))
    ap.add_argument("--palisade", help="palisade binary (default: the release build of this repo)")
    ap.add_argument("--work", help="keep raw reports here (default: a new temp dir)")
    ap.add_argument("--reuse", action="store_true", help="reuse raw reports already in --work")
    ap.add_argument("--samples", type=int, default=6, help="disagreements printed per pair and side")
    ap.add_argument("--details", help="write every disagreement to this JSON file")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit(f"compare: {args.corpus} is absent; the comparison needs the shared corpus")

    work = args.work or tempfile.mkdtemp(prefix="palisade-compare-")
    os.makedirs(work, exist_ok=True)
    corpus = os.path.join(work, "corpus")
    if not (args.reuse and os.path.isdir(corpus)):
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.copytree(args.corpus, corpus, ignore=shutil.ignore_patterns("*.md"))
    names = sorted(os.listdir(corpus))
    rule_ids, pairs = load_pairs()

    def wanted(out):
        return not (args.reuse and os.path.exists(out))

    palisade = palisade_binary(args.palisade)
    out = os.path.join(work, "palisade.json")
    if wanted(out):
        # Exit 2 means some files were unreadable; they are listed in the report's errors.
        run([palisade, "scan", "--format", "json", "--fail-on", "never", "--unknown", "warn",
             "--only", ",".join(rule_ids), "corpus"], out, cwd=work, ok=(0, 1, 2))
    out = os.path.join(work, "hadolint.json")
    if wanted(out):
        run(["hadolint", "-f", "json", "--no-fail", "--warning", "DL3057"] + names, out, cwd=corpus)
    out = os.path.join(work, "checkov.json")
    if wanted(out):
        run(["checkov", "--skip-download", "-d", "corpus", "--framework", "dockerfile", "-o", "json"],
            out, cwd=work)
    isolated = conflicting_arg_files(corpus)
    trivy_batch = os.path.join(work, "trivy.json")
    trivy_outputs = [trivy_batch] + [os.path.join(work, f"trivy-single-{i}.json") for i in range(len(isolated))]
    if wanted(trivy_batch):
        single_dir = os.path.join(work, "trivy-single")
        shutil.rmtree(single_dir, ignore_errors=True)
        os.makedirs(single_dir)
        for i, name in enumerate(isolated):
            one = os.path.join(single_dir, str(i))
            os.makedirs(one)
            shutil.copy(os.path.join(corpus, name), one)
            run(["trivy", "config", "--format", "json", "--skip-check-update", one], trivy_outputs[i + 1])
        batch_dir = os.path.join(work, "trivy-batch")
        shutil.rmtree(batch_dir, ignore_errors=True)
        shutil.copytree(corpus, batch_dir, ignore=lambda _, entries: [e for e in entries if e in isolated])
        stderr = run(["trivy", "config", "--format", "json", "--skip-check-update", "trivy-batch"],
                     trivy_batch, cwd=work)
        if "eval_conflict_error" in stderr:
            print("compare: warning: Trivy's batch run still logged a rego eval_conflict_error; "
                  "some checks are missing for every file of the batch", file=sys.stderr)

    pal_failed, pal = read_palisade(os.path.join(work, "palisade.json"))
    reads = {
        "palisade": (set(names) - pal_failed, pal),
        "hadolint": read_hadolint(os.path.join(work, "hadolint.json"), names),
        "checkov": read_checkov(os.path.join(work, "checkov.json")),
        "trivy": read_trivy(trivy_outputs),
    }

    print("## Versions\n")
    print(f"- palisade: {version([palisade, '--version'])}")
    print(f"- hadolint: {version(['hadolint', '--version'])}")
    print(f"- checkov: {version(['checkov', '--version'])}")
    print(f"- trivy: {version(['trivy', '--version'])}")
    print(f"- corpus: {len(names)} Dockerfiles from {args.corpus}")
    if isolated:
        print(f"- Trivy ran {len(isolated)} files alone (ARG redeclared with another default): "
              + ", ".join(isolated))

    print("\n## Files each tool evaluated\n")
    print("| tool | evaluated | not evaluated (parse error or not detected) |")
    print("|---|---|---|")
    for tool, (evaluated, _) in reads.items():
        missing = sorted(set(names) - evaluated)
        print(f"| {tool} | {len(evaluated & set(names))} | {len(missing)} |")
    for tool, (evaluated, _) in reads.items():
        missing = sorted(set(names) - evaluated)
        if missing:
            print(f"\n{tool} did not evaluate: " + ", ".join(missing))

    details = []
    rng = random.Random(0)
    our_evaluated, ours = reads["palisade"]
    for tool in TOOLS:
        evaluated, theirs = reads[tool]
        common = our_evaluated & evaluated
        print(f"\n## palisade vs {tool} (files both evaluated: {len(common)})\n")
        print("| palisade | " + tool + " | both flag | only palisade | only " + tool + " | neither | agree |")
        print("|---|---|---|---|---|---|---|")
        samples = []
        for our_ids, their_ids in pairs[tool]:
            counts, disagreements = compare(ours, theirs, common, set(our_ids), set(their_ids))
            agree = (counts["both"] + counts["neither"]) / max(1, len(common))
            label = ", ".join(their_ids) if len(their_ids) <= 3 else f"{their_ids[0]} … {their_ids[-1]} ({len(their_ids)})"
            print(f"| {'+'.join(our_ids)} | {label} | {counts['both']} | {counts['ours']} | {counts['theirs']} "
                  f"| {counts['neither']} | {agree:.0%} |")
            for d in disagreements:
                d.update(tool=tool, pair=["+".join(our_ids), list(their_ids)])
                details.append(d)
            for side in ("ours", "theirs"):
                chosen = [d for d in disagreements if d["only"] == side]
                samples += rng.sample(chosen, min(args.samples, len(chosen)))
        if samples:
            print(f"\nSample of disagreements (palisade hits | {tool} hits, as RULE@line):\n")
            for d in samples:
                print(f"- {d['pair'][0]} only {'palisade' if d['only'] == 'ours' else tool}: "
                      f"`{d['file']}`: {fmt(d['palisade'])} | {fmt(d['other'])}")
    if args.details:
        with open(args.details, "w") as f:
            json.dump(details, f, indent=1)
    print(f"\n(raw reports in {work})")


if __name__ == "__main__":
    main()
