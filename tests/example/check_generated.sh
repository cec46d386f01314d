#!/bin/sh
# The generated trees committed beside examples/ratatouille must be exactly what `trigc build` writes today.
# This is the CI gate users run: `trigc build --check` writes nothing and exits 3 (with a diff of each stale
# file) when anything is stale, missing or extra.
# Usage: check_generated.sh TRIGC EXAMPLE_DIR
set -u
trigc=$1
example=$2
SOURCE_DATE_EPOCH=1767225600 "$trigc" build --check "$example"
status=$?
if [ "$status" -ne 0 ]; then
  echo "example: the committed generated trees are not what trigc builds (exit $status); run: trigc build $example" >&2
  exit 1
fi
