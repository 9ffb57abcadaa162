#!/usr/bin/env python3
"""Damaged PDFs through `sextant extract`: no crash, no hang, every failure
one line naming the file, the batch goes on, no damaged file called a scan,
no garbage passed as text without a word (tests/reliability/README.md).

    mutants.py --sextant build/cli/sextant              # the check (CTest)
    mutants.py --sextant BIN --count 300 --table --pdftotext   # the measure

The check makes --count mutants with scripts/make-mutants (seed 14) in a
temporary folder, runs them through one `sextant extract --json` process
(a crash or a hang there is then pinned on its files, each run alone) and
exits 1 naming every problem. With --table it runs each mutant alone
instead, through sextant and, with --pdftotext, through pdftotext, and
prints how each tool came out of them, for docs/benchmarks.md; it then
always exits 0.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMORY_ERROR = re.compile(r"ERROR: (Address|Memory|Thread)Sanitizer|runtime error:")
LEAK = re.compile(r"ERROR: LeakSanitizer")
# What a damaged PDF may fail with (no_text_layer only as "no readable
# text", a font's character map lost, never as "an image-only scan").
FAILURE_CODES = {"not_pdf", "damaged", "encrypted", "empty", "no_text_layer"}
# Words; each Han character on its own (Chinese has no spaces to cut at).
WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]|[^\W\u3400-\u4dbf\u4e00-\u9fff]+")
COMPLETE = 0.9  # a mutant's text holding this share of its source's words is whole


def words(text):
    return WORD.findall(text.lower())


def bad_characters(text):
    """Characters that are no text: controls (but tab and line breaks),
    private use (but a symbol font's U+F000-U+F0FF), unassigned, U+FFFD."""
    return sum(1 for c in text
               if (unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs") and c not in "\t\n\r"
                   and not "\uf000" <= c <= "\uf0ff") or c == "\ufffd")


def is_garbage(text, vocabulary):
    """Text that is not the source's: many words it does not hold, or
    characters that are no text."""
    found = words(text)
    unknown = sum(1 for w in found if w not in vocabulary)
    if found and unknown >= 10 and unknown > 0.25 * len(found):
        return True
    stripped = "".join(text.split())
    return bool(stripped) and bad_characters(stripped) > 0.05 * len(stripped)


def document_text(document):
    return "\n".join(p.get("text", "") for p in document.get("paragraphs", []))


def run(command, timeout):
    """(returncode or None on timeout, stdout, stderr, seconds)."""
    start = time.monotonic()
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"), \
            time.monotonic() - start
    except subprocess.TimeoutExpired as expired:
        return None, (expired.stdout or b"").decode("utf-8", "replace"), \
            (expired.stderr or b"").decode("utf-8", "replace"), time.monotonic() - start


def crashed(returncode, stderr):
    """A signal, an exit status no command gives, or a sanitizer's report."""
    return returncode is not None and (returncode < 0 or returncode > 2 or bool(MEMORY_ERROR.search(stderr))
                                       or bool(LEAK.search(stderr)))


def crash_kind(stderr):
    return "leak" if LEAK.search(stderr) and not MEMORY_ERROR.search(stderr) else "crash or memory error"


class Source:
    """What the tools read from the undamaged PDF: its words."""

    def __init__(self, sextant_words, pdftotext_words):
        self.sextant = collections.Counter(sextant_words)
        self.sextant_count = len(sextant_words)
        self.pdftotext = collections.Counter(pdftotext_words)
        self.pdftotext_count = len(pdftotext_words)


def read_sources(args, paths):
    """Each source's words, as sextant reads it (all in one process) and,
    with --pdftotext, as pdftotext does."""
    code, out, err, _ = run([args.sextant, "extract", "--json"] + [str(p) for p in paths], args.timeout * len(paths))
    if code != 0:
        sys.exit(f"mutants.py: the sources themselves fail: {err.strip()}")
    sources = {}
    for path, line in zip(paths, out.splitlines()):
        pdftotext_words = []
        if args.pdftotext:
            _, text, _, _ = run(["pdftotext", "-enc", "UTF-8", str(path), "-"], args.timeout)
            pdftotext_words = words(text)
        sources[path.stem] = Source(words(document_text(json.loads(line))), pdftotext_words)
    return sources


def classify_sextant(source, code, document, stderr, name, returncode):
    """One word for how sextant came out of one mutant."""
    if returncode is None:
        return "hang"
    if crashed(returncode, stderr):
        return crash_kind(stderr)
    if document is None:
        return "no output"
    error = document.get("error")
    if error:
        if error["code"] == "no_text_layer":
            return "called a scan" if "scan" in error["message"] else "failed: no readable text, OCR"
        return "failed: damaged" if error["code"] in ("damaged", "not_pdf") else "failed: " + error["code"]
    text = document_text(document)
    warned = any(name in line for line in stderr.splitlines())
    if is_garbage(text, source.sextant):
        return "garbage as text, said so" if warned else "garbage as text, silently"
    if len(words(text)) >= COMPLETE * source.sextant_count:
        return "text, whole"
    return "text, part, said so" if warned else "text, part, silently"


def classify_pdftotext(source, returncode, text, stderr):
    if returncode is None:
        return "hang"
    if returncode < 0:
        return "crash or memory error"
    said = bool(stderr.strip())
    if returncode != 0:
        return "failed: damaged" if said else "failed: silently"
    found = words(text)
    if not found:
        return "no text, damage said" if said else "no text, silently"
    if is_garbage(text, source.pdftotext):
        return "garbage as text, said so" if said else "garbage as text, silently"
    if len(found) >= COMPLETE * source.pdftotext_count:
        return "text, whole"
    return "text, part, said so" if said else "text, part, silently"


def check(args, mutants, sources, source_of):
    """The CI check: one batch process, then each file alone if it died."""
    problems = []
    paths = [str(m) for m in mutants]
    budget = args.timeout + 2 * len(paths)
    code, out, err, seconds = run([args.sextant, "extract", "--json", "--jobs", str(args.jobs)] + paths, budget)
    if code is None or crashed(code, err):
        what = "hung" if code is None else f"died (exit {code})"
        problems.append(f"the batch of {len(paths)} mutants {what}; each alone:")
        for path in paths:
            alone, _, alone_err, _ = run([args.sextant, "extract", "--json", path], args.timeout)
            if alone is None:
                problems.append(f"  {path}: hangs (over {args.timeout} s)")
            elif crashed(alone, alone_err):
                problems.append(f"  {path}: crashes (exit {alone}):\n" + alone_err[-3000:])
        return problems, seconds
    documents = [json.loads(line) for line in out.splitlines() if line.strip()]
    if len(documents) != len(paths):
        problems.append(f"{len(documents)} JSON lines for {len(paths)} files: the batch did not go on")
        return problems, seconds
    lines = [line for line in err.splitlines() if line.strip()]
    failed = 0
    for path, document in zip(paths, documents):
        name = Path(path).name
        if document.get("file") != path:
            problems.append(f"{name}: JSON line out of order ({document.get('file')})")
            continue
        about = [line for line in lines if path in line]
        error = document.get("error")
        if error:
            failed += 1
            if error["code"] not in FAILURE_CODES:
                problems.append(f"{name}: fails with code {error['code']}: {error['message']}")
            if error["code"] == "no_text_layer" and "scan" in error["message"]:
                problems.append(f"{name}: a damaged PDF called a scan: {error['message']}")
            if len(about) != 1 or not about[0].startswith(f"sextant: {path}: "):
                problems.append(f"{name}: failed with {len(about)} lines on stderr naming it, not one: {about}")
        else:
            text = document_text(document)
            if is_garbage(text, sources[source_of[name]].sextant) and not about:
                problems.append(f"{name}: garbage passed as text, and nothing said: {text[:200]!r}")
            lost = [d for d in document.get("diagnostics", []) if d["code"] in ("damaged_pages", "unreadable_pages")]
            if len(about) != len(lost):
                problems.append(f"{name}: {len(lost)} diagnostics of pages lost, {len(about)} lines on stderr: {about}")
    strays = [line for line in lines if not any(p in line for p in paths)]
    if strays:
        problems.append(f"lines on stderr naming no file: {strays[:5]}")
    if code != (1 if failed else 0):
        problems.append(f"exit status {code} with {failed} files failed (docs/cli.md: 1 if any failed, else 0)")
    print(f"mutants.py: {len(paths)} mutants in {seconds:.1f} s: {failed} failed, one line each; "
          f"{len(paths) - failed} read", file=sys.stderr)
    return problems, seconds


def table(args, mutants, sources, source_of):
    """Each mutant alone through each tool; prints the outcome counts."""
    def one(path):
        name = path.name
        source = sources[source_of[name]]
        code, out, err, seconds = run([args.sextant, "extract", "--json", str(path)], args.timeout)
        try:
            document = json.loads(out.splitlines()[0]) if out.strip() else None
        except json.JSONDecodeError:
            document = None
        outcome = {"file": name, "sextant": classify_sextant(source, code, document, err, name, code),
                   "sextant_s": seconds, "sextant_line": err.strip().splitlines()[:1]}
        if args.pdftotext:
            code, text, err, seconds = run(["pdftotext", "-enc", "UTF-8", str(path), "-"], args.timeout)
            outcome["pdftotext"] = classify_pdftotext(source, code, text, err)
            outcome["pdftotext_s"] = seconds
            outcome["pdftotext_line"] = err.strip().splitlines()[:1]
        return outcome

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(one, mutants))
    tools = ["sextant"] + (["pdftotext"] if args.pdftotext else [])
    for outcome in outcomes:
        print("\t".join([outcome["file"]] + [outcome[t] for t in tools] +
                        [" | ".join(outcome[t + "_line"]) for t in tools]))
    print()
    kinds = sorted({outcome[t] for outcome in outcomes for t in tools})
    print("| outcome | " + " | ".join(tools) + " |")
    print("|---|" + "---|" * len(tools))
    for kind in kinds:
        print(f"| {kind} | " + " | ".join(str(sum(1 for o in outcomes if o[t] == kind)) for t in tools) + " |")
    for t in tools:
        print(f"{t}: {sum(o[t + '_s'] for o in outcomes):.1f} s over {len(outcomes)} mutants")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sextant", required=True, help="the sextant binary")
    parser.add_argument("--count", type=int, default=48, help="mutants (default 48: each kind twice)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--first", type=int, default=0, help="index of the first mutant")
    parser.add_argument("--source", action="append", help="a PDF to mutate (default: corpora/pdf/*.pdf)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=60, help="seconds one file may take (default 60)")
    parser.add_argument("--table", action="store_true", help="measure: each mutant alone, print the outcomes")
    parser.add_argument("--pdftotext", action="store_true", help="with --table: pdftotext on the same mutants")
    parser.add_argument("--keep", help="make the mutants in this folder and leave them there")
    args = parser.parse_args()
    os.environ.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1")
    os.environ.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    os.environ.setdefault("LSAN_OPTIONS", f"suppressions={Path(__file__).resolve().parent / 'lsan-suppressions.txt'}:print_suppressions=0")

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sextant-mutants-"))
    try:
        make = [sys.executable, str(ROOT / "scripts" / "make-mutants"), str(folder), "--count", str(args.count),
                "--seed", str(args.seed), "--first", str(args.first)]
        for source in args.source or []:
            make += ["--source", source]
        subprocess.run(make, check=True)
        paths = [Path(s) for s in args.source] if args.source else sorted((ROOT / "corpora" / "pdf").glob("*.pdf"))
        sources = read_sources(args, paths)
        with open(folder / "mutants.tsv", encoding="utf-8") as manifest:
            rows = [line.rstrip("\n").split("\t") for line in manifest][1:]
        mutants = [folder / row[0] for row in rows]
        source_of = {row[0]: row[1] for row in rows}
        if args.table:
            table(args, mutants, sources, source_of)
            return 0
        problems, _ = check(args, mutants, sources, source_of)
        for problem in problems:
            print(f"mutants.py: {problem}", file=sys.stderr)
        return 1 if problems else 0
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
