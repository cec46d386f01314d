#!/bin/sh
# The benchmark's repository generator (bench/gen_repo.py) still writes a repository that trigc validates and
# builds without errors, for all six targets; and the output does not depend on thread timing: two validate
# runs print the same bytes, and a second build rewrites no file.
#   check_synthetic.sh TRIGC SOURCE_DIR
set -eu
trigc="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$source_dir/bench/gen_repo.py" --pipelines 200 "$work/repo"
test "$(find "$work/repo/pipelines" -name config.yaml | wc -l)" -eq 200

for run in 1 2; do
  if ! "$trigc" validate --color never "$work/repo" 2> "$work/validate$run.txt"; then
    head -50 "$work/validate$run.txt" >&2
    echo "FAIL: the synthetic repository does not validate" >&2
    exit 1
  fi
done
grep -q '^ok: 200 pipelines valid' "$work/validate1.txt" || { cat "$work/validate1.txt" >&2; exit 1; }
cmp "$work/validate1.txt" "$work/validate2.txt" || { echo "FAIL: diagnostics differ between runs" >&2; exit 1; }

"$trigc" build -q "$work/repo" --out "$work/out"
for target in dagster airflow prefect crontab systemd minio; do
  test -d "$work/out/$target" || { echo "FAIL: no $target output" >&2; exit 1; }
done
test "$(find "$work/out/dagster" -name 'p*.py' | wc -l)" -eq 200
# A second build regenerates everything in memory and rewrites only files whose bytes differ: none may change.
snapshot() { find "$work/out" -type f -printf '%p %T@ %s\n' | sort; }
snapshot > "$work/before.txt"
"$trigc" build -q "$work/repo" --out "$work/out"
snapshot > "$work/after.txt"
diff "$work/before.txt" "$work/after.txt" >&2 || { echo "FAIL: a second build rewrote files" >&2; exit 1; }
echo "ok: 200 synthetic pipelines validate and build, the same on every run"
