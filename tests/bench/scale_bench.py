#!/usr/bin/env python3
"""Ingest at scale (issue 15): peak resident memory and wall time per page of
`sextant ingest` on 200, 2,000, 20,000 distinct PDFs, side by side with
`pdftotext` on the same files; and ingest throughput with 1, 2, 4 shards
written in parallel (one `sextant ingest --shard K/N` process each).

The PDFs are made by the fixture generator (corpora/fixtures/
make_fixture_pdfs, many PDFs per process): document sets of six language
versions (ar, en, es, fr, ru, zh), each set with its own symbol
(A/SX/<n>) and its own real UN wording: the sentences of the UN Parallel
Corpus development set (../shared/corpora/unpc-devset), the same lines in
each language, taken from a different place for each set. Three pages a
version. Files are named <n>-<lang>.pdf, so that a set's versions come
together in path order, as in the UN's own archive (symbol, then language);
`--layout by-language` names them <lang>/<n>.pdf instead (an archive sorted
by language: every set's versions far apart, each one reopening its set).

    scale_bench.py make --count 2000 --out /tmp/scale2000 [--generator BIN]
    scale_bench.py memory --before OLD_SEXTANT --sextant NEW_SEXTANT DIR...
    scale_bench.py shards --sextant BIN [--counts 1,2,4] DIR

`memory` runs pdftotext over every file (two at a time, as `--jobs 2`),
then each sextant once into a fresh index with --jobs 2, and prints one
Markdown row per folder and tool: files, pages, peak RSS, wall, CPU, wall
per page, ratios to pdftotext. `shards` runs N processes at once, each
`--shard K/N` into its own index (`--jobs` cores/N, at least 1), for each
N, and prints the wall time, pages per second and the sum of the indexes'
entries (xapian-delve).
"""
import argparse
import concurrent.futures
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh"]
LETTER = {"ar": "A", "en": "E", "es": "S", "fr": "F", "ru": "R", "zh": "C"}
HEADINGS = {"ar": "تقرير", "en": "Report", "es": "Informe", "fr": "Rapport", "ru": "Доклад", "zh": "报告"}
PAGES_PER_VERSION = 3
PARAGRAPHS_PER_PAGE = 4
SENTENCES_PER_PARAGRAPH = 2
MAX_CHARACTERS = {"zh": 90}  # of a sentence (others: 220), so that every page fits


def corpora_folder(args):
    return args.corpora or os.environ.get("SEXTANT_CORPORA", os.path.join(ROOT, "..", "shared", "corpora"))


def devset_lines(corpora):
    lines = {}
    for language in LANGUAGES:
        path = os.path.join(corpora, "unpc-devset", f"UNv1.0.devset.{language}")
        with open(path, encoding="utf-8") as f:
            lines[language] = [line.strip() for line in f]
    return lines


def spec(number, language, lines):
    """The fixture spec of set `number`'s version in `language`."""
    base = json.load(open(os.path.join(ROOT, "corpora", "fixtures", f"{language}.json"), encoding="utf-8"))
    count = len(lines[language])
    start = (number * 37) % count  # a different place for each set (37 is prime to 4,000)
    pages = []
    for page in range(PAGES_PER_VERSION):
        paragraphs = [{"kind": "heading", "text": f"{HEADINGS[language]} {number}"}] if page == 0 else []
        for p in range(PARAGRAPHS_PER_PAGE):
            first = start + (page * PARAGRAPHS_PER_PAGE + p) * SENTENCES_PER_PARAGRAPH
            limit = MAX_CHARACTERS.get(language, 220)
            sentences = [lines[language][(first + s) % count][:limit] for s in range(SENTENCES_PER_PARAGRAPH)]
            joiner = "" if language == "zh" else " "
            paragraphs.append({"kind": "body", "text": f"{p + 1}. " + joiner.join(sentences)})
        pages.append({"paragraphs": paragraphs, "footnotes": []})
    base["symbol"] = f"A/SX/{number}"
    base["job_number"] = f"V.{number // 100000 % 100:02d}-{number % 100000:05d} ({LETTER[language]})"
    base["pages"] = pages
    return base


def make(args):
    generator = args.generator or os.path.join(ROOT, "build", "corpora", "fixtures", "make_fixture_pdfs")
    if not os.access(generator, os.X_OK):
        sys.exit(f"scale_bench: {generator} is not built (needs pangocairo; see scripts/make-fixtures)")
    lines = devset_lines(corpora_folder(args))
    sets = (args.count + len(LANGUAGES) - 1) // len(LANGUAGES)
    specs = tempfile.mkdtemp(prefix="scale-specs-")
    pairs = []
    files = 0  # in the folder when done: made now, or there already
    for number in range(1, sets + 1):
        for language in LANGUAGES:
            if files == args.count:
                break
            files += 1
            if args.layout == "by-language":
                out = os.path.join(args.out, language, f"{number:06d}.pdf")
            else:
                out = os.path.join(args.out, f"{number:06d}-{language}.pdf")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            if os.path.exists(out):
                continue
            spec_path = os.path.join(specs, f"{language}-{number}.json")
            with open(spec_path, "w", encoding="utf-8") as f:
                json.dump(spec(number, language, lines), f, ensure_ascii=False)
            pairs.append((spec_path, out))
    chunks = [pairs[i:i + 200] for i in range(0, len(pairs), 200)]

    def run(chunk):
        subprocess.run([generator] + [x for pair in chunk for x in pair], check=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        list(pool.map(run, chunks))
    shutil.rmtree(specs)
    print(f"scale_bench: {len(pdfs(args.out))} PDFs in {args.out}")


def pdfs(folder):
    return sorted(glob.glob(os.path.join(folder, "**", "*.pdf"), recursive=True))


def timed(command, env=None):
    """Peak RSS (KiB), wall and CPU seconds of one command (via /usr/bin/time)."""
    start = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)
    wall = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"scale_bench: {' '.join(command[:4])}... failed:\n{result.stderr[-2000:]}")
    peak, user, system = result.stderr.strip().splitlines()[-1].split()
    return int(peak), wall, float(user) + float(system), result.stderr


