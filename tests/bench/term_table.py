#!/usr/bin/env python3
"""Builds the table of UN terms and their renderings used by marks_bench.py.

From the UN Parallel Corpus devset (4,000 sentences, line i of each language
the same sentence): English terms are the word n-grams (1-3 words, no digit,
neither first nor last a function word) found in at least --min-count
sentences; for each term and each of zh fr es ru ar, the rendering is the
target n-gram (Chinese: runs of 2-12 Han characters; others: 1-4 lower-cased
words) with the highest Dice coefficient over sentences with the term (ties:
the longer). Up to two more renderings (inflected forms, synonyms) are taken
the same way from the term's sentences the first ones miss, while they
cover at least two. A term is kept when, in every language, its renderings
cover at least 80 % of its sentences and the first has Dice >= 0.5; the
first --terms terms by sentence count are written.

This script only proposes; the table was then read (see docs/benchmarks.md:
how many rows were checked, and the rows corrected or dropped by hand are
listed in DROPPED and FIXED below, applied on every run).

    tests/bench/term_table.py [--devset DIR] [--out tests/bench/un_terms.tsv]

In a rendering, "#" stands for a number ("point # de l'ordre du jour") and
words match with any punctuation between them (marks_bench.py).

Output, tab-separated, one row per term and language:
    term  lang  renderings (|-separated)  sentences_with_term  sentences_with_rendering
"""
import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import align_bench as ab  # noqa: E402

LANGS = ["zh", "fr", "es", "ru", "ar"]
STOP = set("""a an and any are as at be been by for from has have in into is it its no not of on or such that the
their these those this to was were which who with all also other shall should will would may can
our we they he she his her them us i you your there than then so if but more most very well
including include includes within upon about under between among further""".split())

# Rows read and found wrong: (term, lang) → dropped, or → fixed renderings.
DROPPED = set()
FIXED = {  # read in a sample of 100 rows (20 a language) and found holding a wrong form
    ("human rights", "fr"): ["droits de l'homme"],                 # not "droits fondamentaux"
    ("secretary-general", "fr"): ["secrétaire général"],           # not "sous-secrétaire général aux"
    ("syrian arab republic", "fr"): ["république arabe syrienne"],  # not "gouvernement syrien"
    ("widows", "ru"): ["вдовам", "вдовы", "вдов"],                 # not "мира и безопасности вдовам должна ..."
    ("norway", "ru"): ["норвегия", "норвегии"],                    # not "нидерланды # год норвегия # год"
    ("local government", "ar"): ["الوحدات الحكومية المحلية", "الحكومات المحلية"],  # not a clause around it
}
# Not terms: requests, fragments of names, words that stand for a longer term.
NOT_TERMS = set("""please post provisional nations kingdom union america korea russian federation republic
arab african united democratic islamic entering contacting infringed herewith grateful instructions
respectively york latin thursday tuesday friday monday wednesday saturday sunday internally""".split())
NOT_TERM_PHRASES = {"circulate the present", "present letter", "assembly under agenda", "committee recommends",
                    "diplomatic permit", "entering the nicosia", "see annex", "letter dated", "have the honour",
                    # read and dropped: boilerplate of one template, fragments, wrong renderings
                    "world conference", "permanent representative", "gulf", "infringed international air", "nicosia",
                    "without diplomatic permit", "aircraft infringed international", "israel the occupying",
                    "military aircraft infringed", "turkish military aircraft", "committee established pursuant",
                    "contacting nicosia", "council committee established", "council took action", "during the week",
                    "lists the items", "men were observed", "national dialogue conference", "nicosia acc",
                    "nicosia fir", "present addendum lists", "security council committee", "security council took",
                    "stockholm conventions", "took action during", "week ending", "basel rotterdam",
                    "rotterdam and stockholm", "national airspace", "occupying power", "prevention and criminal",
                    "international air traffic", "britain and northern", "commissioner for human",
                    "infringed international", "turkish military", "without diplomatic", "acc", "aircraft infringed",
                    "council took", "military aircraft", "action during", "addendum lists", "committee established",
                    "council committee", "established pursuant", "fir", "present addendum", "took action",
                    "international air", "dialogue conference", "development agenda", "united nations development",
                    "nations security council", "united nations security", "nations development", "addendum", "lists",
                    "nations security", "cyprus without diplomatic", "following statement", "ibid", "governor",
                    "greek cypriot side", "cyprus without", "issues into sustainable"}


