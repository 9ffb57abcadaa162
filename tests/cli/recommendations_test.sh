#!/bin/sh
# Recommendations on two real UPR reports of Afghanistan (2009, 2014).
#   recommendations_test.sh SEXTANT CORPORA jsonl|csv|round_trip
# Exits 77 (skipped) when CORPORA/upr/reports is absent.
sextant=$1
reports=$2/upr/reports
mode=$3
if [ ! -d "$reports" ]; then
  echo "skipped: $reports is absent (the UPR corpus beside the checkout)"
  exit 77
fi
case $mode in
  jsonl) exec "$sextant" recommendations "$reports/afghanistan2009.pdf" ;;
  csv) exec "$sextant" recommendations --format csv "$reports/afghanistan2009.pdf" ;;
  round_trip)
    dir=$(mktemp -d) || exit 1
    trap 'rm -rf "$dir"' EXIT
    "$sextant" ingest --index "$dir/index" "$reports/afghanistan2009.pdf" "$reports/afghanistan2014.pdf" 2>/dev/null || exit 1
    "$sextant" search --index "$dir/index" --limit 1 'to:Afghanistan from:Norway response:supported session:5' || exit 1
    "$sextant" history --index "$dir/index" --limit 1 'moratorium to:afghanistan response:noted' || exit 1
    # A thread holds wordings of both reviews, oldest first, with its changes.
    "$sextant" history --index "$dir/index" --json --limit 100 'moratorium to:afghanistan' | python3 -c '
import json, sys
for thread in json.load(sys.stdin)["threads"]:
    symbols = [item["symbol"] for item in thread["items"]]
    if symbols[:1] == ["A/HRC/12/9"] and "A/HRC/26/4" in symbols and thread["changes"]:
        print("thread over both reviews:", " | ".join(item["meeting_dates"][0] + " " + item["id"] for item in thread["items"]))
        break
'
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
