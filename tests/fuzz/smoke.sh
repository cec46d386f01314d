#!/bin/sh
# A short fuzz run: HARNESS from fresh seed corpora (make_corpus.sh) for SECONDS, in a temporary folder.
# Exits non-zero on any finding and prints the input that caused it (base64) so it can be reproduced.
# Usage: smoke.sh HARNESS SOURCE_DIR SECONDS
set -eu
harness=$1
src=$2
seconds=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sh "$src/tests/fuzz/make_corpus.sh" "$src" "$work/seeds" >/dev/null
name=$(basename "$harness")
corpus=$work/seeds/${name#fuzz_}
[ -d "$corpus" ] || { echo "smoke: no seed corpus for $name" >&2; exit 2; }
dict=$src/tests/fuzz/yaml.dict
[ "$name" != fuzz_cron ] || dict=$src/tests/fuzz/cron.dict
mkdir "$work/found"
status=0
"$harness" -dict="$dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/found/" "$corpus" >"$work/log" 2>&1 || status=$?
grep -E '^(INFO: seed|#[0-9]+[[:space:]]+(INITED|DONE)|Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$work/log" || true
if [ "$status" -ne 0 ] || [ -n "$(ls "$work/found")" ]; then
  cat "$work/log"
  for f in "$work"/found/*; do
    [ -e "$f" ] || continue
    echo "smoke: $name finding $(basename "$f") (base64):"
    base64 "$f"
  done
  echo "smoke: $name failed (exit $status); reproduce with: $name FILE" >&2
  exit 1
fi
echo "smoke: $name ok"
