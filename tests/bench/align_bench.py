#!/usr/bin/env python3
"""Alignment benchmark: `sextant align` against hunalign and a length-only
Gale-Church baseline, side by side on the same inputs in the same run.

Inputs come from the UN Parallel Corpus devset
(../shared/corpora/unpc-devset): line i is the same sentence in all six
languages, and the first field of UNv1.0.devset.ids is the document; all the
lines of one document, in file order, make one parallel document (732 of
them). For each pair L1-L2 the source side is L1 and the target side L2, in
two versions:

  clean  the target as it is; every gold link is 1-1;
  hard   with random.Random(2026), per document in order, 10 % of the
         adjacent target units merged (joined with " ", or "" for Chinese;
         gold 2-1), then 10 % of the resulting units deleted (never all of
         them; gold 1-0 for each source sentence of a deleted unit).

Every document pair is written as two files, one sentence a line, and every
tool reads the same files, twice: once per document (one process per
document, what a user would run) and once over all documents concatenated
into one long pair of files (one process). Tools:

  sextant      `sextant align SRC TGT --segmented --langs L1,L2 --format json`,
               and `sextant align --batch LIST ...` (one process, every
               document pair on its own, as hunalign -batch)
  gale-church  the same with `--signals length` (anchors and lexicon off)
  sextant-nodict  the same with `--dictionary none` (no FreeDict: the
               lexicon is the bootstrapped one alone), unless
               --sextant-dictionary says otherwise
  hunalign     `hunalign EMPTY.dic SRC TGT` (no dictionary: length-based,
               its ladder output turned into links); also `-realign`
               (it bootstraps a dictionary from its first pass) unless
               --no-realign, and its own `-batch` mode (one process, many
               documents) in the per-document table.
  hunalign-freedict  `hunalign FREEDICT.dic SRC TGT`: the word pairs Sextant
               reads from FreeDict (/usr/share/dictd, both directions of the
               pair), parsed here by the same rules as
               stages/align/dictionary.cc's ParseDictd (single words, lower-
               cased), written in hunalign's format ("target @ source", one
               pair a line) to TMP/freedict.L1-L2.dic. Run beside the empty-
               dictionary hunalign (which stays the speed reference) unless
               --hunalign-dictionary empty; the default is freedict when the
               pair's dictd files exist.
  hunalign-tok, hunalign-freedict-tok  with --hunalign-tokenize: the same
               two on a lower-cased copy of the files with punctuation split
               off the words (hunalign matches dictionary words against
               space-separated tokens as they are, and its README expects
               tokenized text); same lines, so the same gold.

Scores are strict: a predicted link counts when (sorted source indices,
sorted target indices) equals a gold link exactly, 1-0 and 0-1 included,
summed over documents. Speed is source sentences per wall-clock second, and
the ratio is against plain hunalign in the same mode (batch against
`hunalign -batch`), pair and version (above 1: faster than hunalign).

    tests/bench/align_bench.py [--sextant BIN] [--hunalign BIN]
                               [--pairs zh-en,fr-en,...] [--no-realign]
                               [--hunalign-dictionary empty|freedict]
                               [--sextant-dictionary default|none|both]
                               [--hunalign-tokenize] [--dictd DIR]
                               [--tmp DIR]

hunalign is not part of Sextant: build it from its public repository for the
benchmark only (see docs/benchmarks.md) and pass --hunalign, or put it on
PATH. Without it the hunalign rows are marked unavailable.
"""
import argparse
import json
import os
import gzip
import random
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEVSET = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "unpc-devset")
LANGS = ("ar", "en", "es", "fr", "ru", "zh")
SEED = 2026
# FreeDict's language names (stages/align/dictionary.cc's FreeDictCode).
FREEDICT = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara"}
DICTD = "/usr/share/dictd"


# --- FreeDict (dictd) word pairs, by the rules of ParseDictd ----------------

B64_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def base64_number(text):
    """dictd's base 64 number ("BVBC"), most significant digit first; None
    when malformed."""
    if not text or len(text) > 10:
        return None
    value = 0
    for c in text:
        digit = B64_DIGITS.find(c)
        if digit < 0:
            return None
        value = value * 64 + digit
    return value


def trim(text):
    return text.strip(" \t\r")


def without_number(line):
    """"1. afghan" -> "afghan"."""
    line = trim(line)
    k = 0
    while k < len(line) and "0" <= line[k] <= "9":
        k += 1
    if 0 < k < len(line) and line[k] == ".":
        return trim(line[k + 1:])
    return line


