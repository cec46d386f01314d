#!/bin/sh
# Every Python file the Dagster target writes must compile, have no pyflakes finding and be unchanged by
# `black --check`: the example's committed tree, a fresh build of the example, and the golden trees.
# Usage: check_python.sh TRIGC REPO_ROOT
set -u
trigc=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SOURCE_DATE_EPOCH=1767225600 "$trigc" build "$root/examples/ratatouille" --target dagster --out "$work/fresh" -q || exit 1
status=0
count=0
for dir in "$root/examples/ratatouille/generated/dagster" "$work/fresh/dagster" "$root"/tests/golden/build_dagster/*.tree; do
  files=$(find "$dir" -name '*.py' | sort)
  if [ -z "$files" ]; then
    echo "no Python file below $dir" >&2
    status=1
    continue
  fi
  count=$((count + $(echo "$files" | wc -l)))
  PYTHONPYCACHEPREFIX="$work/pycache" /usr/bin/python3 -m py_compile $files || status=1
  pyflakes3 $files || status=1
  black --check -q $files || { echo "black would reformat files below $dir" >&2; status=1; }
done
echo "dagster python tools: $count files checked"
exit $status
