#!/bin/sh
# Seed corpora for the fuzzers, from the example repository and the golden cases.
# Usage: make_corpus.sh SOURCE_DIR OUT_DIR   (writes OUT_DIR/front_end and OUT_DIR/cron)
set -eu
src=$1
out=$2
mkdir -p "$out/front_end" "$out/cron"
n=0
for f in $(find "$src/examples" "$src/tests/golden" -name '*.yaml' | sort); do
  n=$((n + 1))
  cp "$f" "$out/front_end/seed_$n.yaml"
done
grep -rhoE 'cron: "[^"]*"' "$src/examples" "$src/tests/golden" | sed 's/cron: "//; s/"$//' | sort -u |
  while IFS= read -r expr; do
    n=$((n + 1))
    printf '%s' "$expr" >"$out/cron/seed_$n"
  done
echo "corpus: $(ls "$out/front_end" | wc -l) configs, $(ls "$out/cron" | wc -l) crons"
