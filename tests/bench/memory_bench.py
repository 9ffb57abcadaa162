#!/usr/bin/env python3
"""Memory per document: peak resident memory of `sextant extract` and
`sextant ingest` on one long PDF, side by side with `pdftotext`.

The long PDFs are made of real UN material: the UPR reports of
../shared/corpora/upr/reports, in name order, put one after the other with
qpdf (the last one cut) until each size is reached, in a temporary folder.
At each size every tool runs once on the same file, in the same run; peak
memory and CPU seconds come from /usr/bin/time. What grows with the page
count, and by how much per page, is what the table shows.

    tests/bench/memory_bench.py [--sextant BIN] [--sizes 250,500,1000,2000]
"""
import argparse
import os
import subprocess
import sys
import tempfile

from bench_pdf import page_count

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def make_pdf(reports, pages, out):
    """A PDF of the first `pages` pages of `reports`, one after the other."""
    args, total = [], 0
    for path, count in reports:
        if total >= pages:
            break
        take = min(count, pages - total)
        args += [path, f"1-{take}"]
        total += take
    if total < pages:
        sys.exit(f"memory_bench: the reports have {total} pages, fewer than {pages}")
    subprocess.run(["qpdf", "--empty", "--pages", *args, "--", out], check=True)


def measure(command):
    """Peak resident memory in KiB and CPU seconds (user + system) of one run."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + command,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"memory_bench: {' '.join(command)} failed:\n{result.stderr}")
    peak, user, system = result.stderr.strip().splitlines()[-1].split()
    return int(peak), float(user) + float(system)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sextant", default=os.path.join(ROOT, "build", "cli", "sextant"))
    parser.add_argument("--sizes", default="250,500,1000,2000")
    parser.add_argument("--corpora", default=os.environ.get(
        "SEXTANT_CORPORA", os.path.join(ROOT, "..", "shared", "corpora")))
    args = parser.parse_args()
    if not os.access(args.sextant, os.X_OK):
        sys.exit(f"memory_bench: {args.sextant} is not built; run scripts/build")
    folder = os.path.join(args.corpora, "upr", "reports")
    if not os.path.isdir(folder):
        sys.exit(f"memory_bench: {folder} not found")
    reports = [(os.path.join(folder, name), page_count(os.path.join(folder, name)))
               for name in sorted(os.listdir(folder)) if name.endswith(".pdf")]

    tools = {
        "pdftotext": lambda pdf, tmp: ["pdftotext", "-q", "-enc", "UTF-8", pdf, os.devnull],
        "extract --text": lambda pdf, tmp: [args.sextant, "extract", "--text", pdf],
        "extract --json": lambda pdf, tmp: [args.sextant, "extract", "--json", pdf],
        "ingest": lambda pdf, tmp: [args.sextant, "ingest", "--index", os.path.join(tmp, "index"), pdf],
    }
    print(f"{'pages':>5} " + " ".join(f"{name + ' MiB':>19}" for name in tools) + "   CPU s: "
          + " ".join(f"{name:>8}" for name in tools))
    rows = []
    for pages in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            pdf = os.path.join(tmp, f"upr-{pages}.pdf")
            make_pdf(reports, pages, pdf)
            results = {}
            for name, command in tools.items():
                results[name] = measure(command(pdf, tmp))
        base = results["pdftotext"][0]
        cells = [f"{results['pdftotext'][0] / 1024:19.1f}"]
        cells += [f"{results[name][0] / 1024:11.1f} ({results[name][0] / base:4.1f}x)" for name in list(tools)[1:]]
        print(f"{pages:5} " + " ".join(cells) + "          "
              + " ".join(f"{results[name][1]:8.1f}" for name in tools))
        rows.append((pages, results))
    if len(rows) >= 2:
        (p0, r0), (p1, r1) = rows[0], rows[-1]
        growth = " ".join(f"{name} {(r1[name][0] - r0[name][0]) / (p1 - p0):.1f}" for name in tools)
        print(f"growth, KiB per page from {p0} to {p1} pages: {growth}")
    print("x: peak memory against pdftotext's on the same file (target for extract: <= 5x)")


if __name__ == "__main__":
    main()
