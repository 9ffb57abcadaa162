#!/usr/bin/env python3
"""A scan, as a user has one: the English fixture's first page rendered in
grey at 200 dpi (pdftoppm) into a PDF with no text layer (img2pdf), then:

  - `extract --json` reads it by OCR: the page says text_layer "none" and
    ocr true, the symbol and language are the born-digital file's, and at
    least 5 of the page's first 6 paragraphs come out exactly;
  - `extract --ocr never` refuses it, naming the file and the way out;
  - PDF → index → query: `ingest` then `search --json` finds its words, the
    hit marked as read by OCR.

    ocr_test.py SEXTANT FIXTURES

Exit 77 (skipped) without pdftoppm or img2pdf.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

SEXTANT, FIXTURES = sys.argv[1:3]


def run(*args, check=True):
    done = subprocess.run([SEXTANT, *args], capture_output=True, text=True)
    if check and done.returncode != 0:
        sys.exit(f"sextant {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done


def main():
    if not shutil.which("pdftoppm") or not shutil.which("img2pdf"):
        print("skipped: pdftoppm or img2pdf not installed (scripts/install-deps installs them)")
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="sextant-ocr-test-")
    try:
        original = os.path.join(FIXTURES, "en.pdf")
        subprocess.run(["pdftoppm", "-gray", "-r", "200", "-f", "1", "-l", "1", "-png", original,
                        os.path.join(work, "page")], check=True)
        images = sorted(os.path.join(work, n) for n in os.listdir(work) if n.endswith(".png"))
        scan = os.path.join(work, "scan.pdf")
        subprocess.run(["img2pdf", "--imgsize", "200dpi", "-o", scan] + images, check=True)

        reference = json.loads(run("extract", "--json", original).stdout)
        read = json.loads(run("extract", "--json", scan).stdout)
        pages = read["pages"]
        if [(p["text_layer"], p["ocr"]) for p in pages] != [("none", True)]:
            sys.exit(f"pages: {pages}")
        for field in ("symbol", "language"):
            if read[field] != reference[field]:
                sys.exit(f"{field}: {read[field]!r}, the born-digital file gives {reference[field]!r}")
        expected = [p["text"] for p in reference["paragraphs"] if p["page"] == 1][:6]
        found = [p["text"] for p in read["paragraphs"]]
        right = sum(1 for p in expected if p in found)
        if right < 5:
            sys.exit(f"{right} of {len(expected)} paragraphs right: {found[:8]}")
        if not all(p.get("ocr") for p in read["paragraphs"]):
            sys.exit("a paragraph of the scan is not marked as read by OCR")
        print(f"ocr: {read['symbol']} {read['language']}, {right} of {len(expected)} paragraphs")

        refused = run("extract", "--ocr", "never", scan, check=False)
        print(f"never: exit {refused.returncode}: {refused.stderr.strip()}")

        index = os.path.join(work, "index")
        run("ingest", "--index", index, scan)
        answer = json.loads(run("search", "--index", index, "--json", "adoption agenda").stdout)
        hits = answer["hits"]
        if not hits or not all(hit.get("ocr") for hit in hits):
            sys.exit(f"search: {hits}")
        print(f"search: {answer['total']} hits, read by OCR")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
