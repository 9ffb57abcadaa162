#!/bin/sh
# `sextant serve` refuses clearly: no index, a port out of range, and a
# port another server holds (it must not start beside it and share the
# port). Usage: serve_errors_test.sh SEXTANT FIXTURES
set -u
sextant=$1
fixtures=$2
d=$(mktemp -d)
first=""
trap '[ -n "$first" ] && kill "$first" 2>/dev/null; rm -rf "$d"' EXIT
"$sextant" serve --index "$d/none" 2>&1
echo "exit=$?"
"$sextant" serve --port 99999 2>&1 | head -n 1
"$sextant" ingest --index "$d/index" "$fixtures" 2>/dev/null || exit 1
"$sextant" serve --index "$d/index" --port 0 >"$d/first.out" 2>&1 &
first=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do
  grep -q "serving" "$d/first.out" && break
  sleep 0.2
done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$d/first.out")
[ -n "$port" ] || { echo "the first server did not start"; cat "$d/first.out"; exit 1; }
timeout 5 "$sextant" serve --index "$d/index" --port "$port" 2>&1
echo "second_exit=$?"
