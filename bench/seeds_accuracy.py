#!/usr/bin/env python3
"""Score `snipcheck list` against a careful human reading of the seed documents.

The ground truth is bench/seeds_truth.json: one entry per code block a careful
reader sees, {"file", "start_line", "end_line", "language", "form", "note"},
with 1-based document lines of the first and last line of code (fence lines
and trailing blank lines excluded).

This script runs `build/snipcheck list ../shared/seeds --format json` (paths
relative to the repository root unless given on the command line), matches the
snippets it reports to the truth entries of the same file, and prints per file
and overall:

  truth   number of truth entries
  found   number of snippets snipcheck reported
  exact   pairs whose start and end line are both equal
  recall  exact / truth          precision  exact / found
  lang    language accuracy over the exact pairs
  ovl     further pairs whose ranges only overlap (for diagnosis; they count
          as a miss and a false positive in recall and precision)

then every miss, false positive, overlap-only pair, language mismatch and form
mismatch, with lines.  It is a measurement, not a test: it always exits 0.

Usage:
  python3 bench/seeds_accuracy.py [--binary PATH] [--seeds DIR] [--truth FILE]
                                  [--json FILE]
Relative paths given on the command line are taken from the current
directory; the defaults are relative to the repository root.
"""

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

LANG_ALIASES = {
    "py": "python", "python3": "python", "pycon": "python",
    "sh": "bash", "shell": "bash", "console": "bash", "zsh": "bash",
    "yml": "yaml", "docker": "dockerfile", "js": "javascript",
    "mysql": "sql", "postgresql": "sql", "postgres": "sql", "sqlite": "sql",
    "cfg": "ini", "dotenv": "env",
}


def norm_lang(lang):
    lang = (lang or "").strip().lower()
    return LANG_ALIASES.get(lang, lang)


def is_embedded(item):
    return item.get("form") == "embedded"


def rng(item):
    return "%d-%d" % (item["start_line"], item["end_line"])


def overlap(a, b):
    lo = max(a["start_line"], b["start_line"])
    hi = min(a["end_line"], b["end_line"])
    return max(0, hi - lo + 1)


def match_file(truth, found):
    """Return (exact_pairs, overlap_pairs, misses, false_positives)."""
    t_left = list(range(len(truth)))
    f_left = list(range(len(found)))
    exact = []

    # Exact range matches: first with the same embedded-ness, then any.
    for same_kind_only in (True, False):
        for ti in list(t_left):
            t = truth[ti]
            for fi in f_left:
                f = found[fi]
                if (t["start_line"], t["end_line"]) != (f["start_line"], f["end_line"]):
                    continue
                if same_kind_only and is_embedded(t) != is_embedded(f):
                    continue
                exact.append((t, f))
                t_left.remove(ti)
                f_left.remove(fi)
                break

    # Overlap matches among the rest, greedily by largest overlap,
    # preferring the same embedded-ness.
    candidates = []
    for ti in t_left:
        for fi in f_left:
            ov = overlap(truth[ti], found[fi])
            if ov:
                same = is_embedded(truth[ti]) == is_embedded(found[fi])
                candidates.append((not same, -ov, ti, fi))
    candidates.sort()
    ovl = []
    used_t, used_f = set(), set()
    for _, _, ti, fi in candidates:
        if ti in used_t or fi in used_f:
            continue
        used_t.add(ti)
        used_f.add(fi)
        ovl.append((truth[ti], found[fi]))
    misses = [truth[ti] for ti in t_left if ti not in used_t]
    fps = [found[fi] for fi in f_left if fi not in used_f]
    return exact, ovl, misses, fps


def pct(num, den):
    return "%5.1f%%" % (100.0 * num / den) if den else "    - "


