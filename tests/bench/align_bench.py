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
  hunalign     `hunalign EMPTY.dic SRC TGT` (no dictionary: length-based,
               its ladder output turned into links); also `-realign`
               (it bootstraps a dictionary from its first pass) unless
               --no-realign, and its own `-batch` mode (one process, many
               documents) in the per-document table.

Scores are strict: a predicted link counts when (sorted source indices,
sorted target indices) equals a gold link exactly, 1-0 and 0-1 included,
summed over documents. Speed is source sentences per wall-clock second, and
the ratio is against plain hunalign in the same mode (batch against
`hunalign -batch`), pair and version (above 1: faster than hunalign).

    tests/bench/align_bench.py [--sextant BIN] [--hunalign BIN]
                               [--pairs zh-en,fr-en,...] [--no-realign]
                               [--tmp DIR]

hunalign is not part of Sextant: build it from its public repository for the
benchmark only (see tests/bench/README.md) and pass --hunalign, or put it on
PATH. Without it the hunalign rows are marked unavailable.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEVSET = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "unpc-devset")
LANGS = ("ar", "en", "es", "fr", "ru", "zh")
SEED = 2026


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


def run(argv):
    proc = subprocess.run(argv, capture_output=True, text=True)
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


def sextant_tool(name, binary, l1, l2, extra, folder, has_batch):
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
             "--format", "json"] + extra)
        result = []
        for o in outs:
            with open(o, encoding="utf-8") as f:
                result.append(sextant_links(f.read()))
        return result
    return Tool(name, lambda s, t: sextant_links(run(argv(s, t))),
                lambda s, t: sextant_links(run(argv(s, t))), batch if has_batch else None)


def hunalign_tool(name, binary, dic, extra, folder):
    def one(s, t):
        return ladder_links(run([binary] + extra + [dic, s, t]))

    def batch(files):
        jobs = os.path.join(folder, "hunalign." + name + ".batch")
        outs = [s + "." + name + ".ladder" for s, _ in files]
        with open(jobs, "w") as f:
            for (s, t), o in zip(files, outs):
                f.write(f"{s}\t{t}\t{o}\n")
        run([binary] + extra + ["-batch", dic, jobs])
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
    for build in ("build-lead", "build"):
        path = os.path.join(ROOT, build, "pipeline", "cli", "sextant")
        if os.path.exists(path):
            usage = subprocess.run([path], capture_output=True, text=True)
            if "align" in usage.stdout + usage.stderr:
                return path
    sys.exit("align_bench: no sextant binary with `align` (pass --sextant)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sextant")
    parser.add_argument("--hunalign", default=shutil.which("hunalign"))
    parser.add_argument("--pairs", default="zh-en,fr-en,ru-en,ar-en,es-en")
    parser.add_argument("--variants", default="clean,hard")
    parser.add_argument("--no-realign", action="store_true")
    parser.add_argument("--devset", default=DEVSET)
    parser.add_argument("--tmp", default="/tmp/align_bench")
    args = parser.parse_args()

    os.makedirs(args.tmp, exist_ok=True)
    # A private copy: a rebuild of the tree during the run must not change
    # (or, half-written, break) the binary under test.
    built = find_sextant(args.sextant)
    sextant = os.path.join(args.tmp, "sextant")
    shutil.copy2(built, sextant)
    usage = subprocess.run([sextant], capture_output=True, text=True)
    has_signals = "--signals" in usage.stdout + usage.stderr
    has_batch = "--batch" in usage.stdout + usage.stderr
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

    rows = []  # (tool, mode, pair, variant, P, R, F1, sents/s)
    for pair in args.pairs.split(","):
        l1, l2 = pair.strip().split("-")
        for variant in args.variants.split(","):
            folder = os.path.join(args.tmp, f"{l1}-{l2}", variant)
            files, concat, golds, counts = prepare(docs, l1, l2, variant, folder)
            nsrc = sum(c[0] for c in counts)
            tools = [sextant_tool("sextant", sextant, l1, l2, [], folder, has_batch)]
            if has_signals:
                tools.append(sextant_tool("gale-church", sextant, l1, l2,
                                          ["--signals", "length"], folder, has_batch))
            if hunalign:
                tools.append(hunalign_tool("hunalign", hunalign, dic, [], folder))
                if not args.no_realign:
                    tools.append(hunalign_tool("hunalign-realign", hunalign, dic,
                                               ["-realign"], folder))
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
