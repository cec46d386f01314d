#!/bin/sh
# Nothing is written or deleted through a symbolic link (issue "Safe on a hostile checkout"): a checkout that
# links an output folder, a folder inside one, a generated file or .trigc_cache somewhere else gets E0915 and
# exit 4, and nothing changes outside the repository (nor inside it).
# Usage: check_symlinks.sh TRIGC EXAMPLE_DIR
set -u
trigc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "build_symlinks: $*" >&2
  exit 1
}
snapshot() { (cd "$1" && find . -exec stat -c '%n %s %Y' {} + | sort && find . -type f -exec cat {} + | md5sum); }
# A fresh copy of the example, built once; a person's package outside it.
setup() {
  rm -rf "$work/repo" "$work/outside"
  cp -r "$2" "$work/repo" || exit 1
  mkdir -p "$work/outside"
  echo "a person's package" >"$work/outside/__init__.py"
  cp "$work/repo/generated/airflow/bronze_sales.py" "$work/outside/bronze_sales.py"
}
# Builds after a config change (so the fast path cannot answer): must exit 4 with E0915 naming $1, and leave
# the repository's generated files and the outside folder as they were.
refused() {
  sed -i 's/^description: .*/description: "Bronze sales, re-described"/' "$work/repo/pipelines/bronze_sales/config.yaml"
  inside=$(snapshot "$work/repo/generated")
  outside=$(snapshot "$work/outside")
  (cd "$work/repo" && "$trigc" build $2 >"$work/out" 2>"$work/log")
  status=$?
  [ "$status" -eq 4 ] || fail "$3: exit $status, not 4: $(cat "$work/log")"
  grep -q "error\[E0915\]: '$1' is a symbolic link" "$work/log" || fail "$3: no E0915 for '$1': $(cat "$work/log")"
  [ "$(snapshot "$work/outside")" = "$outside" ] || fail "$3: a file outside the repository changed"
  [ "$(snapshot "$work/repo/generated")" = "$inside" ] || fail "$3: a generated file changed"
}

setup "$trigc" "$2"
rm -r "$work/repo/generated/dagster/ratatouille_triggers"
ln -s "$work/outside" "$work/repo/generated/dagster/ratatouille_triggers"
refused generated/dagster/ratatouille_triggers "" "a linked module folder"

setup "$trigc" "$2"
rm -r "$work/repo/generated/airflow"
ln -s "$work/outside" "$work/repo/generated/airflow"
refused generated/airflow "" "a linked out: folder"
refused generated/airflow "--check" "--check of a linked out: folder"

setup "$trigc" "$2"
rm "$work/repo/generated/airflow/bronze_sales.py"
ln -s "$work/outside/bronze_sales.py" "$work/repo/generated/airflow/bronze_sales.py"
refused generated/airflow/bronze_sales.py "" "a linked generated file"

setup "$trigc" "$2"
rm -rf "$work/repo/.trigc_cache"
ln -s "$work/outside" "$work/repo/.trigc_cache"
refused .trigc_cache "" "a linked .trigc_cache"
[ ! -e "$work/outside/warnings" ] && [ ! -e "$work/outside/lock" ] || fail "the warnings record or lock went outside"
echo "build_symlinks: linked module folder, out: folder, generated file and .trigc_cache refused (E0915, exit 4)"