def describe_found(f):
    extra = []
    if f.get("info") not in (None, ""):
        extra.append("info=%s" % f["info"])
    defects = f.get("defects") or []
    if defects:
        names = []
        for d in defects:
            names.append(d.get("defect", str(d)) if isinstance(d, dict) else str(d))
        extra.append("defects=" + ",".join(names))
    return (" [" + "; ".join(extra) + "]") if extra else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", help="snipcheck executable (default: build/snipcheck)")
    ap.add_argument("--seeds", help="seed folder (default: ../shared/seeds)")
    ap.add_argument("--truth", help="truth file (default: bench/seeds_truth.json)")
    ap.add_argument("--json", help="also write the comparison as JSON to this file")
    args = ap.parse_args()

    binary = os.path.abspath(args.binary) if args.binary else os.path.join(REPO, "build", "snipcheck")
    seeds = os.path.abspath(args.seeds) if args.seeds else os.path.normpath(os.path.join(REPO, "..", "shared", "seeds"))
    truth_path = os.path.abspath(args.truth) if args.truth else os.path.join(REPO, "bench", "seeds_truth.json")
    # Run with the repository root as the working directory and the seed
    # folder relative to it, as `build/snipcheck list ../shared/seeds` does.
    seeds_arg = os.path.relpath(seeds, REPO)

    try:
        with open(truth_path, encoding="utf-8") as fh:
            truth_all = json.load(fh)
    except (OSError, ValueError) as exc:
        print("cannot read truth file %s: %s" % (truth_path, exc))
        return 0

    cmd = [binary, "list", seeds_arg, "--format", "json"]
    print("$ (cd %s && %s)" % (REPO, " ".join(cmd)))
    try:
        proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    except (OSError, subprocess.SubprocessError) as exc:
        print("cannot run snipcheck: %s" % exc)
        return 0
    if proc.returncode != 0:
        print("snipcheck exited with status %d" % proc.returncode)
    if proc.stderr.strip():
        print("snipcheck stderr:\n" + proc.stderr.decode("utf-8", "replace").rstrip())
    try:
        report = json.loads(proc.stdout.decode("utf-8"))
    except ValueError as exc:
        print("snipcheck did not print JSON: %s" % exc)
        return 0

    found_by_file = defaultdict(list)
    for s in report.get("snippets", []):
        found_by_file[os.path.basename(s.get("file", ""))].append(s)
    truth_by_file = defaultdict(list)
    for t in truth_all:
        truth_by_file[t["file"]].append(t)
    files = set(truth_by_file) | set(found_by_file)
    for d in report.get("documents", []):
        files.add(os.path.basename(d.get("file", "")))
    files = sorted(f for f in files if f)

    header = "%-28s %6s %6s %6s %8s %9s %5s %8s" % (
        "file", "truth", "found", "exact", "recall", "precision", "ovl", "lang")
    print()
    print(header)
    print("-" * len(header))

    tot = defaultdict(int)
    details = []
    out_json = {"files": {}, "overall": {}}
    for name in files:
        truth = sorted(truth_by_file.get(name, []), key=lambda x: (x["start_line"], x["end_line"]))
        found = sorted(found_by_file.get(name, []), key=lambda x: (x["start_line"], x["end_line"]))
        exact, ovl, misses, fps = match_file(truth, found)
        lang_ok = [p for p in exact if norm_lang(p[0]["language"]) == norm_lang(p[1].get("language"))]
        lang_bad = [p for p in exact + ovl if norm_lang(p[0]["language"]) != norm_lang(p[1].get("language"))]
        form_bad = [p for p in exact if p[0]["form"] != p[1].get("form")]
        print("%-28s %6d %6d %6d %8s %9s %5d %8s" % (
            name[:28], len(truth), len(found), len(exact),
            pct(len(exact), len(truth)), pct(len(exact), len(found)),
            len(ovl), pct(len(lang_ok), len(exact))))
        for k, v in (("truth", len(truth)), ("found", len(found)), ("exact", len(exact)),
                     ("ovl", len(ovl)), ("lang_ok", len(lang_ok))):
            tot[k] += v
        details.append((name, misses, fps, ovl, lang_bad, form_bad))
        out_json["files"][name] = {
            "truth": len(truth), "found": len(found), "exact": len(exact),
            "overlap_only": len(ovl), "language_ok": len(lang_ok),
            "misses": [{"start_line": t["start_line"], "end_line": t["end_line"],
                        "language": t["language"], "form": t["form"]} for t in misses],
            "false_positives": [{"start_line": f["start_line"], "end_line": f["end_line"],
                                 "language": f.get("language"), "form": f.get("form")} for f in fps],
            "overlap_only_pairs": [{"truth": rng(t), "found": rng(f)} for t, f in ovl],
            "language_mismatches": [{"truth": rng(t), "found": rng(f), "truth_language": t["language"],
                                     "found_language": f.get("language")} for t, f in lang_bad],
            "form_mismatches": [{"range": rng(t), "truth_form": t["form"], "found_form": f.get("form")}
                                for t, f in form_bad],
        }
    print("-" * len(header))
    print("%-28s %6d %6d %6d %8s %9s %5d %8s" % (
        "overall", tot["truth"], tot["found"], tot["exact"],
        pct(tot["exact"], tot["truth"]), pct(tot["exact"], tot["found"]),
        tot["ovl"], pct(tot["lang_ok"], tot["exact"])))
    out_json["overall"] = dict(tot)

    print("\nDisagreements (T = truth, S = snipcheck)")
    any_detail = False
    for name, misses, fps, ovl, lang_bad, form_bad in details:
        lines = []
        for t, f in ovl:
            lines.append("  overlap only   T %-11s %-10s %-8s | S %-11s %-10s %-8s%s" % (
                rng(t), t["language"], t["form"], rng(f), f.get("language"), f.get("form"), describe_found(f)))
        for t in misses:
            lines.append("  miss           T %-11s %-10s %-8s %s" % (
                rng(t), t["language"], t["form"], t.get("note", "")))
        for f in fps:
            lines.append("  false positive S %-11s %-10s %-8s%s" % (
                rng(f), f.get("language"), f.get("form"), describe_found(f)))
        for t, f in lang_bad:
            lines.append("  language       %-11s T %-10s S %-10s%s" % (
                rng(t) if rng(t) == rng(f) else rng(t) + "~" + rng(f), t["language"], f.get("language"),
                describe_found(f)))
        for t, f in form_bad:
            lines.append("  form           %-11s T %-10s S %-10s" % (rng(t), t["form"], f.get("form")))
        if lines:
            any_detail = True
            print(name)
            print("\n".join(lines))
    if not any_detail:
        print("  none")

    if args.json:
        try:
            with open(args.json, "w", encoding="utf-8") as fh:
                json.dump(out_json, fh, indent=1)
        except OSError as exc:
            print("cannot write %s: %s" % (args.json, exc))
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # a measurement never fails the caller
        print("seeds_accuracy: internal error: %r" % (exc,))
    sys.exit(0)