def pdftotext_all(files, jobs):
    """Wall and CPU seconds of pdftotext over `files`, `jobs` at a time."""
    start = time.monotonic()
    before = os.times()

    def one(path):
        subprocess.run(["pdftotext", path, "/dev/null"], check=True, stderr=subprocess.DEVNULL)

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, files))
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return time.monotonic() - start, cpu


def page_total(stderr):
    """The pages the ingest summary line reports."""
    for line in reversed(stderr.splitlines()):
        if line.startswith("ingest: ") and " pages," in line:
            return int(line.split(" pages,")[0].split()[-1])
    return 0


def memory(args):
    print("| files | pages | tool | peak RSS | wall | CPU | wall/page | wall ÷ pdftotext | CPU ÷ pdftotext |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for folder in args.folders:
        files = pdfs(folder)
        # pdftotext costs the same per page at every size (23.5 ms a page at
        # 200 and 2,000 files): --no-pdftotext saves its long run at 20,000.
        text_wall, text_cpu = pdftotext_all(files, args.jobs) if not args.no_pdftotext else (float("nan"),) * 2
        pages = 0
        rows = []
        for name, binary in (("before", args.before), ("after", args.sextant)):
            if not binary:
                continue
            with tempfile.TemporaryDirectory(prefix="scale-index-", dir=args.scratch) as index:
                command = [binary, "ingest", "--index", os.path.join(index, "ix"), "--jobs", str(args.jobs)]
                command += args.extra.split() if name == "after" else []
                peak, wall, cpu, stderr = timed(command + [folder])
                pages = page_total(stderr) or pages
                rows.append((name, peak, wall, cpu))
        if not args.no_pdftotext:
            print(f"| {len(files):,} | {pages:,} | pdftotext | | {text_wall:.1f} s | {text_cpu:.1f} s | "
                  f"{1000 * text_wall / max(pages, 1):.2f} ms | | |")
        for name, peak, wall, cpu in rows:
            print(f"| {len(files):,} | {pages:,} | sextant {name} | {peak / 1024:.0f} MB | {wall:.1f} s | {cpu:.1f} s | "
                  f"{1000 * wall / max(pages, 1):.2f} ms | {wall / text_wall:.2f}× | {cpu / text_cpu:.2f}× |",
                  flush=True)


def shards(args):
    files = pdfs(args.folder)
    print(f"{len(files):,} files in {args.folder}")
    print("| processes | wall | pages/s | peak RSS (largest) | entries (sum of shards) |")
    print("|---:|---:|---:|---:|---:|")
    for count in [int(c) for c in args.counts.split(",")]:
        with tempfile.TemporaryDirectory(prefix="scale-shards-", dir=args.scratch) as scratch:
            start = time.monotonic()
            commands = []
            for k in range(1, count + 1):
                jobs = max(1, args.cores // count)  # the machine's cores shared among the processes
                command = [args.sextant, "ingest", "--index", os.path.join(scratch, f"shard{k}"), "--jobs",
                           str(jobs)]
                if count > 1:
                    command += ["--shard", f"{k}/{count}"]
                commands.append(command + [args.folder])
            with concurrent.futures.ThreadPoolExecutor(max_workers=count) as pool:
                results = list(pool.map(timed, commands))
            wall = time.monotonic() - start
            pages = sum(page_total(r[3]) for r in results)  # each shard counts its own sets' pages
            entries = 0
            for k in range(1, count + 1):
                out = subprocess.run(["xapian-delve", os.path.join(scratch, f"shard{k}")], capture_output=True,
                                     text=True)
                for line in out.stdout.splitlines():
                    if line.startswith("number of documents"):
                        entries += int(line.split("=")[-1])
            peak = max(r[0] for r in results)
            print(f"| {count} | {wall:.1f} s | {pages / wall:.1f} | {peak / 1024:.0f} MB | {entries:,} |", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=None)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("make")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--generator")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--layout", choices=["together", "by-language"], default="together")
    p = sub.add_parser("memory")
    p.add_argument("--before")
    p.add_argument("--sextant", required=True)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--scratch", default=None)
    p.add_argument("--no-pdftotext", action="store_true")
    p.add_argument("--extra", default="", help="flags given to the after binary only, e.g. '--memory 200'")
    p.add_argument("folders", nargs="+")
    p = sub.add_parser("shards")
    p.add_argument("--sextant", required=True)
    p.add_argument("--counts", default="1,2,4")
    p.add_argument("--cores", type=int, default=2, help="--jobs of each process: cores / processes, at least 1")
    p.add_argument("--scratch", default=None)
    p.add_argument("folder")
    args = parser.parse_args()
    {"make": make, "memory": memory, "shards": shards}[args.command](args)


if __name__ == "__main__":
    main()
