#!/usr/bin/env python3
"""Unreadable text layers made from real PDFs: each of the six fixtures with
its fonts' ToUnicode maps shifted by 3 code points (as an offset character
map gives text: "Xqlwhg" for "United") or removed (Poppler then falls back
on the font's own encoding), made with qpdf (--qdf, the maps edited,
fix-qdf). `extract --ocr never` must:

  - refuse every shifted file with "its text layer is unreadable" (exit 1),
    the signal that decided named;
  - refuse the removed maps whose fallback gives no text (Arabic, Chinese,
    Russian: control or private-use characters);
  - read the removed maps whose fallback gives the text (English, French,
    Spanish), every page judged ok, with 95 % or more of the original's
    words.

    unreadable_test.py SEXTANT FIXTURES

Exit 77 (skipped) without qpdf and fix-qdf.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SEXTANT, FIXTURES = sys.argv[1:3]
LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]
READABLE_WITHOUT_MAP = {"en", "fr", "es"}


def made(original, mode, out, work):
    """`original` with its ToUnicode maps shifted or removed, written to `out`."""
    qdf = os.path.join(work, "plain.qdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", original, qdf], check=True)
    with open(qdf, "rb") as f:
        data = f.read()
    if mode == "remove":
        data = re.sub(rb"/ToUnicode \d+ 0 R", b"", data)
    else:
        def shifted(pair):
            target = pair.group(2)
            if len(target) != 4:
                return pair.group(0)
            return pair.group(1) + b"<%04x>" % (int(target, 16) + 3)
        data = re.sub(rb"beginbfchar.*?endbfchar",
                      lambda block: re.sub(rb"(<[0-9a-fA-F]+> )<([0-9a-fA-F]+)>", shifted, block.group(0)),
                      data, flags=re.S)
    edited = os.path.join(work, "edited.qdf")
    with open(edited, "wb") as f:
        f.write(data)
    with open(out, "wb") as f:
        subprocess.run(["fix-qdf", edited], stdout=f, check=True)


def extract(path):
    return subprocess.run([SEXTANT, "extract", "--json", "--ocr", "never", path], capture_output=True, text=True)


def words(document):
    return [w for p in document["paragraphs"] for w in p["text"].split()]


def main():
    if not shutil.which("qpdf") or not shutil.which("fix-qdf"):
        print("skipped: qpdf not installed (scripts/install-deps installs it)")
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="sextant-unreadable-test-")
    failures, caught, read = [], 0, 0
    try:
        for language in LANGUAGES:
            original = os.path.join(FIXTURES, f"{language}.pdf")
            for mode in ("shift", "remove"):
                path = os.path.join(work, f"{language}-{mode}.pdf")
                made(original, mode, path, work)
                done = extract(path)
                if mode == "remove" and language in READABLE_WITHOUT_MAP:
                    if done.returncode != 0:
                        failures.append(f"{language} {mode}: refused: {done.stderr.strip()}")
                        continue
                    document = json.loads(done.stdout)
                    verdicts = {p["text_layer"] for p in document["pages"]}
                    expected = words(json.loads(extract(original).stdout))
                    found = set(words(document))
                    share = sum(1 for w in expected if w in found) / max(len(expected), 1)
                    if verdicts != {"ok"} or share < 0.95:
                        failures.append(f"{language} {mode}: pages {verdicts}, {share:.0%} of the words")
                    else:
                        read += 1
                    continue
                if done.returncode != 1 or "its text layer is unreadable (" not in done.stderr:
                    failures.append(f"{language} {mode}: exit {done.returncode}: {done.stderr.strip()[:200]}")
                else:
                    caught += 1
        if failures:
            sys.exit("not as expected:\n" + "\n".join(failures))
        print(f"unreadable: {caught} of 9 made layers caught, {read} of 3 read right")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