def one_word(word):
    return bool(word) and " " not in word


def lower_case(text):
    """pipeline/unicode_text.cc's LowerCase: ASCII, Latin-1 and basic
    Cyrillic capitals only."""
    out = []
    for ch in text:
        c = ord(ch)
        if 0x41 <= c <= 0x5A or (0xC0 <= c <= 0xDE and c != 0xD7):
            c += 0x20
        elif 0x0410 <= c <= 0x042F:
            c += 0x20
        elif 0x0400 <= c <= 0x040F:
            c += 0x50
        out.append(chr(c))
    return "".join(out)


def parse_dictd(index, data, reversed_):
    """The single-word pairs of a dictd dictionary (index: text, data: the
    uncompressed .dict bytes; offsets and lengths count bytes), both words
    lower-cased, sorted, without duplicates; (translation, headword) when
    reversed_."""
    pairs = set()
    for line in index.split("\n"):
        fields = line.split("\t", 2)
        if len(fields) < 3:
            continue
        headword = fields[0]
        if headword.startswith("00database") or headword.startswith("00-database"):
            continue
        offset, length = base64_number(fields[1]), base64_number(trim(fields[2]))
        if offset is None or length is None or offset > len(data) or length > len(data) - offset:
            continue
        if not one_word(headword):
            continue
        head = lower_case(headword)
        entry = data[offset:offset + length].decode("utf-8", "surrogateescape")
        # The first line is the headword and its pronunciation.
        for text in entry.split("\n")[1:]:
            for word in re.split("[,;]", without_number(text)):
                word = trim(word)
                if one_word(word):
                    pairs.add((lower_case(word), head) if reversed_ else (head, lower_case(word)))
    return sorted(pairs)


def freedict_pairs(folder, l1, l2):
    """(L1 word, L2 word) pairs from FreeDict's L1-L2 and L2-L1 dictionaries
    in folder, as `sextant align` reads them; None when there is neither."""
    a, b = FREEDICT.get(l1), FREEDICT.get(l2)
    if not a or not b:
        return None
    pairs, found = set(), False
    for reversed_ in (False, True):
        name = os.path.join(folder, f"freedict-{b}-{a}" if reversed_ else f"freedict-{a}-{b}")
        if not os.path.exists(name + ".index") or not os.path.exists(name + ".dict.dz"):
            continue
        found = True
        with open(name + ".index", encoding="utf-8", errors="surrogateescape") as f:
            index = f.read()
        with gzip.open(name + ".dict.dz", "rb") as f:
            data = f.read()
        pairs.update(parse_dictd(index, data, reversed_))
    return sorted(pairs) if found else None


def write_hunalign_dictionary(path, pairs):
    """hunalign's format: "target_phrase @ source_phrase" a line (target
    first: hunalign translates source words into target words with it)."""
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        for source, target in pairs:
            f.write(f"{target} @ {source}\n")


