#!/usr/bin/env python3
"""Ingest benchmark: `sextant ingest` against `pdftotext` alone and Xapian's `omindex`.

Side by side on the same PDFs in the same run (the fixtures in corpora/pdf
and every PDF below ../shared/corpora/un-pdf), best of N rounds, the tools
alternated round by round so that machine noise hits them all:

  pdftotext      one process per file, one after the other, text to
                 /dev/null: extraction alone, no index (the floor);
  pdftotext -P2  the same, two processes at a time (xargs -P 2), as Sextant
                 uses two workers (--jobs 2);
  omindex        Xapian's own indexer (Debian xapian-omega) into a new
                 database; it runs pdftotext itself on each PDF. It takes one
                 folder, so it gets a folder of symbolic links to the same
                 files, with --follow;
  sextant        `sextant ingest --jobs 2` into a new index: extraction,
                 furniture, paragraphs, sentences, tags, alignment of each
                 document's language versions, and the Xapian index;
  re-ingest      `sextant ingest` again on the same index (every file
                 unchanged), informative.

Reports seconds (wall clock), pages per second and the time ratio of
Sextant to each tool (below 1: Sextant is faster), and the CPU seconds
(user + system, of all processes; best round) with their ratio: on a
loaded machine the wall-clock ratio of two-thread Sextant against one
pdftotext process depends on what else runs, the CPU ratio much less. Issue 5's target: Sextant's ingest,
alignment included, within 2x the time of pdftotext alone.

    tests/bench/ingest_bench.py [--sextant BIN] [--rounds N] [--tmp DIR]
"""
import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import time

from bench_pdf import page_count

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pdf_files(corpora):
    roots = [os.path.join(ROOT, "corpora", "pdf")]
    un_pdf = os.path.join(corpora, "un-pdf")
    if os.path.isdir(un_pdf):
        roots.append(un_pdf)
    else:
        print(f"ingest_bench: {un_pdf} not found; fixtures only", file=sys.stderr)
    files = []
    for root in roots:
        for folder, _, names in sorted(os.walk(root)):
            files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".pdf")]
    return roots, files


def link_folder(files, folder):
    """A flat folder of symbolic links to `files` (for omindex)."""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for k, path in enumerate(files):
        os.symlink(path, os.path.join(folder, f"{k:04d}_{os.path.basename(path)}"))


def timed(command, **kwargs):
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kwargs)
    return time.perf_counter() - start, result


def run_pdftotext(files, _tmp):
    start = time.perf_counter()
    for path in files:
        subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", path, "-"], stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, ""


def run_pdftotext_parallel(files, _tmp):
    listing = "\0".join(files).encode()
    start = time.perf_counter()
    subprocess.run(["xargs", "-0", "-P", "2", "-I", "{}", "pdftotext", "-q", "-enc", "UTF-8", "{}", "-"],
                   input=listing, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, ""


def run_omindex(_files, tmp):
    db = os.path.join(tmp, "omindex-db")
    shutil.rmtree(db, ignore_errors=True)
    seconds, result = timed(["omindex", "--follow", "--db", db, "--url", "/", os.path.join(tmp, "links")])
    if result.returncode != 0:
        sys.exit(f"ingest_bench: omindex failed: {result.stderr[-500:]}")
    return seconds, ""


def sextant_runner(sextant, roots, fresh):
    def run(_files, tmp):
        index = os.path.join(tmp, "sextant-index")
        if fresh:
            shutil.rmtree(index, ignore_errors=True)
        seconds, result = timed([sextant, "ingest", "--jobs", "2", "--index", index] + roots)
        summary = [line for line in result.stderr.splitlines() if line.startswith("ingest: ") and " pages, " in line]
        if not summary:
            sys.exit(f"ingest_bench: sextant ingest gave no summary: {result.stderr[-500:]}")
        return seconds, summary[-1]
    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sextant", default=os.path.join(ROOT, "build", "cli", "sextant"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tmp", default="/tmp/ingest_bench")
    parser.add_argument("--corpora", default=os.environ.get(
        "SEXTANT_CORPORA", os.path.join(ROOT, "..", "shared", "corpora")))
    args = parser.parse_args()
    if not os.access(args.sextant, os.X_OK):
        sys.exit(f"ingest_bench: {args.sextant} is not built; run scripts/build")
    for tool, package in (("pdftotext", "poppler-utils"), ("omindex", "xapian-omega")):
        if shutil.which(tool) is None:
            sys.exit(f"ingest_bench: {tool} not found; run scripts/install-deps (Debian {package})")

    load = os.getloadavg()[0]
    roots, files = pdf_files(args.corpora)
    pages = sum(page_count(f) for f in files)
    os.makedirs(args.tmp, exist_ok=True)
    link_folder(files, os.path.join(args.tmp, "links"))
    tools = {
        "pdftotext": run_pdftotext,
        "pdftotext -P2": run_pdftotext_parallel,
        "omindex": run_omindex,
        "sextant": sextant_runner(args.sextant, roots, fresh=True),
        "re-ingest": sextant_runner(args.sextant, roots, fresh=False),
    }
    best = {name: (float("inf"), "") for name in tools}
    cpu = {name: float("inf") for name in tools}  # user + system seconds of the children
    for _ in range(args.rounds):
        for name, run in tools.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            seconds, note = run(files, args.tmp)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name] = min(cpu[name], after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if seconds < best[name][0]:
                best[name] = (seconds, note)

    print(f"files: {len(files)}, pages: {pages}, rounds: {args.rounds} (best of), cores: {os.cpu_count()}, "
          f"load average before: {load:.1f}")
    sextant = best["sextant"][0]
    print(f"{'tool':14} {'seconds':>8} {'pages/s':>8} {'sextant/tool':>13} {'CPU s':>7} {'CPU ratio':>10}")
    for name, (seconds, _) in best.items():
        print(f"{name:14} {seconds:8.2f} {pages / seconds:8.1f} {sextant / seconds:12.2f}x "
              f"{cpu[name]:7.2f} {cpu['sextant'] / cpu[name]:9.2f}x")
    phases = re.search(r"\(extract ([\d.]+), align ([\d.]+), index ([\d.]+)[,)]", best["sextant"][1])
    print("sextant:", best["sextant"][1].removeprefix("ingest: "))
    if phases:
        print("sextant phases (s): extract {}, align {}, index {}".format(*(f"{float(p):.2f}" for p in phases.groups())))
    ratio = sextant / best["pdftotext"][0]
    print(f"target: sextant ingest within 2x of pdftotext alone: {ratio:.2f}x "
          f"({'met' if ratio <= 2 else 'NOT met'})")
    shutil.rmtree(args.tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
