#!/usr/bin/env python3
"""OCR benchmark: Sextant's OCR of image-only PDFs against the `tesseract`
command and `ocrmypdf` followed by `pdftotext`, side by side on the same
pages in the same run.

The image-only PDFs are made here from the six-language fixtures
(corpora/pdf/*.pdf): each page rendered in grey with `pdftoppm` at 150 and
300 dpi, and a noisy variant at 300 dpi (blurred, turned 0.7 degrees, 0.5 %
of pixels salted or peppered), put into a PDF with no text layer by
`img2pdf`. The files are called `ar.pdf` … `zh.pdf`, so that no tool learns
the language from the name: Sextant finds it itself; the other two are
given the right Tesseract model, an advantage.

Each tool is measured against its own reading of the born-digital fixture:
Sextant's OCR against `sextant extract` of the original (which the golden
tests hold equal to the fixtures' text), the two others against
`pdftotext` of the original. The character error rate (CER) is the edit
distance over the reference's length, both without white space (Chinese
has none, and line breaks differ by tool); Sextant's with each reference
paragraph matched to a run of up to three of its paragraphs, best pairs
first (a paragraph cut in two, or a footnote read as body text in another
place, is not wrong twice; a paragraph left unmatched counts whole). Paragraphs recovered: the
reference's paragraphs (Sextant's extract of the original) found whole
in each tool's (compared as for the CER): Sextant's paragraphs; the
others', their runs of lines between blank lines. Symbol and language: Sextant's reading of the scan against the
original's. Pages per second: wall time of one process per file, one at a
time.

    tests/bench/ocr_bench.py [--sextant BIN] [--variants clean300,clean150,noisy300]
                             [--langs ar,zh,en,fr,ru,es] [--tools sextant,tesseract,ocrmypdf]
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

try:
    import Levenshtein
    from PIL import Image, ImageFilter
except ImportError:  # a Python without Debian's packages (pyenv): Debian's own
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODELS = {"ar": "ara", "zh": "chi_sim", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, **kwargs)


def make_scan(original, out_pdf, dpi, noisy, work):
    prefix = os.path.join(work, "page")
    for name in os.listdir(work):
        if name.startswith("page"):
            os.remove(os.path.join(work, name))
    run(["pdftoppm", "-gray", "-r", str(dpi), "-png", original, prefix])
    pages = sorted(os.path.join(work, n) for n in os.listdir(work) if n.startswith("page"))
    if noisy:
        rng = random.Random(7)
        for page in pages:
            image = Image.open(page).convert("L")
            image = image.filter(ImageFilter.GaussianBlur(0.8))
            image = image.rotate(0.7, resample=Image.BICUBIC, fillcolor=255, expand=False)
            pixels = image.load()
            width, height = image.size
            for _ in range(width * height // 200):
                pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 255))
            image.save(page, dpi=(dpi, dpi))
    run(["img2pdf", "--imgsize", f"{dpi}dpi", "-o", out_pdf] + pages)
    return pages


FOLDS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def squeeze(text):
    """Without white space, typographic quotes and dashes folded to ASCII
    (Tesseract reads ' where the PDF has \u2019: one character, not an error
    a reader sees)."""
    return re.sub(r"\s+", "", text).translate(FOLDS)


def cer(text, reference):
    a, b = squeeze(text), squeeze(reference)
    return Levenshtein.distance(a, b) / max(len(b), 1)


def paragraph_cer(paragraphs, reference, longest_run=3):
    """CER with each reference paragraph matched to a run of up to three
    consecutive OCR paragraphs (a paragraph the OCR cut in two is not wrong
    twice), best pairs first, each used once: a paragraph put elsewhere (a
    footnote read as body text) is not counted twice either; one left
    unmatched counts whole, on either side."""
    a = [squeeze(p) for p in paragraphs]
    b = [squeeze(p) for p in reference]
    candidates = []
    for i in range(len(a)):
        for k in range(1, longest_run + 1):
            if i + k > len(a):
                break
            run_text = "".join(a[i:i + k])
            for j, y in enumerate(b):
                edits = Levenshtein.distance(run_text, y)
                candidates.append((edits / max(len(y), 1), edits, tuple(range(i, i + k)), j))
    candidates.sort()
    used_a, used_b, edits = set(), set(), 0
    for _, distance, run_indices, j in candidates:
        if j in used_b or any(i in used_a for i in run_indices):
            continue
        used_a.update(run_indices)
        used_b.add(j)
        edits += distance
    edits += sum(len(a[i]) for i in range(len(a)) if i not in used_a)
    edits += sum(len(b[j]) for j in range(len(b)) if j not in used_b)
    return edits / max(sum(len(y) for y in b), 1)


def paragraphs_found(reference, paragraphs):
    """How many reference paragraphs come out whole among `paragraphs`
    (compared without white space, as the CER is)."""
    whole = {squeeze(p) for p in paragraphs}
    return sum(1 for p in reference if squeeze(p) in whole)


def text_paragraphs(text):
    """A plain text's paragraphs: its runs of lines between blank lines (as
    `tesseract` and `pdftotext` write them)."""
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def sextant_json(sextant, pdf):
    out = subprocess.run([sextant, "extract", "--json", pdf], capture_output=True, text=True)
    return json.loads(out.stdout.splitlines()[0]) if out.stdout.strip() else {}


def paragraphs_of(document):
    return [p["text"] for p in document.get("paragraphs", [])]


def timed(function):
    start = time.monotonic()
    value = function()
    return value, time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sextant", default=os.path.join(ROOT, "build", "cli", "sextant"))
    parser.add_argument("--variants", default="clean300,clean150,noisy300")
    parser.add_argument("--langs", default="ar,zh,en,fr,ru,es")
    parser.add_argument("--tools", default="sextant,tesseract,ocrmypdf")
    parser.add_argument("--keep", help="a folder to keep the scans in")
    args = parser.parse_args()
    tools = args.tools.split(",")
    work = args.keep or tempfile.mkdtemp(prefix="sextant-ocr-bench-")
    pages_dir = os.path.join(work, "pages")
    os.makedirs(pages_dir, exist_ok=True)
    print("variant | lang | pages | Sextant CER | paragraphs | symbol | language | tesseract CER | paragraphs | "
          "ocrmypdf CER | paragraphs | pages/s Sextant | tesseract | ocrmypdf")
    for variant in args.variants.split(","):
        dpi = int(re.sub(r"\D", "", variant))
        noisy = variant.startswith("noisy")
        folder = os.path.join(work, variant)
        os.makedirs(folder, exist_ok=True)
        for lang in args.langs.split(","):
            original = os.path.join(ROOT, "corpora", "pdf", f"{lang}.pdf")
            scan = os.path.join(folder, f"{lang}.pdf")
            images = make_scan(original, scan, dpi, noisy, pages_dir)
            row = [variant, lang, str(len(images))]
            reference = sextant_json(args.sextant, original)
            ref_paragraphs = paragraphs_of(reference)
            if "sextant" in tools:
                read, seconds = timed(lambda: sextant_json(args.sextant, scan))
                found = paragraphs_found(ref_paragraphs, paragraphs_of(read))
                row += [f"{100 * paragraph_cer(paragraphs_of(read), ref_paragraphs):.2f}%",
                        f"{found}/{len(ref_paragraphs)}",
                        "right" if read.get("symbol") == reference.get("symbol") else f"{read.get('symbol')}",
                        "right" if read.get("language") == reference.get("language") else f"{read.get('language')}"]
                sextant_speed = len(images) / seconds
            else:
                row += ["-"] * 4
                sextant_speed = None
            text_ref = run(["pdftotext", original, "-"]).stdout.decode()
            tesseract_speed = ocrmypdf_speed = None
            if "tesseract" in tools:
                def tesseract_all():
                    return "".join(run(["tesseract", image, "-", "-l", MODELS[lang]],
                                       env=dict(os.environ, OMP_THREAD_LIMIT="1")).stdout.decode()
                                   for image in images)
                text, seconds = timed(tesseract_all)
                row += [f"{100 * cer(text, text_ref):.2f}%",
                        f"{paragraphs_found(ref_paragraphs, text_paragraphs(text))}/{len(ref_paragraphs)}"]
                tesseract_speed = len(images) / seconds
            else:
                row += ["-", "-"]
            if "ocrmypdf" in tools:
                out_pdf = os.path.join(folder, f"{lang}-ocrmypdf.pdf")
                def ocrmypdf():
                    run(["ocrmypdf", "-q", "-j", "1", "-l", MODELS[lang], "--output-type", "pdf", scan, out_pdf],
                        env=dict(os.environ, OMP_THREAD_LIMIT="1"))
                    return run(["pdftotext", out_pdf, "-"]).stdout.decode()
                text, seconds = timed(ocrmypdf)
                row += [f"{100 * cer(text, text_ref):.2f}%",
                        f"{paragraphs_found(ref_paragraphs, text_paragraphs(text))}/{len(ref_paragraphs)}"]
                ocrmypdf_speed = len(images) / seconds
            else:
                row += ["-", "-"]
            row += [f"{s:.2f}" if s else "-" for s in (sextant_speed, tesseract_speed, ocrmypdf_speed)]
            print(" | ".join(row), flush=True)
    if not args.keep:
        print(f"(scans in {work})", file=sys.stderr)


if __name__ == "__main__":
    main()