def tokenized(path):
    """A lower-cased copy of path, punctuation split off the words, one
    sentence a line as before."""
    out = path + ".tok"
    with open(path, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for line in f:
            g.write(" ".join(re.findall(r"\w+|[^\w\s]", lower_case(line))) + "\n")
    return out


def load_documents(devset):
    """{language: [document: [sentence]]}, documents in order of first line."""
    with open(os.path.join(devset, "UNv1.0.devset.ids"), encoding="utf-8") as f:
        ids = [line.split(" ", 1)[0].strip() for line in f]
    order, lines_of = [], {}
    for i, doc in enumerate(ids):
        if doc not in lines_of:
            lines_of[doc] = []
            order.append(doc)
        lines_of[doc].append(i)
    docs = {}
    for lang in LANGS:
        with open(os.path.join(devset, "UNv1.0.devset." + lang), encoding="utf-8") as f:
            sentences = [line.rstrip("\r\n") for line in f]
        if len(sentences) != len(ids):
            sys.exit(f"align_bench: {lang} has {len(sentences)} lines, ids {len(ids)}")
        docs[lang] = [[sentences[i] for i in lines_of[d]] for d in order]
    return docs


def harden(target, lang, rng):
    """Merges 10 % of adjacent units, then deletes 10 % of the result.
    Returns (new target, gold links as (source tuple, target tuple))."""
    joiner = "" if lang == "zh" else " "
    groups, texts = [], []
    i = 0
    while i < len(target):
        if i + 1 < len(target) and rng.random() < 0.1:
            groups.append((i, i + 1))
            texts.append(target[i] + joiner + target[i + 1])
            i += 2
        else:
            groups.append((i,))
            texts.append(target[i])
            i += 1
    deleted, kept = [], len(groups)
    for _ in groups:
        gone = rng.random() < 0.1 and kept > 1
        deleted.append(gone)
        kept -= gone
    new_target, gold = [], []
    for group, text, gone in zip(groups, texts, deleted):
        if gone:
            gold.extend(((k,), ()) for k in group)
        else:
            gold.append((group, (len(new_target),)))
            new_target.append(text)
    return new_target, gold


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")


def prepare(docs, l1, l2, variant, folder):
    """Writes the document pairs and their concatenation; returns
    (doc file pairs, concatenated pair, gold per document, source counts)."""
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(SEED)
    files, golds, counts = [], [], []
    all_src, all_tgt = [], []
    for n, (src, tgt) in enumerate(zip(docs[l1], docs[l2])):
        if variant == "hard":
            tgt, gold = harden(tgt, l2, rng)
        else:
            gold = [((i,), (i,)) for i in range(len(src))]
        s = os.path.join(folder, f"{n:04d}.{l1}")
        t = os.path.join(folder, f"{n:04d}.{l2}")
        write_lines(s, src)
        write_lines(t, tgt)
        files.append((s, t))
        golds.append(gold)
        counts.append((len(src), len(tgt)))
        all_src += src
        all_tgt += tgt
    s = os.path.join(folder, f"all.{l1}")
    t = os.path.join(folder, f"all.{l2}")
    write_lines(s, all_src)
    write_lines(t, all_tgt)
    return files, (s, t), golds, counts


def run(argv, cwd=None):
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=cwd)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)}: exit {proc.returncode}: {proc.stderr.strip()[:500]}")
    return proc.stdout


def key(source, target):
    return (tuple(sorted(source)), tuple(sorted(target)))


def sextant_links(out):
    return [key(l["source"], l["target"]) for l in json.loads(out)["links"]]


def ladder_links(out):
    """hunalign's ladder (i \\t j \\t score rungs, from 0 0 to n m): the gap
    between two consecutive rungs is one link."""
    rungs = []
    for line in out.splitlines():
        fields = line.split("\t")
        if len(fields) >= 2:
            rungs.append((int(fields[0]), int(fields[1])))
    return [key(range(i1, i2), range(j1, j2))
            for (i1, j1), (i2, j2) in zip(rungs, rungs[1:])]


class Tool:
    def __init__(self, name, per_doc, concat, batch=None):
        self.name, self.per_doc, self.concat, self.batch = name, per_doc, concat, batch


def sextant_tool(name, binary, l1, l2, extra, folder, has_batch, batch_extra=()):
    def argv(s, t):
        return [binary, "align", s, t, "--segmented", "--langs", f"{l1},{l2}",
                "--format", "json"] + extra

    def batch(files):
        jobs = os.path.join(folder, "sextant." + name + ".batch")
        outs = [s + "." + name + ".json" for s, _ in files]
        with open(jobs, "w") as f:
            for (s, t), o in zip(files, outs):
                f.write(f"{s}\t{t}\t{o}\n")
        run([binary, "align", "--batch", jobs, "--segmented", "--langs", f"{l1},{l2}",
             "--format", "json"] + extra + list(batch_extra))
        result = []
        for o in outs:
            with open(o, encoding="utf-8") as f:
                result.append(sextant_links(f.read()))
        return result
    return Tool(name, lambda s, t: sextant_links(run(argv(s, t))),
                lambda s, t: sextant_links(run(argv(s, t))), batch if has_batch else None)


def hunalign_tool(name, binary, dic, extra, folder, tok=False):
    # hunalign writes translate.txt into its working folder: run it in ours.
    # tok: the tokenized copies (tokenized()), made before the clock starts.
    def files_of(s, t):
        return (s + ".tok", t + ".tok") if tok else (s, t)

    def one(s, t):
        s, t = files_of(s, t)
        return ladder_links(run([binary] + extra + [dic, s, t], cwd=folder))

    def batch(files):
        jobs = os.path.join(folder, "hunalign." + name + ".batch")
        outs = [s + "." + name + ".ladder" for s, _ in files]
        with open(jobs, "w") as f:
            for (s, t), o in zip(files, outs):
                s, t = files_of(s, t)
                f.write(f"{s}\t{t}\t{o}\n")
        run([binary] + extra + ["-batch", dic, jobs], cwd=folder)
        result = []
        for o in outs:
            with open(o, encoding="utf-8") as f:
                result.append(ladder_links(f.read()))
        return result
    return Tool(name, one, one, batch)


