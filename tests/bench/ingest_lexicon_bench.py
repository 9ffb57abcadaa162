#!/usr/bin/env python3
"""The lexicon `sextant ingest` learns (INDEX/lexicon/), what it costs and what it gives.

Half A of the UN devset (documents 0, 2, 4, ... in order of first line) is
typeset as PDFs, one per document and language (make_fixture_pdfs, four
sentences a page, one sentence a paragraph, a symbol of its own per
document), and ingested twice on the same files, side by side:

  with      `sextant ingest --index A` (learns and stores the lexicon);
  without   `sextant ingest --index A0 --no-lexicon` (issue 15's ingest);
  again     `sextant ingest --index A2`, A2 holding A's lexicon already
            (copied in): every alignment on the stored lexicon as its base,
            and the counts merged with the stored ones (a later ingest);

each timed by /usr/bin/time (wall, CPU, peak RSS), in alternating order over
--rounds rounds (best of each). Then the documents of half B (1, 3, 5, ...),
which the index never saw, are aligned one by one (`sextant align --batch`,
each pair alone, hard variant as align_bench.py makes it) for each pair:

  alone       no stored lexicon (the document's own and FreeDict's);
  --index A   the lexicon ingest stored for half A;
  text lexicon  for reference: `align --batch-lexicon --save-lexicon` over
              half A's text (what issue 16 measured first).

Strict F1 over half B's documents. No document's alignment sees a lexicon
learned from itself.

With --hunalign BIN, hunalign aligns the same half-B documents (`hunalign
-batch`, each pair alone), given the same dictionaries as `align --index`:

  hunalign            an empty dictionary (its length model alone);
  hunalign + lexicon  the index's stored lexicon of the pair, with FreeDict's
                      pairs where Sextant has them (fr, es), in hunalign's
                      "target @ source" lines; the text lower-cased, split
                      into words as the lexicon's are (Chinese by longest
                      match over the lexicon's own Chinese words, so that
                      hunalign can find them: it splits at spaces only).

    tests/bench/ingest_lexicon_bench.py --sextant build/cli/sextant \
        --generator build/corpora/fixtures/make_fixture_pdfs [--pairs zh-en,ar-en] [--rounds 1]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import align_bench as ab  # noqa: E402
import lexicon_bench as lb  # noqa: E402

ROOT = ab.ROOT
LETTER = {"ar": "A", "en": "E", "es": "S", "fr": "F", "ru": "R", "zh": "C"}
SENTENCES_PER_PAGE = 4


def spec(n, language, sentences):
    base = json.load(open(os.path.join(ROOT, "corpora", "fixtures", f"{language}.json"), encoding="utf-8"))
    pages = []
    for start in range(0, len(sentences), SENTENCES_PER_PAGE):
        chunk = sentences[start:start + SENTENCES_PER_PAGE]
        pages.append({"paragraphs": [{"kind": "body", "text": s} for s in chunk if s.strip()], "footnotes": []})
    base["symbol"] = f"A/SXL/{n}"
    base["job_number"] = f"V.26-{n:05d} ({LETTER[language]})"
    base["pages"] = pages
    return base


def make_pdfs(generator, docs, numbers, languages, out):
    os.makedirs(out, exist_ok=True)
    specs = os.path.join(out, "specs")
    os.makedirs(specs, exist_ok=True)
    args = []
    for n in numbers:
        for language in languages:
            pdf = os.path.join(out, f"{n:04d}-{language}.pdf")
            if os.path.exists(pdf):
                continue
            path = os.path.join(specs, f"{n:04d}-{language}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(spec(n, language, docs[language][n]), f, ensure_ascii=False)
            args += [path, pdf]
    for k in range(0, len(args), 400):
        subprocess.run([generator] + args[k:k + 400], check=True)
    shutil.rmtree(specs)
    return sorted(os.path.join(out, p) for p in os.listdir(out) if p.endswith(".pdf"))


def timed_ingest(sextant, index, pdfs, extra, lexicon_from=None, memory=None):
    shutil.rmtree(index, ignore_errors=True)
    if lexicon_from:
        shutil.copytree(lexicon_from, os.path.join(index, "lexicon"))
    start = time.monotonic()
    if memory:
        extra = extra + ["--memory", memory]
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", sextant, "ingest", "--index", index, "--jobs", "2"] +
                          extra + [pdfs], capture_output=True, text=True)
    wall = time.monotonic() - start
    lines = proc.stderr.strip().splitlines()
    if proc.returncode != 0:
        sys.exit(f"ingest_lexicon_bench: ingest failed:\n{proc.stderr[-2000:]}")
    peak, user, system = lines[-1].split()
    lexicon = next((line for line in lines if line.startswith("ingest: lexicon:")), "")
    return {"wall": wall, "cpu": float(user) + float(system), "rss_mib": int(peak) / 1024, "lexicon": lexicon}


def stored_pairs(folder, l1, l2):
    """(l1 word, l2 word) pairs of the index's stored lexicon, whichever way
    round its files name the pair."""
    pairs = set()
    for a, b in ((l1, l2), (l2, l1)):
        path = os.path.join(folder, f"{a}-{b}.lexicon")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                x, y = line.rstrip("\n").split("\t")[:2]
                pairs.add((x, y) if a == l1 else (y, x))
    return sorted(pairs)


def hunalign_words(path, lang, vocabulary):
    """A copy of path for hunalign: lower-cased, words and punctuation apart;
    Chinese cut by longest match over `vocabulary` (the lexicon's words),
    one character where none matches."""
    out = path + ".hun"
    longest = max((len(w) for w in vocabulary), default=1)
    with open(path, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for line in f:
            tokens = []
            for piece in re.findall(r"\w+|[^\w\s]", ab.lower_case(line)):
                if lang != "zh" or not re.search(r"[\u4e00-\u9fff]", piece):
                    tokens.append(piece)
                    continue
                k = 0
                while k < len(piece):
                    n = min(longest, len(piece) - k)
                    while n > 1 and piece[k:k + n] not in vocabulary:
                        n -= 1
                    tokens.append(piece[k:k + n])
                    k += n
            g.write(" ".join(tokens) + "\n")
    return out


def hunalign_links(hunalign, dictionary, files, folder, name):
    """hunalign -batch over (source, target) files; the links of each."""
    jobs = os.path.join(folder, f"hunalign.{name}.batch")
    outs = [f"{s}.{name}.ladder" for s, _ in files]
    with open(jobs, "w", encoding="utf-8") as f:
        for (s, t), o in zip(files, outs):
            f.write(f"{s}\t{t}\t{o}\n")
    ab.run([hunalign, "-batch", dictionary, jobs], cwd=folder)
    links = []
    for o in outs:
        with open(o, encoding="utf-8") as f:
            links.append(ab.ladder_links(f.read()))
    return links


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sextant", required=True)
    parser.add_argument("--generator", required=True)
    parser.add_argument("--devset", default=ab.DEVSET)
    parser.add_argument("--tmp", default="/tmp/ingest_lexicon_bench")
    parser.add_argument("--languages", default="ar,en,es,fr,ru,zh", help="versions typeset and ingested")
    parser.add_argument("--pairs", default="zh-en")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--memory", help="sextant ingest --memory MB (its default when not given)")
    parser.add_argument("--hunalign", help="a hunalign binary (docs/benchmarks.md, Building hunalign)")
    parser.add_argument("--dictd", default="/usr/share/dictd", help="FreeDict's dictd files")
    args = parser.parse_args()
    if not os.path.isdir(args.devset):
        print(f"ingest_lexicon_bench: skipped: {args.devset} is not there")
        return
    os.makedirs(args.tmp, exist_ok=True)
    sextant = os.path.join(args.tmp, "sextant")
    shutil.copy2(args.sextant, sextant)
    docs = ab.load_documents(args.devset)
    count = len(docs["en"])
    half_a = [n for n in range(count) if n % 2 == 0]
    pdf_folder = os.path.join(args.tmp, "pdf-half-a")
    pdfs = make_pdfs(args.generator, docs, half_a, args.languages.split(","), pdf_folder)
    print(f"half A: {len(half_a)} documents, {len(pdfs)} PDFs in {pdf_folder}", flush=True)

    with_index = os.path.join(args.tmp, "index-with")
    without_index = os.path.join(args.tmp, "index-without")
    again_index = os.path.join(args.tmp, "index-again")
    best = {"with": None, "without": None, "again": None}
    for round_ in range(args.rounds):
        order = [("with", with_index, [], None), ("without", without_index, ["--no-lexicon"], None)]
        if round_ % 2:
            order.reverse()
        for name, index, extra, lexicon_from in order:
            got = timed_ingest(sextant, index, pdf_folder, extra, lexicon_from, args.memory)
            if best[name] is None or got["wall"] < best[name]["wall"]:
                best[name] = got
        got = timed_ingest(sextant, again_index, pdf_folder, [], os.path.join(with_index, "lexicon"), args.memory)
        if best["again"] is None or got["wall"] < best["again"]["wall"]:
            best["again"] = got
    print("| ingest of half A | wall s | CPU s | peak RSS MiB | lexicon |")
    print("|---|---|---|---|---|")
    for name in ("without", "with", "again"):
        b = best[name]
        lexicon = b["lexicon"].replace("ingest: lexicon: ", "")
        print(f"| {name} | {b['wall']:.1f} | {b['cpu']:.1f} | {b['rss_mib']:.0f} | {lexicon} |")
    sizes = {p: os.path.getsize(os.path.join(with_index, "lexicon", p))
             for p in sorted(os.listdir(os.path.join(with_index, "lexicon")))}
    print("stored:", ", ".join(f"{p} {s // 1024} KiB" for p, s in sizes.items()), flush=True)

    for pair in args.pairs.split(","):
        l1, l2 = pair.split("-")
        folder = os.path.join(args.tmp, pair, "hard")
        files, _, golds, _ = ab.prepare(docs, l1, l2, "hard", folder)
        half_b = [k for k in range(len(files)) if k % 2 == 1]
        b_files = [files[k] for k in half_b]
        b_golds = [golds[k] for k in half_b]
        alone = lb.batch_links(sextant, l1, l2, b_files, folder, "alone", [])
        ingested = lb.batch_links(sextant, l1, l2, b_files, folder, "ingested", ["--index", with_index])
        text_lexicon = os.path.join(folder, "lexicon.text-half-a")
        lb.batch_links(sextant, l1, l2, [files[k] for k in range(len(files)) if k % 2 == 0], folder, "learn-a",
                       ["--batch-lexicon", "--save-lexicon", text_lexicon])
        from_text = lb.batch_links(sextant, l1, l2, b_files, folder, "text-a", ["--lexicon", text_lexicon])
        print(f"{pair} hard, half B ({len(half_b)} documents) one by one: alone {lb.f1(alone, b_golds):.4f}  "
              f"--index (ingest of half A) {lb.f1(ingested, b_golds):.4f}  "
              f"text lexicon of half A {lb.f1(from_text, b_golds):.4f}", flush=True)
        if args.hunalign:
            pairs = stored_pairs(os.path.join(with_index, "lexicon"), l1, l2)
            freedict = ab.freedict_pairs(args.dictd, l1, l2) or []
            empty = os.path.join(folder, "empty.dic")
            open(empty, "w").close()
            given = os.path.join(folder, "index-lexicon.dic")
            ab.write_hunalign_dictionary(given, sorted(set(pairs) | set(freedict)))
            vocabulary = {w for pair_ in pairs for w in pair_}
            words = [(hunalign_words(s, l1, vocabulary), hunalign_words(t, l2, vocabulary)) for s, t in b_files]
            plain = hunalign_links(args.hunalign, empty, b_files, folder, "empty")
            with_dictionary = hunalign_links(args.hunalign, given, words, folder, "lexicon")
            print(f"{pair} hard, half B, hunalign: empty dictionary {lb.f1(plain, b_golds):.4f}  "
                  f"index lexicon ({len(pairs)} pairs) + FreeDict ({len(freedict)}) {lb.f1(with_dictionary, b_golds):.4f}",
                  flush=True)


if __name__ == "__main__":
    main()