def words(text):
    return re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+", text.lower())


def has_term(sentence_words, term_words):
    n = len(term_words)
    return any(sentence_words[i:i + n] == term_words for i in range(len(sentence_words) - n + 1))


def candidates(text, lang):
    if lang == "zh":
        out = set()
        for run in re.findall(r"[\u4e00-\u9fff]+", text):
            for n in range(2, 13):
                for i in range(len(run) - n + 1):
                    out.add(run[i:i + n])
        return out
    w = words(text)
    out = set()
    for n in range(1, 5):
        for i in range(len(w) - n + 1):
            gram = w[i:i + n]
            if any(x.isdigit() for x in gram):
                continue
            out.add(" ".join(gram))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", default=ab.DEVSET)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "un_terms.tsv"))
    parser.add_argument("--min-count", type=int, default=4)
    parser.add_argument("--terms", type=int, default=125)
    args = parser.parse_args()
    if not os.path.isdir(args.devset):
        sys.exit(f"term_table: no devset at {args.devset}")
    lines = {}
    for lang in ["en"] + LANGS:
        with open(os.path.join(args.devset, "UNv1.0.devset." + lang), encoding="utf-8") as f:
            lines[lang] = [line.rstrip("\r\n") for line in f]
    en_words = [words(s) for s in lines["en"]]
    # English terms.
    counts = collections.Counter()
    for w in en_words:
        seen = set()
        for n in range(1, 4):
            for i in range(len(w) - n + 1):
                gram = w[i:i + n]
                if gram[0] in STOP or gram[-1] in STOP or any(x.isdigit() or len(x) < 3 for x in gram):
                    continue
                if n == 1 and gram[0] in NOT_TERMS:
                    continue
                seen.add(tuple(gram))
        counts.update(seen)
    terms = [t for t, c in counts.items() if c >= args.min_count and " ".join(t) not in NOT_TERM_PHRASES]
    # A fragment of a longer term found nearly as often stands for it.
    longer = collections.defaultdict(int)
    for t in terms:
        for n in range(1, len(t)):
            for i in range(len(t) - n + 1):
                longer[t[i:i + n]] = max(longer[t[i:i + n]], counts[t])
    terms = [t for t in terms if longer[t] < 0.8 * counts[t]]
    # Target candidates per sentence, and which sentences hold each.
    cands = {lang: [candidates(s, lang) for s in lines[lang]] for lang in LANGS}
    holders = {lang: collections.defaultdict(set) for lang in LANGS}
    for lang in LANGS:
        for i, cs in enumerate(cands[lang]):
            for c in cs:
                holders[lang][c].add(i)
    rows = []
    for term in sorted(terms, key=lambda t: (-counts[t], t)):
        sentences = {i for i, w in enumerate(en_words) if has_term(w, list(term))}
        term_rows = []
        ok = True
        for lang in LANGS:
            left = set(sentences)
            renderings = []
            first_dice = 0
            while left and len(renderings) < 3:
                scores = collections.Counter()
                for i in left:
                    for c in cands[lang][i]:
                        scores[c] += 1
                best, best_key = None, None
                for c, n in scores.items():
                    if n < 2 or (lang != "zh" and c.split()[0] in ab_stop(lang)):
                        continue
                    dice = 2 * n / (len(left) + len(holders[lang][c]))
                    k = (dice, len(c))
                    if best_key is None or k > best_key:
                        best, best_key = c, k
                if best is None or best_key[0] < 0.5:
                    break
                if not renderings:
                    first_dice = best_key[0]
                elif not similar(best, renderings[0], lang):
                    break
                renderings.append(best)
                left -= holders[lang][best]
            covered = sum(1 for i in sentences if any(i in holders[lang][r] for r in renderings))
            renderings = extended(renderings, sentences, lines[lang], lang) + renderings
            if (" ".join(term), lang) in FIXED:
                renderings = FIXED[(" ".join(term), lang)]
            if not renderings or covered < 0.8 * len(sentences) or first_dice < 0.5 or (" ".join(term), lang) in DROPPED:
                ok = False
                break
            term_rows.append((" ".join(term), lang, "|".join(renderings), len(sentences), covered))
        if ok:
            rows.extend(term_rows)
        if len(rows) >= args.terms * len(LANGS):
            break
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# term\tlang\trenderings\tsentences_with_term\tsentences_with_rendering\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")
    print(f"term_table: {len(rows) // len(LANGS)} terms, {len(rows)} rows → {args.out}")


