#!/bin/sh
# The index's lexicon end to end, as a user runs it (called by CTest from
# tests/cli/CMakeLists.txt with the binary, the fixture folder and a case
# name). Prints what the CTest pattern looks for; exits non-zero when a
# step fails.
#   stored_and_used: `sextant ingest` stores INDEX/lexicon/en-zh.lexicon;
#     `align --index` reads it (the same links as --lexicon on that folder;
#     a broken file there is an error naming it).
#   cross: a document ingested in Chinese only, into an index that holds
#     the lexicon an earlier ingest learned, is found by an English query
#     with --cross, through a translation; without --cross it is not.
set -u
sextant=$1
fixtures=$2
case_name=$3
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT

"$sextant" ingest --lexicon-min-links 1 --index "$d/index" "$fixtures" 2>&1 | grep "ingest: lexicon:" || exit 1
case $case_name in
  stored_and_used)
    head -1 "$d/index/lexicon/en-zh.lexicon"
    grep -q "$(printf '^meeting\t会议$')" "$d/index/lexicon/en-zh.lexicon" && echo learned_pair_stored
    "$sextant" align "$fixtures/zh.pdf" "$fixtures/en.pdf" --index "$d/index" --lexicon-use alone --format json > "$d/one" || exit 1
    "$sextant" align "$fixtures/zh.pdf" "$fixtures/en.pdf" --lexicon "$d/index/lexicon" --lexicon-use alone --format json > "$d/two" || exit 1
    cmp "$d/one" "$d/two" && echo same_links
    echo "meeting 会议" > "$d/index/lexicon/en-zh.lexicon"
    "$sextant" align "$fixtures/zh.pdf" "$fixtures/en.pdf" --index "$d/index" 2>&1
    echo "exit=$?"
    ;;
  cross)
    mkdir -p "$d/zh-only/pdf"
    cp -r "$d/index/lexicon" "$d/zh-only/lexicon"
    cp "$fixtures/zh.pdf" "$d/zh-only/pdf/"
    "$sextant" ingest --index "$d/zh-only" "$d/zh-only/pdf" > /dev/null 2>&1 || exit 1
    "$sextant" search --index "$d/zh-only" trafficking persons | head -1
    "$sextant" search --index "$d/zh-only" --cross --json --limit 3 trafficking persons
    "$sextant" search --index "$d/zh-only" --cross --limit 1 trafficking persons
    ;;
  *)
    echo "unknown case $case_name"
    exit 1
    ;;
esac
