#!/bin/sh
# Runs a Dagster conformance script with the dagster venv's python, after building (or reusing) the dagster
# and moto venvs. Usage: run.sh TRIGC SCRIPT [ARG...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
trigc=$1
script=$2
shift 2
dagster_venv=$("$here/../venv.sh" dagster moto | head -n 1)
TRIGC=$trigc PYTHONDONTWRITEBYTECODE=1 exec "$dagster_venv/bin/python" "$here/$script" "$@"