ZH_FUNCTION = set("的和与及在对了是为将并或等中其以于上之也而由")


def stem_key(gram, lang):
    return tuple(w[:5] for w in gram.split()) if lang != "zh" else gram


def extended(renderings, sentences, texts, lang):
    """The whole rendering around the most telling part: "безопасности" is
    "совета безопасности" (and its other cases), "الإنسان" "حقوق الإنسان".
    Every n-gram of the term's sentences that holds the first rendering with
    one to three more words before and one or two after (Chinese: one more
    character) on either side, grouped by
    its words' first five letters; the longest group at least 0.8 times as
    frequent as the most frequent is taken when that covers at least half the
    sentences of the rendering, its forms (the five most frequent) first,
    then the forms of every other group found in a quarter of them or more."""
    if not renderings:
        return []
    core = renderings[0]
    groups = collections.defaultdict(collections.Counter)
    with_core = 0
    for i in sentences:
        text = texts[i].lower()
        if core not in text:
            continue
        with_core += 1
        seen = set()
        if lang == "zh":
            for at in [m.start() for m in re.finditer(re.escape(core), text)]:
                for left in range(0, 2):
                    for right in range(0, 2):
                        if left + right == 0 or at - left < 0:
                            continue
                        gram = text[at - left:at + len(core) + right]
                        if re.fullmatch(r"[\u4e00-\u9fff]+", gram) and gram[0] not in ZH_FUNCTION and gram[-1] not in ZH_FUNCTION:
                            seen.add(gram)
        else:
            w = ["#" if x.isdigit() else x for x in words(text)]  # "point # de l'ordre du jour"
            c = core.split()
            for k in range(len(w) - len(c) + 1):
                if w[k:k + len(c)] != c:
                    continue
                for left in range(0, 4):
                    for right in range(0, 3):
                        if left + right == 0 or k - left < 0 or k + len(c) + right > len(w):
                            continue
                        gram = w[k - left:k + len(c) + right]
                        if gram[0] in ab_stop(lang) or gram[-1] in ab_stop(lang):
                            continue
                        seen.add(" ".join(gram))
        for gram in seen:
            groups[stem_key(gram, lang)][gram] += 1
    counts = {key: sum(forms.values()) for key, forms in groups.items()}
    if not counts or max(counts.values()) < 0.5 * with_core:
        return []
    top = max(counts.values())
    # The longest of the groups nearly as frequent as the most frequent,
    # then every group in a quarter of the sentences or more (a rendering
    # has several wholes: "nations unies", "organisation des nations unies").
    best = max((key for key, n in counts.items() if n >= 0.8 * top), key=lambda k: (len(k), counts[k]))
    keys = [best] + sorted((k for k, n in counts.items() if k != best and n >= 0.25 * with_core),
                           key=lambda k: -counts[k])
    forms = []
    for key in keys:
        forms += [form for form, _ in groups[key].most_common(5) if form != core and form not in forms]
    return forms


def similar(other, first, lang):
    """A further rendering is another form of the first: a Han bigram in
    common (zh), or a word sharing its first four letters."""
    if lang == "zh":
        return any(other[i:i + 2] in first for i in range(len(other) - 1))
    heads = {w[:4] for w in first.split() if len(w) >= 4}
    return any(w[:4] in heads for w in other.split() if len(w) >= 4)


def ab_stop(lang):
    return {
        "fr": {"de", "la", "le", "les", "des", "du", "et", "à", "au", "aux", "en", "pour", "par", "sur", "un", "une", "d", "l"},
        "es": {"de", "la", "el", "los", "las", "del", "y", "a", "al", "en", "para", "por", "con", "un", "una"},
        "ru": {"и", "в", "на", "с", "по", "для", "к", "о", "об", "от", "из"},
        "ar": {"في", "من", "على", "إلى", "عن", "و"},
    }.get(lang, set())


if __name__ == "__main__":
    main()