def score(predicted, gold):
    """predicted, gold: lists (per document) of link lists -> (tp, np, ng)."""
    tp = npred = ngold = 0
    for p, g in zip(predicted, gold):
        gs = set(g)
        ps = set(p)
        tp += len(ps & gs)
        npred += len(p)
        ngold += len(g)
    return tp, npred, ngold


def offset_gold(golds, counts):
    links, si, ti = [], 0, 0
    for gold, (ns, nt) in zip(golds, counts):
        links += [(tuple(i + si for i in s), tuple(j + ti for j in t)) for s, t in gold]
        si += ns
        ti += nt
    return links


def find_sextant(given):
    if given:
        return given
    path = os.path.join(ROOT, "build", "cli", "sextant")
    if os.path.exists(path):
        return path
    sys.exit("align_bench: no sextant binary with `align` (pass --sextant)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sextant")
    parser.add_argument("--hunalign", default=shutil.which("hunalign"))
    parser.add_argument("--pairs", default="zh-en,fr-en,ru-en,ar-en,es-en")
    parser.add_argument("--variants", default="clean,hard")
    parser.add_argument("--batch-lexicon", action="store_true",
                        help="sextant's batch mode learns one lexicon from all the pairs (--batch-lexicon)")
    parser.add_argument("--no-realign", action="store_true")
    parser.add_argument("--sextant-jobs", type=int,
                        help="threads for sextant's batch mode (--jobs N; sextant's default is 2, "
                        "hunalign -batch uses one)")
    parser.add_argument("--devset", default=DEVSET)
    parser.add_argument("--tmp", default="/tmp/align_bench")
    parser.add_argument("--hunalign-dictionary", choices=("empty", "freedict"),
                        help="freedict (the default when the pair's dictd files exist): "
                        "hunalign also runs with FreeDict's word pairs, beside the "
                        "empty dictionary; empty: the empty dictionary only")
    parser.add_argument("--sextant-dictionary", choices=("default", "none", "both"),
                        default="both", help="sextant as it is (FreeDict when there), "
                        "with --dictionary none, or both (default)")
    parser.add_argument("--hunalign-tokenize", action="store_true",
                        help="also run hunalign (empty and FreeDict) on lower-cased, "
                        "tokenized copies of the files")
    parser.add_argument("--dictd", default=DICTD, help="FreeDict's dictd files")
    args = parser.parse_args()

    args.tmp = os.path.abspath(args.tmp)
    os.makedirs(args.tmp, exist_ok=True)
    # A private copy: a rebuild of the tree during the run must not change
    # (or, half-written, break) the binary under test.
    built = find_sextant(args.sextant)
    sextant = os.path.join(args.tmp, "sextant")
    shutil.copy2(built, sextant)
    usage = subprocess.run([sextant], capture_output=True, text=True)
    has_signals = "--signals" in usage.stdout + usage.stderr
    has_batch = "--batch" in usage.stdout + usage.stderr
    has_dictionary = "--dictionary" in usage.stdout + usage.stderr
    hunalign = args.hunalign if args.hunalign and os.access(args.hunalign, os.X_OK) else None
    stat = os.stat(sextant)
    print(f"sextant:  {built} ({stat.st_size} bytes, "
          f"{time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(stat.st_mtime))})")
    print(f"hunalign: {hunalign or 'unavailable (pass --hunalign)'}")
    if not has_signals:
        print("gale-church: unavailable (this sextant has no --signals)")
    docs = load_documents(args.devset)
    dic = os.path.join(args.tmp, "empty.dic")
    open(dic, "w").close()

    jobs = ["--jobs", str(args.sextant_jobs)] if args.sextant_jobs else []
    rows = []  # (tool, mode, pair, variant, P, R, F1, sents/s)
    for pair in args.pairs.split(","):
        l1, l2 = pair.strip().split("-")
        for variant in args.variants.split(","):
            folder = os.path.join(args.tmp, f"{l1}-{l2}", variant)
            files, concat, golds, counts = prepare(docs, l1, l2, variant, folder)
            nsrc = sum(c[0] for c in counts)
            tools = []
            if args.sextant_dictionary != "none" or not has_dictionary:
                tools.append(sextant_tool("sextant", sextant, l1, l2, [], folder, has_batch,
                                          (["--batch-lexicon"] if args.batch_lexicon else []) + jobs))
            if args.sextant_dictionary != "default" and has_dictionary:
                tools.append(sextant_tool("sextant-nodict", sextant, l1, l2,
                                          ["--dictionary", "none"], folder, has_batch, jobs))
            if has_signals:
                tools.append(sextant_tool("gale-church", sextant, l1, l2,
                                          ["--signals", "length"], folder, has_batch, jobs))
            if hunalign:
                tools.append(hunalign_tool("hunalign", hunalign, dic, [], folder))
                if not args.no_realign:
                    tools.append(hunalign_tool("hunalign-realign", hunalign, dic,
                                               ["-realign"], folder))
                freedict = None
                if args.hunalign_dictionary != "empty":
                    pairs = freedict_pairs(args.dictd, l1, l2)
                    if pairs:
                        freedict = os.path.join(args.tmp, f"freedict.{l1}-{l2}.dic")
                        write_hunalign_dictionary(freedict, pairs)
                        print(f"hunalign {pair}: {len(pairs)} FreeDict pairs -> {freedict}",
                              file=sys.stderr)
                    elif args.hunalign_dictionary == "freedict":
                        print(f"hunalign {pair}: no FreeDict dictionary in {args.dictd}",
                              file=sys.stderr)
                if freedict:
                    tools.append(hunalign_tool("hunalign-freedict", hunalign, freedict, [],
                                               folder))
                    if not args.no_realign:
                        tools.append(hunalign_tool("hunalign-freedict-re", hunalign, freedict,
                                                   ["-realign"], folder))
                if args.hunalign_tokenize:
                    for s, t in files + [concat]:
                        tokenized(s)
                        tokenized(t)
                    tools.append(hunalign_tool("hunalign-tok", hunalign, dic, [], folder,
                                               tok=True))
                    if freedict:
                        tools.append(hunalign_tool("hunalign-freedict-tok", hunalign, freedict,
                                                   [], folder, tok=True))
            for tool in tools:
                modes = [("per-doc", None), ("concat", None)]
                if tool.batch:
                    modes.append(("batch", None))
                for mode, _ in modes:
                    start = time.perf_counter()
                    try:
                        if mode == "per-doc":
                            predicted = [tool.per_doc(s, t) for s, t in files]
                            gold = golds
                        elif mode == "batch":
                            predicted = tool.batch(files)
                            gold = golds
                        else:
                            predicted = [tool.concat(*concat)]
                            gold = [offset_gold(golds, counts)]
                    except (RuntimeError, OSError) as error:
                        print(f"{tool.name} {mode} {pair} {variant}: {error}", file=sys.stderr)
                        rows.append((tool.name, mode, pair, variant, None, None, None, None))
                        continue
                    seconds = time.perf_counter() - start
                    tp, npred, ngold = score(predicted, gold)
                    p = tp / npred if npred else 0.0
                    r = tp / ngold if ngold else 0.0
                    f1 = 2 * p * r / (p + r) if p + r else 0.0
                    rows.append((tool.name, mode, pair, variant, p, r, f1, nsrc / seconds))
                    print(f"  {tool.name:16s} {mode:7s} {pair} {variant:5s} F1 {f1:.4f} "
                          f"{nsrc / seconds:9.0f} sent/s", file=sys.stderr, flush=True)

    base = {(m, pr, v): s for t, m, pr, v, _, _, _, s in rows if t == "hunalign" and s}
    print()
    print(f"{'tool':16s} {'mode':7s} {'pair':5s} {'text':5s} {'P':>6s} {'R':>6s} {'F1':>6s} "
          f"{'sent/s':>9s} {'vs hunalign':>11s}")
    for t, m, pr, v, p, r, f1, speed in rows:
        if speed is None:
            print(f"{t:16s} {m:7s} {pr:5s} {v:5s} {'failed':>6s}")
            continue
        # Each mode against hunalign in the same mode (batch: `hunalign -batch`).
        ref = base.get((m, pr, v))
        ratio = f"{speed / ref:10.2f}x" if ref else f"{'n/a':>11s}"
        print(f"{t:16s} {m:7s} {pr:5s} {v:5s} {p:6.4f} {r:6.4f} {f1:6.4f} {speed:9.0f} {ratio}")
    if not hunalign:
        print("hunalign: unavailable")


if __name__ == "__main__":
    main()
