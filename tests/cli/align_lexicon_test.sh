#!/bin/sh
# `sextant align` with a stored lexicon (--save-lexicon, --lexicon, --index),
# as a user runs it (called by CTest from tests/cli/CMakeLists.txt with the
# binary and a case name). Prints what the CTest pattern looks for; exits
# non-zero when a check fails.
set -u
sextant=$1
case_name=$2
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT

printf 'Letter dated 21 January 2015 from the Permanent Representative of Armenia.\nThe Security Council met on 12 January 2015.\nOne civilian was killed over this period.\n' > "$d/a.en"
printf "Lettre datée du 21 janvier 2015 du Représentant permanent de l'Arménie.\nLe Conseil de sécurité s'est réuni le 12 janvier 2015.\nUn civil a été tué pendant cette période.\n" > "$d/a.fr"
printf 'The Security Council expressed concern on 12 January 2015.\nThe Security Council met again.\n' > "$d/b.en"
printf "Le Conseil de sécurité a exprimé son inquiétude le 12 janvier 2015.\nLe Conseil de sécurité s'est réuni à nouveau.\n" > "$d/b.fr"
printf '%s\t%s\t%s\n%s\t%s\t%s\n' "$d/a.fr" "$d/a.en" "$d/a.json" "$d/b.fr" "$d/b.en" "$d/b.json" > "$d/list"

case $case_name in
  save_and_use)
    # A batch's lexicon written, then read by --lexicon and by --index
    # (INDEX/lexicon/): the same links either way.
    "$sextant" align --batch "$d/list" --batch-lexicon --save-lexicon "$d/index/lexicon" --segmented --langs fr,en || exit 1
    head -1 "$d/index/lexicon/fr-en.lexicon"
    grep -q "$(printf 'sécurité\tsecurity')" "$d/index/lexicon/fr-en.lexicon" && echo learned_pair_stored
    "$sextant" align "$d/a.fr" "$d/a.en" --segmented --langs fr,en --lexicon "$d/index/lexicon" > "$d/one" || exit 1
    "$sextant" align "$d/a.fr" "$d/a.en" --segmented --langs fr,en --index "$d/index" > "$d/two" || exit 1
    # Read the other way round (en-fr) from the same file.
    "$sextant" align "$d/a.en" "$d/a.fr" --segmented --langs en,fr --index "$d/index" --lexicon-use alone > /dev/null &&
      cmp "$d/one" "$d/two" && echo same_links
    ;;
  no_lexicon)
    # An index without a lexicon: the command works as without --index.
    mkdir "$d/index"
    "$sextant" align "$d/a.fr" "$d/a.en" --segmented --langs fr,en > "$d/one" || exit 1
    "$sextant" align "$d/a.fr" "$d/a.en" --segmented --langs fr,en --index "$d/index" > "$d/two" || exit 1
    cmp "$d/one" "$d/two" && echo as_without
    ;;
  broken)
    # A stored lexicon that cannot be parsed: an error naming the file.
    mkdir -p "$d/index/lexicon"
    echo "conseil council" > "$d/index/lexicon/fr-en.lexicon"
    "$sextant" align "$d/a.fr" "$d/a.en" --segmented --langs fr,en --index "$d/index" 2>&1
    echo "exit=$?"
    "$sextant" align --batch "$d/list" --segmented --langs fr,en --index "$d/index" 2>&1
    echo "exit=$?"
    ;;
  usage)
    "$sextant" align --batch "$d/list" --segmented --langs fr,en --save-lexicon "$d/x" 2>&1
    echo "exit=$?"
    "$sextant" align "$d/a.fr" "$d/a.en" --segmented --langs fr,en --index "$d" --lexicon "$d" 2>&1
    echo "exit=$?"
    ;;
  *)
    echo "unknown case $case_name"
    exit 1
    ;;
esac
