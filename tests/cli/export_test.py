#!/usr/bin/env python3
"""`sextant export` end to end (tests/cli/CMakeLists.txt runs one mode each).

    export_test.py SEXTANT FIXTURES DTD [SHARED_CORPORA] MODE

The six-language fixtures are ingested into a temporary index, then:
  round_trip  for zh-en, fr-en and en-ru, the pairs exported (--min-score 0,
              as TMX, TSV and JSON Lines) are the links stored: the links with
              a sentence on both sides of `sextant align` on the same PDFs
              (pivot first, as ingest aligns them, no dictionary), counted
              apart from the index, and the same texts; the TMX is valid
              against the TMX 1.4b DTD (xmllint --valid).
  min_score   the default leaves out the links below 0.35, --min-score S those
              below S, and --min-score 1 all but the perfect ones.
  query       a query chooses documents: symbol:CTOC/* all the fixtures' pairs,
              a word only one version has all of them (any language matches),
              symbol:NOPE/* none; with ../shared/corpora, a second document
              (ohchr_2, en+fr) is left out by the symbol query and by a word
              only it has.
  atomic      --output: written whole; when writing fails part way (a file
              size limit, RLIMIT_FSIZE, makes the writes fail with EFBIG)
              the command says so, an older file is left as it was and no
              temporary file is left beside it.
  errors      a missing index, bad --langs, --min-score, --format: exit
              status and the message naming the flag and the fix.
Prints one line per check; exits 1 on the first failure.
"""
import json
import os
import resource
import signal
import shutil
import subprocess
import sys
import tempfile


def run(args, expect=0, preexec_fn=None):
    result = subprocess.run(args, capture_output=True, text=True, preexec_fn=preexec_fn)
    if result.returncode != expect:
        sys.exit(f"FAIL {' '.join(args)}: exit {result.returncode}, expected {expect}\n{result.stderr}")
    return result


def fail(message):
    sys.exit("FAIL " + message)


def stored_links(sextant, fixtures, source, target):
    """The (source text, target text, score) of every link with both sides
    that `sextant align` makes from the pivot (en) to the other version."""
    pivot, other = ("en", source) if target == "en" else ("en", target)
    out = run([sextant, "align", f"{fixtures}/{pivot}.pdf", f"{fixtures}/{other}.pdf", "--dictionary", "none"]).stdout
    links = []
    for link in json.loads(out)["links"]:
        if not link["source"] or not link["target"]:
            continue
        if not link["source_text"].strip() or not link["target_text"].strip():
            continue
        texts = {pivot: link["source_text"], other: link["target_text"]}
        links.append((texts[source], texts[target], round(link["score"], 3)))
    return links


def export(sextant, index, *args, expect=0):
    return run([sextant, "export", "--index", index, *args], expect=expect)


def jsonl_pairs(text):
    return [json.loads(line) for line in text.splitlines() if line]


def round_trip(sextant, fixtures, dtd, index, work):
    for source, target in [("zh", "en"), ("fr", "en"), ("en", "ru")]:
        langs = f"{source},{target}"
        links = stored_links(sextant, fixtures, source, target)
        pairs = jsonl_pairs(export(sextant, index, "--langs", langs, "--min-score", "0", "--format", "jsonl").stdout)
        tsv = export(sextant, index, "--langs", langs, "--min-score", "0", "--format", "tsv").stdout.splitlines()
        tmx_path = os.path.join(work, f"{source}_{target}.tmx")
        export(sextant, index, "--langs", langs, "--min-score", "0", "--output", tmx_path)
        tmx = open(tmx_path, encoding="utf-8").read()
        tus = tmx.count("<tu>")
        if not (len(pairs) == len(links) == len(tsv) - 1 == tus) or not links:
            fail(f"{langs}: links {len(links)}, jsonl {len(pairs)}, tsv {len(tsv) - 1}, tmx {tus}")
        if sorted((p["source_text"], p["target_text"]) for p in pairs) != sorted((s, t) for s, t, _ in links):
            fail(f"{langs}: the exported texts are not the aligned ones")
        if not tsv[0].startswith("source_text\ttarget_text\tscore\tsymbol\tdate\tagenda_item"):
            fail(f"{langs}: TSV header {tsv[0]!r}")
        if any(p["symbol"] != "CTOC/COP/WG.4/2022/1" or p["source_language"] != source for p in pairs):
            fail(f"{langs}: a pair without the symbol or the language")
        shutil.copy(dtd, work)
        valid = subprocess.run(["xmllint", "--noout", "--valid", tmx_path], capture_output=True, text=True)
        if valid.returncode != 0:
            fail(f"{langs}: TMX not valid: {valid.stderr[:500]}")
        print(f"{langs}: pairs exported {len(pairs)} = links stored {len(links)} (jsonl, tsv, tmx); tmx valid")


