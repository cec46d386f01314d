#!/bin/sh
# A target is replaced all or nothing (issue "Safe on a hostile checkout"): when one of its files cannot be
# replaced, the target's folder keeps every old file and its old manifest, no temp file is left, the error
# names the file, and once the cause is gone the next build converges. The failure used is one that stops
# root too: `chattr +i` (an immutable file) on the Dagster package's __init__.py, which the build would
# rewrite after the package's modules. Exits 77 (skipped) on a file system without immutable files.
# Usage: check_atomic_target.sh TRIGC EXAMPLE_DIR
set -u
trigc=$1
work=$(mktemp -d)
init="$work/repo/generated/dagster/ratatouille_triggers/__init__.py"
trap 'chattr -i "$init" 2>/dev/null; rm -rf "$work"' EXIT
fail() {
  echo "build_atomic_target: $*" >&2
  exit 1
}
snapshot() { (cd "$1" && find . ! -type d -exec stat -c '%n %s %Y %a' {} + | sort && find . -type d | sort && find . -type f -exec cat {} + | md5sum); }
edit() {  # changes every generated file's header, and so every file of every target
  sed -i 's/^# trigc project file of the ratatouille lakehouse\./# trigc project file of the ratatouille lakehouse, revised./' "$1/trigc.yaml"
  grep -q 'lakehouse, revised' "$1/trigc.yaml" || fail "the edit of trigc.yaml did not apply"
}
cp -r "$2" "$work/repo" && cp -r "$2" "$work/reference" || exit 1
(cd "$work/repo" && "$trigc" build -q --full) || fail "first build failed"
chattr +i "$init" 2>/dev/null || { echo "build_atomic_target: skipped: no chattr +i here"; exit 77; }
before=$(snapshot "$work/repo/generated/dagster")
edit "$work/repo"
(cd "$work/repo" && "$trigc" build >/dev/null 2>"$work/log")
status=$?
[ "$status" -eq 4 ] || fail "exit $status with an immutable __init__.py, not 4: $(cat "$work/log")"
grep -q "E0901.*ratatouille_triggers/__init__.py': Operation not permitted" "$work/log" || fail "the error does not name __init__.py: $(cat "$work/log")"
[ "$(snapshot "$work/repo/generated/dagster")" = "$before" ] || fail "the Dagster folder changed: $(cd "$work/repo/generated/dagster" && find . | sort)"
chattr -i "$init"
(cd "$work/repo" && "$trigc" build -q) || fail "the build after the fix failed"
edit "$work/reference"
(cd "$work/reference" && "$trigc" build -q --full) || fail "the reference build failed"
diff -r "$work/repo/generated" "$work/reference/generated" >"$work/diff" || fail "the next build did not converge: $(head -20 "$work/diff")"
echo "build_atomic_target: an immutable __init__.py leaves the Dagster folder as it was; the next build converges"
