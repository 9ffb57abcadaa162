#!/usr/bin/env python3
"""An Arabic scan: the Arabic fixture rendered in grey at 300 dpi
(pdftoppm) into a PDF with no text layer (img2pdf), read by `extract
--json`. It checks what the Arabic OCR's parts give (stages/ocr):

  - the symbol and language are the born-digital file's;
  - the masthead's Latin lines ("Distr.: General", "Original: English"),
    read by the Arabic-script model and set left to right, are furniture,
    not body text;
  - Arabic-Indic numbers, which the Arabic model alone misreads, come
    out: the date "٢٩ حزيران/يونيه" and the list numbers "٣-" and "٤-";
  - words the dictionary mends ("في", not "فى");
  - the paragraph's last line that Tesseract's page layout drops
    ("للتحديات العملية … بفعالية.") is read;
  - at least 12 of the 27 paragraphs come out exactly (10 before these
    parts; 13 when written).

    ocr_arabic_test.py SEXTANT FIXTURES

Exit 77 (skipped) without pdftoppm or img2pdf.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

SEXTANT, FIXTURES = sys.argv[1:3]


def extract(path):
    done = subprocess.run([SEXTANT, "extract", "--json", path], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"sextant extract {path} failed ({done.returncode}): {done.stderr}")
    return json.loads(done.stdout)


def main():
    if not shutil.which("pdftoppm") or not shutil.which("img2pdf"):
        print("skipped: pdftoppm or img2pdf not installed (scripts/install-deps installs them)")
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="sextant-ocr-ar-test-")
    try:
        original = os.path.join(FIXTURES, "ar.pdf")
        subprocess.run(["pdftoppm", "-gray", "-r", "300", "-png", original, os.path.join(work, "page")],
                       check=True)
        images = sorted(os.path.join(work, n) for n in os.listdir(work) if n.endswith(".png"))
        scan = os.path.join(work, "ar.pdf")
        subprocess.run(["img2pdf", "--imgsize", "300dpi", "-o", scan] + images, check=True)

        reference = extract(original)
        read = extract(scan)
        for field in ("symbol", "language"):
            if read[field] != reference[field]:
                sys.exit(f"{field}: {read[field]!r}, the born-digital file gives {reference[field]!r}")
        paragraphs = [p["text"] for p in read["paragraphs"]]
        body = "\n".join(paragraphs)
        checks = {
            "masthead kept out of the body": "Distr" not in body and "Original" not in body,
            "the date's Arabic-Indic digits": "٢٩ حزيران/يونيه" in body,
            "list numbers": any(p.startswith("٣- ") for p in paragraphs)
                            and any(p.startswith("٤- ") for p in paragraphs),
            "words the dictionary mends": "فى " not in body and "في مجال" in body,
            "the line the page layout drops": "بفعالية" in body,
        }
        failed = [name for name, passed in checks.items() if not passed]
        if failed:
            sys.exit(f"not met: {', '.join(failed)}; paragraphs: {paragraphs}")
        expected = [p["text"] for p in reference["paragraphs"]]
        right = sum(1 for p in expected if p in paragraphs)
        if right < 12:
            sys.exit(f"{right} of {len(expected)} paragraphs right: {paragraphs}")
        print(f"ocr: {read['symbol']} {read['language']}, {len(checks)} checks, "
              f"{right} of {len(expected)} paragraphs")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
