#!/usr/bin/env python3
"""`sextant export` at scale (issue 16): peak resident memory at several
index sizes (it must not grow with the index), throughput in pairs per
second, pairs exported = links stored, the TMX valid; and, side by side,
what a user would do instead: align the same documents again from their
text, `sextant align --batch --segmented --format tmx`.

    tests/bench/export_bench.py SEXTANT INDEX_BENCH CORPORA WORK [SIZES]

SIZES: minimum segment counts of the indexes, comma-separated (default
50000,100000,200000). Each index is index_bench's (the UN Parallel Corpus
devset written R times, six languages, the gold 1-1 alignment, English the
pivot: tests/bench/index_bench.cc), built with --build-only into
WORK/index-N and reused. For each: `sextant export --langs zh,en --min-score
0 --output` under /usr/bin/time -v (peak RSS, wall time), the pairs against
the links stored (4,000 devset sentences a round, each a 1-1 link), and
`xmllint --stream --dtdvalid` on the TMX. On the largest, every pair with
English (five exports, as TSV to /dev/null). The comparison: the devset's
732 documents once, zh and en one sentence a line, aligned by one
`sextant align --batch --jobs 1` process into TMX files (pairs per second),
against the export's pairs per second on the smallest index.
"""
import os
import re
import subprocess
import sys
import time


def timed(args, **kwargs):
    """(wall seconds, peak RSS in MB, stderr) of args run under /usr/bin/time -v."""
    start = time.monotonic()
    kwargs.setdefault("stdout", subprocess.PIPE)
    result = subprocess.run(["/usr/bin/time", "-v", *args], stderr=subprocess.PIPE, text=True, **kwargs)
    wall = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"export_bench: {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return wall, rss_kb / 1024, result.stderr


def pairs_of(stderr):
    return int(re.search(r"export: (\d+) pairs", stderr).group(1))


def build(index_bench, corpora, folder, segments):
    subprocess.run([index_bench, "--index", folder, "--min-segments", str(segments), "--build-only",
                    "--corpora", corpora], check=True, stdout=subprocess.DEVNULL)


def main():
    sextant, index_bench, corpora, work = sys.argv[1:5]
    sizes = [int(n) for n in (sys.argv[5] if len(sys.argv) > 5 else "50000,100000,200000").split(",")]
    dtd = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpora", "tmx", "tmx14.dtd")
    os.makedirs(work, exist_ok=True)
    print("| index segments | documents (zh) | pairs zh-en exported | links stored | peak RSS | wall | pairs/s | TMX valid |")
    print("|---|---|---|---|---|---|---|---|")
    largest = None
    rates = []
    for size in sizes:
        folder = os.path.join(work, f"index-{size}")
        build(index_bench, corpora, folder, size)
        out = os.path.join(work, f"zh_en-{size}.tmx")
        wall, rss, stderr = timed([sextant, "export", "--index", folder, "--langs", "zh,en", "--min-score", "0",
                                   "--output", out])
        pairs = pairs_of(stderr)
        documents = int(re.search(r"from (\d+) documents", stderr).group(1))
        rounds = documents // 732
        valid = subprocess.run(["xmllint", "--stream", "--noout", "--dtdvalid", dtd, out],
                               capture_output=True).returncode == 0
        entries = rounds * 4000 * 6
        print(f"| {entries:,} | {documents:,} | {pairs:,} | {rounds * 4000:,} | {rss:.1f} MB | {wall:.1f} s | "
              f"{pairs / wall:,.0f} | {'yes' if valid else 'NO'} |")
        os.remove(out)
        rates.append(pairs / wall)
        largest = folder
    total_pairs, total_wall, peak = 0, 0.0, 0.0
    for language in ["zh", "fr", "ru", "es", "ar"]:
        wall, rss, stderr = timed([sextant, "export", "--index", largest, "--langs", f"{language},en",
                                   "--min-score", "0", "--format", "tsv"], stdout=subprocess.DEVNULL)
        total_pairs += pairs_of(stderr)
        total_wall += wall
        peak = max(peak, rss)
    print(f"\nevery pair with English on the largest index: {total_pairs:,} pairs ({2 * total_pairs:,} segments) "
          f"in {total_wall:.1f} s, {total_pairs / total_wall:,.0f} pairs/s, peak RSS {peak:.1f} MB")

    # Instead: align the devset's documents again from their text.
    devset = os.path.join(corpora, "unpc-devset", "UNv1.0.devset")
    ids = [line.split()[0] for line in open(devset + ".ids", encoding="utf-8")]
    texts = {lang: open(f"{devset}.{lang}", encoding="utf-8").read().splitlines() for lang in ("zh", "en")}
    texts_folder = os.path.join(work, "devset-texts")
    os.makedirs(texts_folder, exist_ok=True)
    documents = {}
    for line, document in enumerate(ids):
        documents.setdefault(document, []).append(line)
    batch = []
    for k, (document, lines) in enumerate(documents.items()):
        paths = []
        for lang in ("zh", "en"):
            path = os.path.join(texts_folder, f"{k}.{lang}")
            with open(path, "w", encoding="utf-8") as out:
                out.write("".join(texts[lang][i] + "\n" for i in lines))
            paths.append(path)
        batch.append(f"{paths[0]}\t{paths[1]}\t{os.path.join(texts_folder, f'{k}.tmx')}\n")
    batch_path = os.path.join(work, "batch.tsv")
    with open(batch_path, "w", encoding="utf-8") as out:
        out.writelines(batch)
    align_wall, align_rss, _ = timed([sextant, "align", "--batch", batch_path, "--segmented", "--langs", "zh,en",
                                      "--format", "tmx", "--jobs", "1", "--dictionary", "none"])
    aligned = sum(open(os.path.join(texts_folder, f"{k}.tmx"), encoding="utf-8").read().count("<tu>")
                  for k in range(len(documents)))
    per_second = rates[0]
    print(f"\ninstead, align --batch of the devset's {len(documents)} documents (zh,en, --jobs 1): {aligned:,} pairs "
          f"in {align_wall:.1f} s, {aligned / align_wall:,.0f} pairs/s, peak RSS {align_rss:.1f} MB; "
          f"export on the {sizes[0]:,}-segment index: {per_second:,.0f} pairs/s; "
          f"export / align = {per_second / (aligned / align_wall):.1f}x")


if __name__ == "__main__":
    main()
