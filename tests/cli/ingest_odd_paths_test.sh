#!/bin/sh
# sextant ingest over a folder holding what real folders hold: a Latin-1
# name, a name with a newline, links that loop or lead nowhere, a FIFO.
# The PDFs go in; each other path is named on one line, bytes shown
# (\xFF); the JSON search output names the files in valid JSON; exit 1
# because paths were left out.
# Usage: ingest_odd_paths_test.sh SEXTANT FIXTURES
set -u
sextant=$1
fixtures=$2
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
mkdir "$d/pdf"
cp "$fixtures/en.pdf" "$d/pdf/bad$(printf '\377')name.pdf"
cp "$fixtures/fr.pdf" "$d/pdf/new
line.pdf"
ln -s b.pdf "$d/pdf/a.pdf"
ln -s a.pdf "$d/pdf/b.pdf"
ln -s /nonexistent.pdf "$d/pdf/dangling.pdf"
mkfifo "$d/pdf/fifo.pdf"
"$sextant" ingest --index "$d/index" "$d/pdf" 2>&1
echo "exit=$?"
"$sextant" search --index "$d/index" --json --limit 200 symbol:CTOC/COP/WG.4/2022/1 |
  python3 -c 'import json, sys; print("files: " + " ".join(sorted({h["file"].rsplit("/", 1)[1] for h in json.load(sys.stdin)["hits"]})))'