def min_score(sextant, fixtures, dtd, index, work):
    links = stored_links(sextant, fixtures, "zh", "en")
    for args, threshold in [([], 0.35), (["--min-score", "0.8"], 0.8), (["--min-score", "1"], 1.0)]:
        result = export(sextant, index, "--format", "jsonl", *args)
        pairs = jsonl_pairs(result.stdout)
        expected = sum(1 for _, _, score in links if score >= threshold)
        if len(pairs) != expected or any(p["score"] < threshold for p in pairs):
            fail(f"min-score {threshold}: {len(pairs)} pairs, expected {expected}")
        weak = len(links) - expected
        if weak and f"{weak} weak links below {threshold:g} left out" not in result.stderr:
            fail(f"min-score {threshold}: summary {result.stderr!r}")
        print(f"min-score {threshold:g}: {len(pairs)} pairs of {len(links)} links, {weak} weak left out")


def count(sextant, index, *args):
    return len(jsonl_pairs(export(sextant, index, "--format", "jsonl", "--min-score", "0", *args).stdout))


def query(sextant, fixtures, dtd, index, work, corpora):
    everything = count(sextant, index)
    checks = {
        "symbol:CTOC/COP/WG.4/*": everything,
        "symbol:NOPE/*": 0,
        "开幕": everything,  # a Chinese word: the document has it in its zh version
        "year:2022 Opening": everything,
    }
    for words, expected in checks.items():
        got = count(sextant, index, words)
        if got != expected:
            fail(f"query {words!r}: {got} pairs, expected {expected}")
        print(f"query {words!r}: {got} pairs")
    bilingual = os.path.join(corpora or "/nonexistent", "un-pdf", "bilingual")
    if not os.path.isdir(bilingual):
        print(f"query: skipped the second document ({bilingual} is not there)")
        return
    run([sextant, "ingest", "--index", index, f"{bilingual}/ohchr_2_en.pdf", f"{bilingual}/ohchr_2_fr.pdf"])
    fixtures_only = count(sextant, index, "--langs", "fr,en", "symbol:CTOC/*")
    both = count(sextant, index, "--langs", "fr,en")
    ohchr = count(sextant, index, "--langs", "fr,en", "symbol:A/HRC/*")
    italy = count(sextant, index, "--langs", "fr,en", "Italie")
    if not (0 < fixtures_only < both and ohchr == both - fixtures_only and italy == ohchr):
        fail(f"query over two documents: CTOC {fixtures_only}, A/HRC {ohchr}, Italie {italy}, all {both}")
    print(f"query over two documents: all {both} = CTOC {fixtures_only} + A/HRC {ohchr}; 'Italie' {italy}")


def atomic(sextant, fixtures, dtd, index, work):
    path = os.path.join(work, "out.tsv")
    export(sextant, index, "--format", "tsv", "--output", path)
    lines = open(path, encoding="utf-8").read().splitlines()
    if len(lines) < 2:
        fail("--output wrote no pairs")
    with open(path, "w") as old:
        old.write("older\n")
    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes then fail with EFBIG

    result = run([sextant, "export", "--index", index, "--format", "tsv", "--output", path], expect=1,
                 preexec_fn=small_files)
    if open(path).read() != "older\n" or sorted(os.listdir(work)) != ["index", "out.tsv"]:
        fail(f"a failed export touched the output: {sorted(os.listdir(work))}")
    print(f"output written whole ({len(lines)} lines); failed export: {result.stderr.strip()}; older file kept, no temporary")
    result = export(sextant, index, "--output", "/nonexistent/x.tmx", expect=1)
    print(result.stderr.strip())


def errors(sextant, fixtures, dtd, index, work):
    for args, status in [(["--index", "/nonexistent/none"], 1), (["--index", index, "--langs", "zh"], 2),
                         (["--index", index, "--langs", "zh,zh"], 2), (["--index", index, "--langs", "zh,xx"], 2),
                         (["--index", index, "--min-score", "1.5"], 2), (["--index", index, "--min-score", "x"], 2),
                         (["--index", index, "--format", "csv"], 2)]:
        result = run([sextant, "export", *args], expect=status)
        print(f"exit={status} " + result.stderr.splitlines()[0])


def main():
    sextant, fixtures, dtd = sys.argv[1:4]
    corpora = sys.argv[4] if len(sys.argv) > 5 else None
    mode = sys.argv[-1]
    work = tempfile.mkdtemp()
    try:
        index = os.path.join(work, "index")
        run([sextant, "ingest", "--index", index, fixtures])
        if mode == "query":
            query(sextant, fixtures, dtd, index, work, corpora)
        else:
            {"round_trip": round_trip, "min_score": min_score, "atomic": atomic,
             "errors": errors}[mode](sextant, fixtures, dtd, index, work)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
