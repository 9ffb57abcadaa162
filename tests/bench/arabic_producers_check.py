#!/usr/bin/env python3
"""Arabic from three producers: paragraphs right, and real UN wording.

  arabic_producers_check.py --sextant build/cli/sextant [--fixtures-only]
      [--sentences 120] [--keep DIR]

1. The fixture text (corpora/fixtures/ar.json) as the three committed PDFs
   set it (corpora/pdf/ar.pdf, corpora/producers/ar-*.pdf): paragraphs
   of `sextant extract --json` equal to the spec's (markers and soft
   hyphens out, white space folded), of 27.
2. Real UN wording: the first N Arabic sentences of ../shared/corpora/
   unpc-devset (UNv1.0.devset.ar), set as a spec of several pages by the
   project's generator (corpora/fixtures/make_fixture_pdfs, built in a
   scratch folder), LibreOffice and Chromium (scripts/make-arabic-producers'
   way); per producer, the sentences found whole in a paragraph, and the
   share of extracted Arabic words that are words of the devset (all 4,000
   sentences). The shared corpora hold no Arabic PDF of their own.
Run by hand (docs/benchmarks.md, "Issue 13: Arabic from three producers").
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
ARABIC_WORD = re.compile(r"[\u0620-\u064A\u066E-\u06D3]+")


def clean(text):
    text = re.sub(r"\{fn:\d+\}", "", text).replace("\u00ad", "")
    return " ".join(text.split())


def paragraphs(sextant, pdf):
    out = subprocess.run([sextant, "extract", "--json", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [clean(p["text"]) for p in json.loads(out.splitlines()[0]).get("paragraphs", [])]


def fixture_check(sextant):
    spec = json.loads((ROOT / "corpora/fixtures/ar.json").read_text(encoding="utf-8"))
    golden = [clean(p["text"]) for page in spec["pages"] for p in page["paragraphs"] + page.get("footnotes", [])]
    for name, pdf in [("generator", "pdf/ar.pdf"), ("libreoffice", "producers/ar-libreoffice.pdf"),
                      ("chromium", "producers/ar-chromium.pdf")]:
        got = set(paragraphs(sextant, ROOT / "corpora" / pdf))
        print("fixture  %-12s %2d of %d paragraphs right" % (name, sum(g in got for g in golden), len(golden)))


def devset_spec(sentences, per_page):
    pages = []
    for start in range(0, len(sentences), per_page):
        pages.append({"paragraphs": [{"kind": "body", "text": s} for s in sentences[start:start + per_page]],
                      "footnotes": []})
    return {"symbol": "A/70/1", "language": "ar", "date": "2015-09-01", "job_number": "V.15-01234 (A)",
            "header_lines": ["Distr.: General", "١ أيلول/سبتمبر ٢٠١٥", "Arabic", "Original: English"],
            "pages": pages}


def make_pdfs(spec_path, work):
    gen_build = work / "generator"
    subprocess.run(["cmake", "-S", str(ROOT / "corpora/fixtures"), "-B", str(gen_build), "-DCMAKE_BUILD_TYPE=Release"],
                   check=True, capture_output=True)
    subprocess.run(["cmake", "--build", str(gen_build)], check=True, capture_output=True)
    pdfs = {"generator": work / "generator.pdf"}
    subprocess.run([str(gen_build / "make_fixture_pdfs"), str(spec_path), str(pdfs["generator"])], check=True)
    subprocess.run([sys.executable, str(ROOT / "corpora/producers/arabic_sources.py"), str(spec_path), str(work)],
                   check=True)
    subprocess.run(["soffice", "-env:UserInstallation=file://%s/profile" % work, "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(work), str(work / "ar.fodt")], check=True,
                   capture_output=True)
    pdfs["libreoffice"] = work / "libreoffice.pdf"
    (work / "ar.pdf").rename(pdfs["libreoffice"])
    pdfs["chromium"] = work / "chromium.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--user-data-dir=%s/chromium" % work, "--print-to-pdf=%s" % pdfs["chromium"],
                    "file://%s/ar.html" % work], check=True, capture_output=True)
    return pdfs


def devset_check(sextant, count, keep):
    lines = (CORPORA / "unpc-devset/UNv1.0.devset.ar").read_text(encoding="utf-8").splitlines()
    wordlist = {w for line in lines for w in ARABIC_WORD.findall(line)}
    # Sentences of 8 to 60 words, so that pages neither overflow nor hold
    # headings only; the first `count` of them.
    chosen = [" ".join(l.split()) for l in lines if 8 <= len(l.split()) <= 60][:count]
    work = Path(keep) if keep else Path(tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    spec_path = work / "devset.json"
    spec_path.write_text(json.dumps(devset_spec(chosen, 5), ensure_ascii=False, indent=1), encoding="utf-8")
    pdfs = {}
    for name in ("generator", "libreoffice", "chromium"):
        if (work / (name + ".pdf")).exists():
            pdfs[name] = work / (name + ".pdf")
    if len(pdfs) < 3:
        pdfs = make_pdfs(spec_path, work)
    for name, pdf in pdfs.items():
        got = paragraphs(sextant, pdf)
        text = "\n".join(got)
        whole = sum(s in text for s in chosen)
        words = [w for p in got for w in ARABIC_WORD.findall(p)]
        known = sum(w in wordlist for w in words)
        print("devset   %-12s %3d of %d sentences whole, %5d of %5d Arabic words in the devset's words (%.1f %%)"
              % (name, whole, len(chosen), known, len(words), 100.0 * known / max(len(words), 1)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sextant", required=True)
    parser.add_argument("--sentences", type=int, default=120)
    parser.add_argument("--fixtures-only", action="store_true")
    parser.add_argument("--keep", help="folder for the devset PDFs (reused when there)")
    args = parser.parse_args()
    fixture_check(args.sextant)
    if not args.fixtures_only:
        devset_check(args.sextant, args.sentences, args.keep)


if __name__ == "__main__":
    main()
