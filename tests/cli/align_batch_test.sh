#!/bin/sh
# `sextant align --batch`, as a user runs it (called by CTest from
# tests/cli/CMakeLists.txt with the binary and a case name). Prints what
# the CTest pattern looks for; exits non-zero when a check fails.
set -u
sextant=$1
case_name=$2
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT

printf 'Letter dated 21 January 2015 from the Permanent Representative of Armenia.\nOne civilian was killed over this period.\n' > "$d/a.en"
printf "Lettre datée du 21 janvier 2015 du Représentant permanent de l'Arménie.\nUn civil a été tué pendant cette période.\n" > "$d/a.fr"
printf 'The Co-Chairs of the OSCE Minsk Group expressed concern on 12 January 2015.\n' > "$d/b.en"
printf "Les coprésidents du Groupe de Minsk de l'OSCE ont exprimé leur inquiétude le 12 janvier 2015.\n" > "$d/b.fr"

case $case_name in
  same_as_alone)
    # Each output is what aligning the pair alone gives; a missing file is
    # reported with its list line, the other pairs still written, exit 1.
    printf '%s\t%s\t%s\n# a comment\n\n%s\t%s\t%s\n%s\t%s\t%s\n' \
      "$d/a.fr" "$d/a.en" "$d/a.json" "$d/b.fr" "$d/missing.en" "$d/x.json" \
      "$d/b.fr" "$d/b.en" "$d/b.json" > "$d/list"
    "$sextant" align --batch "$d/list" --segmented --langs fr,en 2>&1
    echo "exit=$?"
    "$sextant" align "$d/a.fr" "$d/a.en" --segmented --langs fr,en > "$d/a.alone" || exit 1
    "$sextant" align "$d/b.fr" "$d/b.en" --segmented --langs fr,en > "$d/b.alone" || exit 1
    cmp "$d/a.json" "$d/a.alone" && cmp "$d/b.json" "$d/b.alone" && [ ! -e "$d/x.json" ] && echo same_as_alone
    ls "$d" | grep -q tmp || echo no_temporary
    # TSV too, and the links are those of the pair (2 and 1 source sentences).
    printf '%s\t%s\t%s\n' "$d/a.fr" "$d/a.en" "$d/a.tsv" > "$d/list2"
    "$sextant" align --batch "$d/list2" --segmented --langs fr,en --format tsv && [ "$(wc -l < "$d/a.tsv")" -eq 2 ] && echo tsv_ok
    ;;
  batch_lexicon)
    # --batch-lexicon: one lexicon from both pairs; both outputs written,
    # every source sentence linked once, a missing file still reported.
    printf '%s\t%s\t%s\n%s\t%s\t%s\n%s\t%s\t%s\n' "$d/a.fr" "$d/a.en" "$d/a.json" \
      "$d/b.fr" "$d/missing.en" "$d/x.json" "$d/b.fr" "$d/b.en" "$d/b.json" > "$d/list"
    "$sextant" align --batch "$d/list" --batch-lexicon --segmented --langs fr,en 2>&1
    echo "exit=$?"
    python3 - "$d/a.json" "$d/b.json" <<'PY' && echo links_ok
import json, sys
for path, n in zip(sys.argv[1:], (2, 1)):
    links = json.load(open(path, encoding="utf-8"))["links"]
    assert sorted(i for link in links for i in link["source"]) == list(range(n)), path
PY
    ;;
  bad_line)
    # A malformed line is a usage error naming it; nothing is written.
    printf '%s\t%s\t%s\nonly.fr\tonly.en\n' "$d/a.fr" "$d/a.en" "$d/a.json" > "$d/list"
    "$sextant" align --batch "$d/list" --segmented --langs fr,en 2>&1
    echo "exit=$?"
    [ ! -e "$d/a.json" ] && echo nothing_written
    ;;
  jobs)
    # Pairs on 1 or 3 threads give the same outputs; --jobs is checked.
    printf '%s\t%s\t%s\n%s\t%s\t%s\n' "$d/a.fr" "$d/a.en" "$d/a1.json" "$d/b.fr" "$d/b.en" "$d/b1.json" > "$d/list1"
    printf '%s\t%s\t%s\n%s\t%s\t%s\n' "$d/a.fr" "$d/a.en" "$d/a3.json" "$d/b.fr" "$d/b.en" "$d/b3.json" > "$d/list3"
    "$sextant" align --batch "$d/list1" --segmented --langs fr,en --jobs 1 &&
      "$sextant" align --batch "$d/list3" --segmented --langs fr,en --jobs 3 &&
      cmp "$d/a1.json" "$d/a3.json" && cmp "$d/b1.json" "$d/b3.json" && echo same_on_any_threads
    "$sextant" align --batch "$d/list1" --segmented --langs fr,en --jobs 0 2>&1
    echo "exit=$?"
    "$sextant" align "$d/a.fr" "$d/a.en" --segmented --langs fr,en --jobs 2 2>&1
    echo "exit=$?"
    ;;
  unwritable)
    printf '%s\t%s\t%s\n' "$d/a.fr" "$d/a.en" /nonexistent/a.json > "$d/list"
    "$sextant" align --batch "$d/list" --segmented --langs fr,en 2>&1
    echo "exit=$?"
    ;;
  *)
    echo "unknown case $case_name"
    exit 1
    ;;
esac
