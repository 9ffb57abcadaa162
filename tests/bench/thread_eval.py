#!/usr/bin/env python3
"""Threads of recommendations on the UPR States reviewed twice.

Ingests ../shared/corpora/upr/reports into a temporary index (or uses
--index), then for every State with two reports in the corpus asks
`sextant history --json to:STATE` and counts how the second review's
recommendations thread with the first's: recommendations of the later
review that continue a thread of the earlier one ("recur"), threads with
wordings from both reviews, and their wordings changed or not. Prints
--sample threads that span both reviews, at random (fixed seed), for a
person to read and judge.

    tests/bench/thread_eval.py [--sextant BIN] [--index DIR] [--sample 50]
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UPR = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "upr")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sextant", default=os.path.join(ROOT, "build", "cli", "sextant"))
    parser.add_argument("--index")
    parser.add_argument("--sample", type=int, default=50)
    args = parser.parse_args()
    if not os.path.isdir(UPR):
        sys.exit(f"skipped: {UPR} is absent")
    temp = None
    index = args.index
    if not index:
        temp = tempfile.TemporaryDirectory()
        index = os.path.join(temp.name, "index")
        subprocess.run([args.sextant, "ingest", "--index", index, "--jobs", "2", os.path.join(UPR, "reports")],
                       check=True, capture_output=True)
    files = collections.defaultdict(set)
    for line in open(os.path.join(UPR, "recommendations.jsonl"), encoding="utf-8"):
        row = json.loads(line)
        files[row["state_under_review"]].add(row["file"])
    twice = sorted(state for state, f in files.items() if len(f) == 2)

    later_records = recurring = spanning = changed = 0
    samples = []
    for state in twice:
        out = subprocess.run([args.sextant, "history", "--index", index, "--json", "--limit", "1000",
                              f"to:\"{state}\""], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{state}: {out.stderr.strip()}", file=sys.stderr)
            continue
        result = json.loads(out.stdout)
        symbols = sorted({item["symbol"] for t in result["threads"] for item in t["items"]},
                         key=lambda s: min(i["meeting_dates"][:1] or [""] for t in result["threads"]
                                           for i in t["items"] if i["symbol"] == s))
        if len(symbols) < 2:
            continue
        later = symbols[-1]
        for thread in result["threads"]:
            in_thread = {item["symbol"] for item in thread["items"]}
            later_records += sum(1 for item in thread["items"] if item["symbol"] == later)
            if len(in_thread) >= 2:
                spanning += 1
                recurring += sum(1 for item in thread["items"] if item["symbol"] == later)
                if any(w["op"] != "same" for c in thread["changes"] for w in c["words"]):
                    changed += 1
                samples.append((state, thread))
    print(f"States reviewed twice: {len(twice)}; records of the later reviews: {later_records}")
    print(f"later records that continue a thread of the earlier review: {recurring} "
          f"({recurring / max(later_records, 1):.1%}); threads over both reviews: {spanning}, "
          f"of which reworded: {changed}")
    random.seed(12)
    for state, thread in random.sample(samples, min(args.sample, len(samples))):
        print(f"\n== {state}")
        for item in thread["items"]:
            print(f"  {item['meeting_dates'][:1]} {item['id']} [{item['response']}] ({', '.join(item['recommending'])}): {item['text']}")


if __name__ == "__main__":
    main()
