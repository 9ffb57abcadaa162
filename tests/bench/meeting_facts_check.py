#!/usr/bin/env python3
"""Checks the meeting facts read from the 212 UPR reports against the UPR
Info catalogue (../shared/corpora/upr/recommendations.jsonl: wg_session,
state_under_review per file): the session number, the State under review,
a review date in `dates`, and the session's dates.

  tests/bench/meeting_facts_check.py --build BUILD [--corpora DIR] [--cache DIR]

Extracts each report once with `BUILD/cli/sextant extract --json` into the
cache folder (default /tmp/meeting-facts-cache), reads the facts with
BUILD/tests/bench/meeting_facts_bench (configure with
-DSEXTANT_BUILD_BENCHMARKS=ON), prints every failure and the counts.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import unicodedata

# The catalogue's short names and the names the reports use.
ALIASES = {
    "iran": ["iran (islamic republic of)", "islamic republic of iran"],
    "dpr korea": ["democratic people's republic of korea"],
    "macedonia fyr": ["the former yugoslav republic of macedonia", "former yugoslav republic of macedonia"],
    "micronesia": ["micronesia (federated states of)", "federated states of micronesia"],
    "moldova": ["republic of moldova"],
    "tanzania": ["united republic of tanzania"],
    "venezuela": ["venezuela (bolivarian republic of)", "bolivarian republic of venezuela"],
    "united states": ["united states of america"],
    "cote d'ivoire": ["côte d'ivoire"],
    "st kitts & nevis": ["saint kitts and nevis"],
    "st lucia": ["saint lucia"],
    "sao tome & principe": ["sao tome and principe"],
    "cape verde": ["cabo verde"],
    "germany": ["federal republic of germany"],
    "marshall islands": ["republic of the marshall islands"],
}


def fold(name):
    name = unicodedata.normalize("NFKD", name.lower().replace("’", "'"))
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = name.replace("&", "and").strip()
    return name[4:] if name.startswith("the ") else name


def same_state(catalogue, subject):
    wanted = {fold(catalogue)} | {fold(a) for a in ALIASES.get(catalogue.lower(), [])}
    return fold(subject) in wanted


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True, type=pathlib.Path)
    parser.add_argument("--corpora", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "corpora")
    parser.add_argument("--cache", type=pathlib.Path, default=pathlib.Path("/tmp/meeting-facts-cache"))
    args = parser.parse_args()
    upr = args.corpora / "upr"
    truth = {}
    for line in (upr / "recommendations.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        truth[row["file"]] = (str(row["wg_session"]), row["state_under_review"])
    args.cache.mkdir(parents=True, exist_ok=True)
    jsons = []
    for pdf in sorted((upr / "reports").glob("*.pdf")):
        out = args.cache / (pdf.stem + ".json")
        if not out.exists():
            with out.open("w") as sink:
                subprocess.run([str(args.build / "cli" / "sextant"), "extract", "--json", str(pdf)],
                               stdout=sink, stderr=subprocess.DEVNULL, check=True)
        jsons.append(out)
    bench = args.build / "tests" / "bench" / "meeting_facts_bench"
    result = subprocess.run([str(bench)] + [str(j) for j in jsons], capture_output=True, text=True, check=True)
    counts = {"session": 0, "subject": 0, "review date": 0, "session dates": 0, "all": 0}
    micros = []
    for line in result.stdout.splitlines():
        facts = json.loads(line)
        pdf = pathlib.Path(facts["file"]).stem + ".pdf"
        session, state = truth[pdf]
        micros.append(facts["microseconds"])
        failures = []
        if facts["session"] == session:
            counts["session"] += 1
        else:
            failures.append(f"session {facts['session']!r}, catalogue {session}")
        if same_state(state, facts["subject"]):
            counts["subject"] += 1
        else:
            failures.append(f"subject {facts['subject']!r}, catalogue {state!r}")
        # The review date lies within the session.
        spans = [d.split("/") for d in facts["session_dates"]]
        inside = [d for d in facts["dates"] if any(s[0] <= d <= s[-1] for s in spans)]
        if len(facts["dates"]) == 1 and inside:
            counts["review date"] += 1
        else:
            failures.append(f"dates {facts['dates']} not one day within the session {facts['session_dates']}")
        if len(facts["session_dates"]) == 1 and "/" in facts["session_dates"][0]:
            counts["session dates"] += 1
        else:
            failures.append(f"session_dates {facts['session_dates']} not one span")
        if failures:
            print(f"{pdf}: " + "; ".join(failures))
        else:
            counts["all"] += 1
    total = len(jsons)
    for name, count in counts.items():
        print(f"{name}: {count}/{total}")
    micros.sort()
    print(f"reader time per report: median {micros[len(micros) // 2]} µs, max {micros[-1]} µs")
    return 0 if counts["all"] == total else 1


if __name__ == "__main__":
    sys.exit(main())
