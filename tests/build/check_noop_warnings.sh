#!/bin/sh
# A build that finds nothing to do (the no-op fast path) prints the warnings of the last full build, exactly as
# that build printed them, in every --format; secrets stay hidden; the record lives in a cache folder in the
# project's root that git ignores (also with --out); a record from another day, a damaged one, or an edited config
# sends the build the full way.
# Usage: check_noop_warnings.sh TRIGC
set -u
trigc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "build_noop_warnings: $*" >&2
  exit 1
}
mkdir -p "$work/repo/pipelines/a" "$work/repo/pipelines/b"
cd "$work/repo" || exit 1
cat >trigc.yaml <<'EOF'
version: 1
pipelines: [pipelines]
targets:
  dagster:
    out: generated/dagster
  crontab:
    out: generated/crontab
    runner: "run-pipeline {target}"
EOF
# W0301, W0501 on a line that holds a secret, W0302 (its message names the next DST change).
cat >pipelines/a/config.yaml <<'EOF'
name: a
target: a
enabeld: true
triggers:
  - {type: webhook, name: hook, endpoint: /webhooks/a, secret: "${env:HOOK_SECRET_HUNTER}", targets: [minio]}
  - type: schedule
    name: night
    cron: "30 2 * * *"
    timezone: America/New_York
EOF
# W0401, with a note pointing at another line.
cat >pipelines/b/config.yaml <<'EOF'
name: b
target: b
triggers:
  - type: dependency
    upstream: a
  - type: dependency
    upstream: a
EOF
manifest=generated/dagster/.trigc-manifest
stamp() { stat -c %y "$manifest"; }
# The diagnostics of a build, without its per-target summary lines (which say "up to date" on the fast path).
diags() { grep -v -E '^(dagster|crontab): [0-9]+ files? in ' "$1"; }

"$trigc" build 2>"$work/full" || fail "first build failed: $(cat "$work/full")"
for code in W0301 W0302 W0401 W0501; do
  grep -q "warning\[$code\]" "$work/full" || fail "the full build did not warn $code: $(cat "$work/full")"
done
before=$(stamp)
"$trigc" build 2>"$work/quick" || fail "no-op build failed"
grep -q '^dagster: .* (up to date)$' "$work/quick" || fail "the no-op build was not the fast path: $(cat "$work/quick")"
[ "$(stamp)" = "$before" ] || fail "the fast path touched the manifest"
[ "$(diags "$work/quick")" = "$(diags "$work/full")" ] ||
  fail "the fast path printed other diagnostics than the full build: $(diff "$work/full" "$work/quick")"
grep -q '\*\*\*\*' "$work/quick" || fail "the line holding the secret is not shown masked: $(cat "$work/quick")"
if grep -q HUNTER "$work/quick" "$work/full" .trigc_cache/warnings; then fail "a secret was printed or recorded"; fi

# Machine formats: byte for byte what a full build prints (the manifest's mtime shows the fast path ran).
for format in json sarif github; do
  "$trigc" build --full --format "$format" >"$work/full.$format" 2>/dev/null || fail "--full --format $format failed"
  before=$(stamp)
  sleep 0.01
  "$trigc" build --format "$format" >"$work/quick.$format" 2>/dev/null || fail "--format $format failed"
  [ "$(stamp)" = "$before" ] || fail "--format $format did not take the fast path"
  [ -s "$work/quick.$format" ] || fail "--format $format printed nothing on the fast path"
  cmp -s "$work/full.$format" "$work/quick.$format" ||
    fail "--format $format: the fast path printed something else: $(diff "$work/full.$format" "$work/quick.$format")"
done
# -q prints errors only, on both paths; --werror always takes the full path and fails.
[ -z "$("$trigc" build -q 2>&1)" ] || fail "-q printed warnings on the fast path"
"$trigc" build --werror >/dev/null 2>&1 && fail "--werror passed a build with warnings"

# The cache folder is ignored by git and never listed as generated.
git init -q . && git add -A && [ -z "$(git status --porcelain --ignored=no | grep trigc_cache)" ] ||
  fail "git sees the cache folder: $(git status --porcelain)"
git ls-files | grep -q trigc_cache && fail "git add took the cache folder"
"$trigc" build --check >/dev/null 2>&1 || fail "--check is not clean with a cache folder"

# A record from another day (a DST warning names the next change) or a damaged one: the full build, same output.
sed -i 's/^day .*/day 2000-01-01/' .trigc_cache/warnings
before=$(stamp)
sleep 0.01
"$trigc" build 2>"$work/again" || fail "build after an old record failed"
[ "$(stamp)" != "$before" ] || fail "a record from another day was replayed"
[ "$(diags "$work/again")" = "$(diags "$work/full")" ] || fail "the full build after an old record printed other warnings"
grep -q "^day $(date -u +%Y-%m-%d)$" .trigc_cache/warnings || fail "the full build did not renew the record"
echo 'warning {"at":["pipelines/gone.yaml",0,1],"code":"W0301","message":"made up"}' >>.trigc_cache/warnings
"$trigc" build 2>"$work/again" || fail "build after a damaged record failed"
grep -q "made up" "$work/again" && fail "a damaged record was replayed"
[ "$(diags "$work/again")" = "$(diags "$work/full")" ] || fail "the full build after a damaged record printed other warnings"

# Fixing a warning: the next build is a full one, and the no-op after it prints the warnings left.
sed -i '/^enabeld/d' pipelines/a/config.yaml
"$trigc" build 2>"$work/fixed" || fail "build after a fix failed"
grep -q W0301 "$work/fixed" && fail "the fixed warning is still printed"
"$trigc" build 2>"$work/quick" || fail "no-op build after a fix failed"
grep -q '(up to date)$' "$work/quick" || fail "the build after a fix did not take the fast path"
[ "$(diags "$work/quick")" = "$(diags "$work/fixed")" ] || fail "the fast path after a fix printed other warnings"

# --out: the record stays in the project's root, the out folder holds only what was generated.
rm -rf .trigc_cache
"$trigc" build --out "$work/out" 2>"$work/full" || fail "build --out failed"
[ -e .trigc_cache/warnings ] || fail "a build with --out kept no record in the project's root"
[ "$(ls -A "$work/out")" = "$(printf 'crontab\ndagster')" ] || fail "--out holds more than the targets: $(ls -A "$work/out")"
"$trigc" build --out "$work/out" 2>"$work/quick" || fail "no-op build --out failed"
grep -q '(up to date)$' "$work/quick" || fail "the no-op build --out did not take the fast path"
[ "$(diags "$work/quick")" = "$(diags "$work/full")" ] || fail "the fast path with --out printed other warnings"
echo "build_noop_warnings: the no-op path prints the full build's warnings in text, json, sarif and github"
