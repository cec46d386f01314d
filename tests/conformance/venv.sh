#!/usr/bin/env bash
# Builds the virtual environment build/venvs/NAME from tests/conformance/locks/NAME.txt (every package pinned
# exactly, with hashes) and prints its folder. A venv whose lock is unchanged since it was built is reused, so
# only a changed lock costs a rebuild. Nothing is installed outside build/venvs (TRIGC_VENVS overrides it).
# Every venv is made from Debian's /usr/bin/python3 (3.11), which all the pinned orchestrators support.
# Usage: tests/conformance/venv.sh NAME...   (or --all: every lock but uv's)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venvs=${TRIGC_VENVS:-$(cd "$here/../.." && pwd)/build/venvs}
python=/usr/bin/python3
mkdir -p "$venvs"

lock_sum() { sha256sum "$here/locks/$1.txt" | cut -d' ' -f1; }
is_current() { [ -f "$venvs/$1/.trigc-lock" ] && [ "$(cat "$venvs/$1/.trigc-lock")" = "$(lock_sum "$1")" ]; }

# uv itself comes from its own hash-pinned lock, installed with pip into a venv of its own.
bootstrap_uv() {
  is_current uv && return
  rm -rf "$venvs/uv"
  "$python" -m venv "$venvs/uv"
  "$venvs/uv/bin/pip" install --quiet --disable-pip-version-check --require-hashes --no-deps \
    -r "$here/locks/uv.txt"
  lock_sum uv >"$venvs/uv/.trigc-lock"
}

build() {
  local name=$1 dir="$venvs/$1"
  [ -f "$here/locks/$name.txt" ] || { echo "venv.sh: no lock tests/conformance/locks/$name.txt" >&2; exit 2; }
  is_current "$name" && { echo "$dir"; return; }
  bootstrap_uv
  echo "venv.sh: building $dir from locks/$name.txt" >&2
  rm -rf "$dir"
  "$venvs/uv/bin/uv" venv --quiet --python "$python" "$dir"
  "$venvs/uv/bin/uv" pip sync --quiet --python "$dir/bin/python" --require-hashes "$here/locks/$name.txt"
  lock_sum "$name" >"$dir/.trigc-lock"
  echo "$dir"
}

names=("$@")
if [ "${1:-}" = "--all" ]; then
  names=()
  for lock in "$here"/locks/*.txt; do
    name=$(basename "$lock" .txt)
    [ "$name" = uv ] || names+=("$name")
  done
fi
[ "${#names[@]}" -gt 0 ] || { echo "usage: tests/conformance/venv.sh NAME... | --all" >&2; exit 2; }
# One build at a time: tests running in parallel may ask for the same venv.
exec 9>"$venvs/.venv.lock"
flock 9
for name in "${names[@]}"; do build "$name"; done
