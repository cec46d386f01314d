#!/bin/sh
# Generate-and-commit behaviour of `trigc build` on a copy of the example, with the real binary and file system:
# unchanged files keep their mtime, a second build takes the no-op path, a hand edit or a deleted file is
# repaired, a file a person wrote is never touched (nor overwritten by a new artifact), --dry-run and --check write
# nothing, --check exits 3 and names the stale file, a pipeline that goes away takes its generated files with it,
# and files get modes 0644/0755 whatever the umask.
# Usage: check_incremental.sh TRIGC EXAMPLE_DIR
set -u
trigc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$2" "$work/repo" || exit 1
cd "$work/repo" || exit 1
rm -rf generated
fail() {
  echo "build_incremental: $*" >&2
  exit 1
}
snapshot() { find generated -type f -exec stat -c '%n %s %Y.%y' {} + | sort; }

"$trigc" build -q || fail "first build failed"
echo "notes a person keeps here" >generated/airflow/NOTES.txt
"$trigc" build >/dev/null 2>&1 || fail "second build failed"
before=$(snapshot)
sleep 1
"$trigc" build 2>"$work/log" || fail "third build failed"
grep -q '^systemd: .* (up to date)$' "$work/log" || fail "an unchanged repository did not take the no-op path: $(cat "$work/log")"
[ "$(snapshot)" = "$before" ] || fail "a build with nothing to do changed a file or its mtime"

# A hand edit and a deleted file: the fast path must notice both, and the build repairs them.
sed -i 's/catchup=False/catchup=True/' generated/airflow/bronze_sales.py
rm generated/dagster/ratatouille_triggers/dbt_run.py
"$trigc" build 2>"$work/log" || fail "repair build failed"
grep -q '^airflow: .*(1 written' "$work/log" || fail "the edited file was not rewritten: $(cat "$work/log")"
grep -q '^dagster: .*(1 written' "$work/log" || fail "the deleted file was not rewritten: $(cat "$work/log")"
grep -q 'catchup=False' generated/airflow/bronze_sales.py || fail "the hand edit survived the build"
[ "$(cat generated/airflow/NOTES.txt)" = "notes a person keeps here" ] || fail "a file a person wrote was changed"

# A config change: --dry-run and --check write nothing; --check exits 3 naming the file with a diff.
sed -i 's/^description: .*/description: "Bronze sales, re-described"/' pipelines/bronze_sales/config.yaml
before=$(snapshot)
"$trigc" build --dry-run >"$work/dry" 2>/dev/null || fail "--dry-run failed"
grep -q '^write generated/airflow/bronze_sales.py (changed)$' "$work/dry" || fail "--dry-run did not list the change: $(cat "$work/dry")"
"$trigc" build --check >"$work/check" 2>/dev/null
status=$?
[ "$status" -eq 3 ] || fail "--check exited $status on a stale tree, not 3"
grep -q '^stale: generated/airflow/bronze_sales.py$' "$work/check" || fail "--check did not name the stale file"
grep -q '^+++ generated/airflow/bronze_sales.py (trigc build)$' "$work/check" || fail "--check printed no diff"
[ "$(snapshot)" = "$before" ] || fail "--dry-run or --check wrote something"
"$trigc" build -q || fail "build after the config change failed"
"$trigc" build --check >/dev/null 2>&1 || fail "--check after a build is not clean"

# A pipeline that goes away: its generated files go too, the person's file stays.
rm -r pipelines/audit_log
sed -i 's/upstream: audit_log/upstream: bronze_sales/' pipelines/*/config.yaml
"$trigc" build -q || fail "build after removing a pipeline failed"
[ ! -e generated/airflow/audit_log.py ] || fail "the removed pipeline's DAG file is still there"
[ ! -e generated/crontab/bin/run-audit_log ] || fail "the removed pipeline's run script is still there"
[ -e generated/airflow/NOTES.txt ] || fail "a file a person wrote was removed"
"$trigc" build --check >/dev/null 2>&1 || fail "--check after removing a pipeline is not clean"
# A person's file where a new artifact goes (the folder was listed before writing): refused, left as it was.
mkdir -p pipelines/audit_log
cp "$2/pipelines/audit_log/config.yaml" pipelines/audit_log/config.yaml || fail "cannot restore audit_log"
echo "a person's script" >generated/crontab/bin/run-audit_log
"$trigc" build >/dev/null 2>"$work/log" && fail "a build overwrote a file a person wrote"
grep -q "E0905.*run-audit_log" "$work/log" || fail "no E0905 for the person's file: $(cat "$work/log")"
[ "$(cat generated/crontab/bin/run-audit_log)" = "a person's script" ] || fail "the person's file was changed"
rm generated/crontab/bin/run-audit_log

# Modes do not depend on the umask: 0644, and 0755 for scripts.
rm -rf generated
(umask 077 && "$trigc" build -q) || fail "build under umask 077 failed"
modes=$(find generated -type f ! -name NOTES.txt -exec stat -c '%a' {} + | sort -u | tr '\n' ' ')
[ "$modes" = "644 755 " ] || fail "modes under umask 077 are $modes, not 644 and 755"
echo "build_incremental: no-op path, repairs, person's files kept, --dry-run/--check write nothing, pruning, modes"
