#!/usr/bin/env python3
"""Per-document alignment with a stored lexicon learned from OTHER documents.

For each pair (hard variant of the UN devset, as align_bench.py builds it):
  - baseline: `sextant align --batch LIST` (every pair on its own, exactly
    the per-document F1: no lexicon but the document's own and FreeDict's);
  - split halves: documents with an even number learn a lexicon with
    `--batch-lexicon --save-lexicon DIR`, the odd ones are aligned one by one
    with `--lexicon DIR` (and the other way round), F1 pooled over all
    documents: no document's alignment sees a lexicon learned from itself;
  - optionally `--lexicon-use alone` (the stored lexicon instead of the
    document's own) and `--dictionary none`.

    tests/bench/lexicon_bench.py --sextant build/cli/sextant [--pairs zh-en,...]
"""
import argparse
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import align_bench as ab  # noqa: E402


def batch_links(sextant, l1, l2, files, folder, name, extra):
    jobs = os.path.join(folder, f"lexbench.{name}.batch")
    outs = []
    with open(jobs, "w", encoding="utf-8") as f:
        for s, t in files:
            out = f"{s}.{name}.json"
            outs.append(out)
            f.write(f"{s}\t{t}\t{out}\n")
    ab.run([sextant, "align", "--batch", jobs, "--segmented", "--langs", f"{l1},{l2}", "--format", "json"] + extra)
    links = []
    for out in outs:
        with open(out, encoding="utf-8") as f:
            links.append(ab.sextant_links(f.read()))
    return links


def f1(predicted, gold):
    tp, npred, ngold = ab.score(predicted, gold)
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sextant", required=True)
    parser.add_argument("--pairs", default="zh-en")
    parser.add_argument("--variant", default="hard")
    parser.add_argument("--devset", default=ab.DEVSET)
    parser.add_argument("--tmp", default="/tmp/lexicon_bench")
    parser.add_argument("--modes", default="base", help="stored lexicon uses: base,alone")
    parser.add_argument("--extra", default="", help="more sextant flags, comma-separated (e.g. --dictionary,none)")
    args = parser.parse_args()
    os.makedirs(args.tmp, exist_ok=True)
    sextant = os.path.join(args.tmp, "sextant")
    shutil.copy2(args.sextant, sextant)
    extra = [e for e in args.extra.split(",") if e]
    docs = ab.load_documents(args.devset)
    for pair in args.pairs.split(","):
        l1, l2 = pair.split("-")
        folder = os.path.join(args.tmp, pair, args.variant)
        files, _, golds, _ = ab.prepare(docs, l1, l2, args.variant, folder)
        halves = [[k for k in range(len(files)) if k % 2 == h] for h in (0, 1)]
        base = batch_links(sextant, l1, l2, files, folder, "alone", extra)
        row = [f"{pair} {args.variant} per-doc {f1(base, golds):.4f}"]
        for h in (0, 1):  # half h learns; the other half is aligned with it
            lex = os.path.join(folder, f"lexicon.half{h}")
            batch_links(sextant, l1, l2, [files[k] for k in halves[h]], folder, f"learn{h}",
                        extra + ["--batch-lexicon", "--save-lexicon", lex])
        for mode in args.modes.split(","):
            predicted = [None] * len(files)
            for h in (0, 1):
                lex = os.path.join(folder, f"lexicon.half{1 - h}")
                got = batch_links(sextant, l1, l2, [files[k] for k in halves[h]], folder, f"with{h}.{mode}",
                                  extra + ["--lexicon", lex, "--lexicon-use", mode])
                for k, links in zip(halves[h], got):
                    predicted[k] = links
            row.append(f"other-half lexicon ({mode}) {f1(predicted, golds):.4f}")
        print("  ".join(row), flush=True)


if __name__ == "__main__":
    main()
