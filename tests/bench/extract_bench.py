#!/usr/bin/env python3
"""Extraction benchmark: `sextant extract --json` against `pdftotext`.

Side by side on the same PDFs in the same run, one process per file for both
tools, best of N rounds. Reports pages per second of each, the ratio
(Sextant / pdftotext: above 1 means Sextant is faster), and the peak
resident memory of each (from /usr/bin/time). pdftotext does no cleaning at
all; Sextant also removes page furniture, rebuilds paragraphs and tells the
language.

    tests/bench/extract_bench.py [--sextant BIN] [--rounds N]
"""
import argparse
import os
import subprocess
import sys
import time

from bench_pdf import page_count

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pdf_files(shared):
    files = sorted(os.path.join(ROOT, "corpora", "pdf", f)
                   for f in os.listdir(os.path.join(ROOT, "corpora", "pdf")) if f.endswith(".pdf"))
    un_pdf = os.path.join(shared, "un-pdf")
    if os.path.isdir(un_pdf):
        for folder, _, names in sorted(os.walk(un_pdf)):
            for name in sorted(names):
                # The image-only scan has no text for either tool.
                if name.endswith(".pdf") and name != "A_47_843-EN.pdf":
                    files.append(os.path.join(folder, name))
    else:
        print(f"extract_bench: {shared} not found; fixtures only", file=sys.stderr)
    return files


def run_round(command, files):
    """Seconds for one pass over all files, and the largest peak RSS in KiB."""
    peak = 0
    start = time.perf_counter()
    for path in files:
        result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command + [path],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lines = result.stderr.strip().splitlines()
        if lines and lines[-1].isdigit():
            peak = max(peak, int(lines[-1]))
    return time.perf_counter() - start, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sextant", default=os.path.join(ROOT, "build", "cli", "sextant"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpora", default=os.environ.get(
        "SEXTANT_CORPORA", os.path.join(ROOT, "..", "shared", "corpora")))
    args = parser.parse_args()
    if not os.access(args.sextant, os.X_OK):
        sys.exit(f"extract_bench: {args.sextant} is not built; run scripts/build")

    files = pdf_files(args.corpora)
    pages = sum(page_count(f) for f in files)
    # pdftotext writes to stdout ("-"), as Sextant does; the file name goes
    # before it, so it is passed through a tiny shell wrapper.
    # "sextant --text" extracts and cleans (the like of pdftotext's job, plus
    # furniture, paragraphs, language); "sextant --json" also segments and
    # tags every paragraph.
    tools = {
        "pdftotext": ["sh", "-c", 'exec pdftotext -q -enc UTF-8 "$0" -'],
        "sextant --text": [args.sextant, "extract", "--text"],
        "sextant --json": [args.sextant, "extract", "--json"],
    }
    best = {name: (float("inf"), 0) for name in tools}
    # Alternate the tools round by round so that machine noise hits both.
    for _ in range(args.rounds):
        for name, command in tools.items():
            seconds, peak = run_round(command, files)
            if seconds < best[name][0]:
                best[name] = (seconds, max(peak, best[name][1]))
    print(f"files: {len(files)}, pages: {pages}, rounds: {args.rounds} (best of)")
    print(f"{'tool':15} {'seconds':>8} {'pages/s':>9} {'peak MiB':>9} {'ratio':>6}")
    for name, (seconds, peak) in best.items():
        ratio = best["pdftotext"][0] / seconds
        print(f"{name:15} {seconds:8.2f} {pages / seconds:9.1f} {peak / 1024:9.1f} {ratio:5.2f}x")
    print("ratio: throughput against pdftotext's (target for extraction and cleaning, --text: >= 0.5x)")


if __name__ == "__main__":
    main()
