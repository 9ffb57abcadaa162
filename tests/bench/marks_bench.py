#!/usr/bin/env python3
"""The query's translation marked (issue 16, items 2 and 3), on the devset.

The index: the UN Parallel Corpus devset written once through IndexWriter
(`index_bench --min-segments 1 --build-only`: 732 documents, six versions
each with the gold 1-1 alignment, English the pivot), with the lexicons
`sextant align --batch-lexicon --save-lexicon INDEX/lexicon` learns over the
devset's documents (each language with English, its own alignment, not the
gold) — what an index's stored lexicon is.

Marks: for every row of tests/bench/un_terms.tsv (term, language, known
renderings; term_table.py), `sextant search --lang en --show L --json
--limit 1000 '"term"'`; each hit's parallel_marks[L] against the renderings
found in its parallel text (case folded):
  precision  marked hits whose every span overlaps a rendering / marked hits
  exact      marked hits whose every span is exactly a rendering / marked hits
  recall     hits with a rendering whose marks overlap it / hits with a rendering

Terms: `sextant terms --lang en --show L --json TERM` for the first --terms
terms of each language; a term's known rendering is found when a rendering
the command gives is one of the table's (case folded); its count is
compared with a direct count over the devset's own text: of the devset
lines whose English is a passage of the term (`sextant search --lang en
'"term"'`, stemmed as the index stems), those whose line in L (the gold
translation, not the index) holds the rendering.

Speed: `sextant serve` on the index; the same term queries (--limit 10,
--show L) one after another, each with marks=yes and marks=no in turn, after
a warm-up pass; p50, p90 and mean latency of each.

    tests/bench/marks_bench.py --sextant build/cli/sextant \\
        --index-bench build/tests/bench/index_bench [--tmp /tmp/marks_bench]
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import align_bench as ab  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["zh", "fr", "es", "ru", "ar"]


def build(args):
    index = os.path.join(args.tmp, "index")
    if not os.path.exists(os.path.join(index, "iamglass")) and not os.path.exists(os.path.join(index, "iamchert")):
        ab.run([args.index_bench, "--index", index, "--min-segments", "1", "--build-only"])
    lexicons = os.path.join(index, "lexicon")
    docs = ab.load_documents(args.devset)
    for lang in LANGS:
        if os.path.exists(os.path.join(lexicons, f"{lang}-en.lexicon")):
            continue
        folder = os.path.join(args.tmp, "docs", lang)
        files, _, _, _ = ab.prepare(docs, lang, "en", "easy", folder)
        jobs = os.path.join(folder, "batch")
        with open(jobs, "w", encoding="utf-8") as f:
            for s, t in files:
                f.write(f"{s}\t{t}\t{s}.json\n")
        ab.run([args.sextant, "align", "--batch", jobs, "--segmented", "--langs", f"{lang},en", "--format", "json",
                "--batch-lexicon", "--save-lexicon", lexicons])
    return index


def load_table(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            term, lang, renderings, _, _ = line.rstrip("\n").split("\t")
            rows.append((term, lang, renderings.split("|")))
    return rows


def query_of(term):
    return f'"{term}"' if " " in term else term


def char_span(text, begin, end):
    raw = text.encode("utf-8")
    return len(raw[:begin].decode("utf-8", "replace")), len(raw[:end].decode("utf-8", "replace"))


def pattern(rendering, lang):
    """A rendering as a regular expression: "#" any number, and between two
    words any run of spaces and punctuation (not in Chinese)."""
    if lang == "zh":
        return re.compile(re.escape(rendering))
    parts = [r"\d+" if w == "#" else re.escape(w) for w in rendering.split()]
    return re.compile(r"(?<!\w)" + r"[\W_]+".join(parts) + r"(?!\w)")


def occurrences(text, renderings, lang):
    folded = text.lower()
    spans = []
    for r in renderings:
        spans += [(m.start(), m.end()) for m in pattern(r, lang).finditer(folded)]
    return spans


def marks(args, index, rows):
    per_lang = {lang: collections.Counter() for lang in LANGS}
    wrong = []
    for term, lang, renderings in rows:
        out = json.loads(ab.run([args.sextant, "search", "--index", index, "--lang", "en", "--show", lang,
                                 "--limit", "1000", "--json", query_of(term)]))
        c = per_lang[lang]
        for hit in out["hits"]:
            text = hit["parallel"].get(lang, "")
            if not text:
                continue
            c["hits"] += 1
            occ = occurrences(text, renderings, lang)
            spans = [char_span(text, b, e) for b, e in hit["parallel_marks"].get(lang, [])]
            overlap = lambda s: any(s[0] < o[1] and o[0] < s[1] for o in occ)  # noqa: E731
            if occ:
                c["with_rendering"] += 1
                if any(overlap(s) for s in spans):
                    c["found"] += 1
            if spans:
                c["marked"] += 1
                if all(overlap(s) for s in spans):
                    c["correct"] += 1
                else:
                    wrong.append((lang, term, renderings, [text[b:e] for b, e in spans], text))
                if all(s in occ for s in spans):
                    c["exact"] += 1
    print(f"{'lang':>4} {'terms':>5} {'hits':>6} {'marked':>6} {'precision':>9} {'exact':>6} {'recall':>6}")
    total = collections.Counter()
    for lang in LANGS:
        c = per_lang[lang]
        total.update(c)
        terms = sum(1 for r in rows if r[1] == lang)
        print(f"{lang:>4} {terms:>5} {c['hits']:>6} {c['marked']:>6} {c['correct'] / max(1, c['marked']):>9.3f} "
              f"{c['exact'] / max(1, c['marked']):>6.3f} {c['found'] / max(1, c['with_rendering']):>6.3f}")
    print(f" all {len(rows):>5} {total['hits']:>6} {total['marked']:>6} {total['correct'] / max(1, total['marked']):>9.3f} "
          f"{total['exact'] / max(1, total['marked']):>6.3f} {total['found'] / max(1, total['with_rendering']):>6.3f}")
    with open(os.path.join(args.tmp, "wrong_marks.tsv"), "w", encoding="utf-8") as f:
        for lang, term, renderings, spans, text in wrong:
            f.write(f"{lang}\t{term}\t{'|'.join(renderings)}\t{' / '.join(spans)}\t{text}\n")
    print(f"marks not on a known rendering: {os.path.join(args.tmp, 'wrong_marks.tsv')}")


def words(text):
    return re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+", text.lower())


def terms(args, index, rows):
    lines = {}
    for lang in ["en"] + LANGS:
        with open(os.path.join(args.devset, "UNv1.0.devset." + lang), encoding="utf-8") as f:
            lines[lang] = [line.rstrip("\r\n") for line in f]
    by_text = collections.defaultdict(list)
    for i, text in enumerate(lines["en"]):
        by_text[text].append(i)
    terms_found = terms_asked = equal = compared = 0
    print(f"{'lang':>4} {'term':<34} {'rendering':<36} {'count':>5} {'direct':>6}")
    for lang in LANGS:
        for term, _, renderings in [r for r in rows if r[1] == lang][:args.terms]:
            out = json.loads(ab.run([args.sextant, "terms", "--index", index, "--lang", "en", "--show", lang,
                                     "--json", term]))
            # The term's English sentences: the devset lines of its passages.
            hits = json.loads(ab.run([args.sextant, "search", "--index", index, "--lang", "en", "--limit", "1000",
                                      "--json", query_of(term)]))["hits"]
            used = collections.Counter()
            with_term = []
            for hit in hits:
                candidates = by_text.get(hit["text"], [])
                if used[hit["text"]] < len(candidates):
                    with_term.append(candidates[used[hit["text"]]])
                    used[hit["text"]] += 1
            terms_asked += 1
            # The command leaves a French elided article out ("Assemblée
            # générale" for the table's "l'assemblée générale").
            forms = renderings + [re.sub(r"^(l|d|qu)'", "", r) for r in renderings if lang == "fr"]
            known = [pattern(r, lang) for r in forms]
            found_here = False
            for r in out["renderings"]:
                text = r["text"].lower()
                if not any(p.fullmatch(text) for p in known):
                    continue
                found_here = True
                # Directly: the term's sentences whose gold translation holds it.
                direct = sum(1 for i in with_term if text in lines[lang][i].lower())
                compared += 1
                equal += r["count"] == direct
                print(f"{lang:>4} {term:<34} {r['text']:<36} {r['count']:>5} {direct:>6}")
            if not found_here:
                print(f"{lang:>4} {term:<34} {'(not found: ' + renderings[0] + ')':<36}")
            terms_found += found_here
    print(f"terms: {terms_asked}, a known rendering found for {terms_found}; renderings compared {compared}, "
          f"count equal to the direct count {equal}")


def speed(args, index, rows):
    server = subprocess.Popen([args.sextant, "serve", "--port", "0", "--index", index], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        m = re.search(r"at (http://\S+)", line)
        if not m:
            sys.exit("marks_bench: the server did not start: " + line)
        url = m.group(1).rstrip("/")
        paths = [f"/api/search?q={urllib.parse.quote(query_of(t))}&lang=en&show={lang}&limit=10&facets=no"
                 for t, lang, _ in rows]
        times = {"yes": [], "no": []}
        for warm in (True, False):
            for p in paths:
                for marks_param in ("yes", "no"):
                    start = time.perf_counter()
                    with urllib.request.urlopen(f"{url}{p}&marks={marks_param}") as response:
                        response.read()
                    if not warm:
                        times[marks_param].append((time.perf_counter() - start) * 1000)
        print(f"{len(paths)} queries (--limit 10, --show L), one at a time, load average {os.getloadavg()[0]:.1f}")
        for key, label in (("no", "marks=no"), ("yes", "marks=yes")):
            t = sorted(times[key])
            print(f"  {label:<10} p50 {t[len(t) // 2]:6.2f} ms  p90 {t[int(len(t) * 0.9)]:6.2f} ms  "
                  f"mean {sum(t) / len(t):6.2f} ms")
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sextant", required=True)
    parser.add_argument("--index-bench", required=True)
    parser.add_argument("--devset", default=ab.DEVSET)
    parser.add_argument("--table", default=os.path.join(HERE, "un_terms.tsv"))
    parser.add_argument("--tmp", default="/tmp/marks_bench")
    parser.add_argument("--terms", type=int, default=30, help="terms per language for the term renderings")
    parser.add_argument("--parts", default="marks,terms,speed")
    args = parser.parse_args()
    if not os.path.isdir(args.devset):
        sys.exit(f"marks_bench: no devset at {args.devset}")
    os.makedirs(args.tmp, exist_ok=True)
    index = build(args)
    rows = load_table(args.table)
    parts = args.parts.split(",")
    if "marks" in parts:
        marks(args, index, rows)
    if "terms" in parts:
        terms(args, index, rows)
    if "speed" in parts:
        speed(args, index, rows)


if __name__ == "__main__":
    main()
