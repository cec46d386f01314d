#!/bin/sh
# The capability matrix in README.md must be exactly what `trigc targets` prints.
# Usage: check_readme_matrix.sh TRIGC README
set -u
expected=$("$1" targets) || exit 1
actual=$(sed -n '/<!-- capability-matrix:begin -->/,/<!-- capability-matrix:end -->/p' "$2" | sed '1d;$d')
if [ "$expected" != "$actual" ]; then
  echo "README.md's capability matrix differs from 'trigc targets'; paste its output between the markers" >&2
  exit 1
fi
echo "readme: capability matrix matches trigc targets ($(echo "$expected" | wc -l) lines)"
