#!/usr/bin/env bash
# Regenerates tests/conformance/locks/NAME.txt from locks/NAME.in: every package of the resolution pinned
# exactly, with the hashes of every file PyPI offers for it, for CPython 3.11 on x86_64 Linux. A developer
# tool: run it after changing a .in file and commit both; the test command only installs from the .txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venvs=${TRIGC_VENVS:-$(cd "$here/../.." && pwd)/build/venvs}
"$here/venv.sh" moto >/dev/null  # makes sure uv is there
for name in "$@"; do
  "$venvs/uv/bin/uv" pip compile --quiet --generate-hashes --no-header --python-version 3.11 \
    --python-platform x86_64-unknown-linux-gnu "$here/locks/$name.in" -o "$here/locks/$name.txt"
done
