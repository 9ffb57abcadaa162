#!/usr/bin/env python3
"""What recommendations as records cost, side by side in one run.

On the 212 UPR reports of ../shared/corpora/upr/reports, best of N rounds,
the tools alternated round by round:

  ingest before  `sextant ingest --jobs 2` of a build without records
                 (--before BIN: the commit before issue 12) into a new index;
  ingest after   the same with this build: meeting facts, records and their
                 index entries (threads are made when asked, not at ingest);
  pdftotext -P2  the PDFs' text alone, two processes at a time (the floor a
                 user's own script over the text would start from);
  recommendations  `sextant recommendations --jobs 2` of the same files.

Reports wall and CPU seconds (all processes), peak resident memory, the
index's size, and the ratio after/before (issue 12's target: at most
1.15x). Then `sextant history --json` for every State reviewed twice, one
query each: the median and the slowest time, what threading costs a user.

    tests/bench/recommendations_bench.py --before BIN [--sextant BIN] [--rounds 3]
        [--also LABEL=BIN ...]

--also adds the ingest of another build to each round (an earlier commit
with records, say), labelled "ingest LABEL".
"""
import argparse
import glob
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UPR = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "upr")


def timed(command, **kwargs):
    """Wall seconds, CPU seconds of the children, peak RSS (MiB) of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    wrapped = ["/usr/bin/time", "-f", "%M"] + command
    run = subprocess.run(wrapped, capture_output=True, text=True, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode not in (0, 1):
        sys.exit(f"{' '.join(command[:2])} failed ({run.returncode}): {run.stderr[-1500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rss = int(run.stderr.strip().splitlines()[-1]) / 1024
    return wall, cpu, rss, run


def folder_bytes(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sextant", default=os.path.join(ROOT, "build", "cli", "sextant"))
    parser.add_argument("--before", required=True, help="a sextant built without recommendation records")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--also", action="append", default=[], metavar="LABEL=BIN",
                        help="another build's ingest, side by side")
    args = parser.parse_args()
    if not os.path.isdir(UPR):
        sys.exit(f"skipped: {UPR} is absent")
    reports = sorted(glob.glob(os.path.join(UPR, "reports", "*.pdf")))
    best = {}
    sizes = {}
    tmp = tempfile.mkdtemp(prefix="recommendations_bench_")
    try:
        for round_number in range(args.rounds):
            builds = [("ingest before", args.before), ("ingest after", args.sextant)]
            builds += [("ingest " + label, binary) for label, _, binary in (a.partition("=") for a in args.also)]
            for name, binary in builds:
                index = os.path.join(tmp, name.replace(" ", "_"))
                shutil.rmtree(index, ignore_errors=True)
                result = timed([binary, "ingest", "--jobs", "2", "--index", index, *reports])
                sizes[name] = folder_bytes(index)
                best[name] = min(best.get(name, result[:3]), result[:3])
            result = timed(["sh", "-c", "printf '%s\\0' \"$@\" | xargs -0 -n 1 -P 2 sh -c 'pdftotext -q \"$0\" - > /dev/null'",
                            "sh", *reports])
            best["pdftotext -P2"] = min(best.get("pdftotext -P2", result[:3]), result[:3])
            result = timed([args.sextant, "recommendations", "--jobs", "2", *reports])
            records = len(result[3].stdout.splitlines())
            best["recommendations"] = min(best.get("recommendations", result[:3]), result[:3])
            print(f"round {round_number + 1} done", file=sys.stderr)
        print(f"212 UPR reports, {len(reports)} files, best of {args.rounds} rounds; {records} records")
        print(f"{'tool':16} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9} {'index MB':>9}")
        for name, (wall, cpu, rss) in best.items():
            size = f"{sizes[name] / 1e6:9.1f}" if name in sizes else " " * 9
            print(f"{name:16} {wall:7.1f} {cpu:7.1f} {rss:9.0f} {size}")
        wb, cb, _ = best["ingest before"]
        wa, ca, _ = best["ingest after"]
        print(f"ingest after / before: wall {wa / wb:.3f}x, CPU {ca / cb:.3f}x (target <= 1.15x)")
        for label, _, _ in (a.partition("=") for a in args.also):
            wl, cl, _ = best["ingest " + label]
            print(f"ingest {label} / before: wall {wl / wb:.3f}x, CPU {cl / cb:.3f}x")

        index = os.path.join(tmp, "ingest_after")
        states = {}
        for line in open(os.path.join(UPR, "recommendations.jsonl"), encoding="utf-8"):
            row = json.loads(line)
            states.setdefault(row["state_under_review"], set()).add(row["file"])
        twice = sorted(s for s, f in states.items() if len(f) == 2)
        times = []
        for state in twice:
            start = time.perf_counter()
            subprocess.run([args.sextant, "history", "--index", index, "--json", "--limit", "1000", f'to:"{state}"'],
                           capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        print(f"sextant history to:STATE, {len(twice)} States reviewed twice (about 300 records each): "
              f"median {statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms (process start included)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
