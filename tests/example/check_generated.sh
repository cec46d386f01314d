#!/bin/sh
# The generated trees committed beside examples/ratatouille must be exactly what `trigc build` writes today:
# builds the example into a temporary folder and compares it with examples/ratatouille/generated/.
# Usage: check_generated.sh TRIGC EXAMPLE_DIR
set -u
trigc=$1
example=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
committed="$example/generated"
targets=$(ls "$committed" 2>/dev/null | tr '\n' ',' | sed 's/,$//')
if [ -z "$targets" ]; then
  echo "example: no generated tree is committed yet"
  exit 0
fi
SOURCE_DATE_EPOCH=1767225600 "$trigc" build "$example" --target "$targets" --out "$work" || exit 1
if ! diff -r "$committed" "$work" >"$work.diff" 2>&1; then
  echo "example: the committed generated trees are stale; run: trigc build $example --target $targets --out $committed" >&2
  head -50 "$work.diff" >&2
  rm -f "$work.diff"
  exit 1
fi
rm -f "$work.diff"
echo "example: generated trees for $targets match a fresh build"
