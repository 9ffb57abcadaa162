#!/bin/sh
# sextant ingest writes a document's set once extraction has moved past
# it; a version that comes much later (its file far away in path order)
# reopens the set, which is written again, whole. Here the English fixture
# comes first, twenty GA resolutions next, the Chinese fixture last: the
# Chinese must still be aligned with the English (the English, freed once
# its set was written, is read again from its file).
# Usage: ingest_late_version_test.sh SEXTANT FIXTURES SHARED_CORPORA
set -eu
sextant=$1
fixtures=$2
ga=$3/un-pdf/ga
if [ ! -d "$ga" ]; then
  echo "skipped: $ga not found (the shared corpora are not beside the checkout)"
  exit 77
fi
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
mkdir "$d/pdf"
ln -s "$fixtures/en.pdf" "$d/pdf/0_en.pdf"
for f in $(ls "$ga"/*.pdf | head -n 20); do ln -s "$f" "$d/pdf/1_$(basename "$f")"; done
ln -s "$fixtures/zh.pdf" "$d/pdf/2_zh.pdf"
"$sextant" ingest --jobs 1 --index "$d/index" "$d/pdf" 2>&1
"$sextant" search --index "$d/index" --show en --limit 1 会议开幕
