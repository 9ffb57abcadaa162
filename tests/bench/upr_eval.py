#!/usr/bin/env python3
"""Recommendations as records against UPR Info's catalogue.

Runs `sextant recommendations` over the 212 UPR review reports in
../shared/corpora/upr/reports and compares its records with the 28,845
recommendations UPR Info catalogued from the same reports
(upr/recommendations.jsonl, one row per recommending State):

  recall     a catalogued row whose text a record of the same report
             matches (word F1 >= 0.9 after folding case, punctuation and
             white space)
  precision  records that match a catalogued row of their report
  states     matched rows whose recommending State is among the record's
             (names folded to UPR Info's short forms: "Iran (Islamic
             Republic of)" is "Iran")
  response   matched rows where the record's response decides it
             (supported / noted) and agrees with the catalogue's final
             answer (Accepted / Noted)

Prints the totals, the figures per Working Group session, the worst ten
reports and examples of what is missed and what is extra.

    tests/bench/upr_eval.py [--sextant BIN] [--records FILE.jsonl] [--show N]
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UPR = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "upr")

# The State names as UPR Info writes them, for those the UN writes otherwise.
SHORT_NAMES = {
    "iran (islamic republic of)": "iran", "islamic republic of iran": "iran",
    "venezuela (bolivarian republic of)": "venezuela", "bolivarian republic of venezuela": "venezuela",
    "bolivia (plurinational state of)": "bolivia", "plurinational state of bolivia": "bolivia",
    "syrian arab republic": "syria", "lao people's democratic republic": "laos",
    "lao people’s democratic republic": "laos",
    "democratic people's republic of korea": "dpr korea", "democratic people’s republic of korea": "dpr korea",
    "former yugoslav republic of macedonia": "macedonia fyr",
    "the former yugoslav republic of macedonia": "macedonia fyr",
    "united republic of tanzania": "tanzania", "republic of moldova": "moldova",
    "state of palestine": "palestine", "libyan arab jamahiriya": "libya",
    "congo": "republic of congo", "republic of the congo": "republic of congo",
    "democratic republic of the congo": "democratic republic of congo",
    "côte d'ivoire": "cote d'ivoire", "côte d’ivoire": "cote d'ivoire",
    "bosnia and herzegovina": "bosnia & herzegovina", "trinidad and tobago": "trinidad & tobago",
    "united kingdom of great britain and northern ireland": "united kingdom",
    "united states of america": "united states", "viet nam": "viet nam", "vietnam": "viet nam",
    "russian federation": "russian federation", "cabo verde": "cape verde",
    "micronesia (federated states of)": "micronesia", "timor leste": "timor-leste",
}


def fold_state(name):
    name = name.strip().lower().replace("’", "'")
    if name.startswith("the "):
        name = name[4:]
    return SHORT_NAMES.get(name, name)


WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    return WORD.findall(text.lower().replace("’", "'"))


def f1(a, b):
    if not a or not b:
        return 0.0
    common = sum((collections.Counter(a) & collections.Counter(b)).values())
    if common == 0:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def run_sextant(sextant):
    reports = sorted(glob.glob(os.path.join(UPR, "reports", "*.pdf")))
    start = time.time()
    out = subprocess.run([sextant, "recommendations", "--jobs", "2", *reports],
                         capture_output=True, text=True)
    seconds = time.time() - start
    if out.returncode not in (0, 1):
        sys.exit(f"sextant recommendations failed ({out.returncode}): {out.stderr[-2000:]}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()], seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sextant", default=os.path.join(ROOT, "build", "cli", "sextant"))
    parser.add_argument("--records", help="records already made (JSON Lines), instead of running sextant")
    parser.add_argument("--show", type=int, default=5, help="examples of misses and extras to print")
    args = parser.parse_args()
    if not os.path.isdir(UPR):
        sys.exit(f"skipped: {UPR} is absent (the UPR corpus beside the checkout)")

    gold = [json.loads(line) for line in open(os.path.join(UPR, "recommendations.jsonl"), encoding="utf-8")]
    if args.records:
        records, seconds = [json.loads(l) for l in open(args.records, encoding="utf-8") if l.strip()], None
    else:
        records, seconds = run_sextant(args.sextant)

    by_file = collections.defaultdict(list)
    for record in records:
        record["_words"] = words(record["text"])
        record["_states"] = {fold_state(s) for s in record["recommending"]}
        record["_matched"] = False
        by_file[os.path.basename(record["file"])].append(record)

    per_report = collections.defaultdict(lambda: [0, 0])  # file -> [matched, total]
    per_session = collections.defaultdict(lambda: [0, 0])
    states_right = states_total = 0
    response_right = response_total = 0
    misses = []
    for row in gold:
        row_words = words(row["text"])
        candidates = []
        for record in by_file.get(row["file"], []):
            score = f1(row_words, record["_words"])
            if score >= 0.9:
                candidates.append(record)
        matched = bool(candidates)
        per_report[row["file"]][1] += 1
        per_session[row["wg_session"]][1] += 1
        if not matched:
            misses.append(row)
            continue
        per_report[row["file"]][0] += 1
        per_session[row["wg_session"]][0] += 1
        state = fold_state(row["recommending_state"])
        with_state = [r for r in candidates if state in r["_states"]]
        states_total += 1
        states_right += bool(with_state)
        best = (with_state or candidates)[0]
        for record in candidates:
            record["_matched"] = True
        if best["response"] in ("supported", "noted"):
            response_total += 1
            expected = "supported" if row["response"] == "Accepted" else "noted"
            response_right += best["response"] == expected

    matched_records = sum(r["_matched"] for r in records)
    recall = sum(m for m, _ in per_report.values()) / len(gold)
    precision = matched_records / len(records) if records else 0.0
    print(f"records {len(records)} from {len(by_file)} reports; catalogue rows {len(gold)}"
          + (f"; sextant recommendations took {seconds:.1f} s" if seconds else ""))
    print(f"recall {recall:.4f}  precision {precision:.4f}  "
          f"recommending State right {states_right / max(states_total, 1):.4f} of {states_total}  "
          f"response consistent {response_right / max(response_total, 1):.4f} of {response_total} decided")
    print("\nper session: session  recall  rows")
    for session in sorted(per_session):
        m, t = per_session[session]
        print(f"  {session:>2}  {m / t:.3f}  {t}")
    print("\nworst ten reports: file  recall  rows  records")
    worst = sorted(per_report.items(), key=lambda kv: kv[1][0] / kv[1][1])[:10]
    for name, (m, t) in worst:
        print(f"  {name:32} {m / t:.3f}  {t:4}  {len(by_file.get(name, []))}")
    print(f"\nmissed (first {args.show}):")
    for row in misses[:: max(1, len(misses) // max(args.show, 1))][: args.show]:
        print(f"  {row['file']} ({row['recommending_state']}): {row['text'][:160]}")
    extras = [r for r in records if not r["_matched"]]
    print(f"\nrecords that match no catalogued row (first {args.show} of {len(extras)}):")
    for record in extras[:: max(1, len(extras) // max(args.show, 1))][: args.show]:
        print(f"  {record['id']} ({'; '.join(record['recommending'])}): {record['text'][:160]}")


if __name__ == "__main__":
    main()
