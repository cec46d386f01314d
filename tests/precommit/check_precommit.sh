#!/bin/sh
# Runs the real pre-commit (Debian's package) with this repository's .pre-commit-hooks.yaml in a throw-away git
# repository: a commit of valid configs with their generated files passes; a config change committed without
# rebuilding fails trigc-check with the stale file's diff; a broken config fails trigc-validate with trigc's
# diagnostic in pre-commit's output. The hooks are read from this repository's HEAD, as pre-commit clones it.
# Usage: check_precommit.sh TRIGC_BUILD_DIR TRIGC_SOURCE_DIR
set -u
build=$1
source=$2
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "precommit: pre-commit not found (apt-get install pre-commit)" >&2
  exit 1
fi
rev=$(git -C "$source" rev-parse HEAD) || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$build:$PATH" PRE_COMMIT_HOME="$work/cache" HOME="$work"
repo="$work/repo"
mkdir -p "$repo/pipelines/sales"
cd "$repo" || exit 1
git init -q .
git config user.email ci@example.invalid
git config user.name ci
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $source
    rev: $rev
    hooks:
      - id: trigc-validate
      - id: trigc-check
YAML
printf 'version: 1\ntargets:\n  crontab:\n    runner: "run-pipeline {pipeline}"\n' >trigc.yaml
printf 'triggers:\n  - type: schedule\n    cron: "0 6 * * *"\n' >pipelines/sales/config.yaml
trigc build -q || exit 1
pre-commit install >/dev/null || exit 1
# Commits everything; the hooks must accept it.
must_commit() {
  git add -A
  if ! git commit -q -m "$1" >"$work/$1.log" 2>&1; then
    echo "precommit: the $1 commit was rejected:" >&2
    cat "$work/$1.log" >&2
    exit 1
  fi
}
must_commit valid
# A config change without `trigc build`: trigc-check fails and shows what the crontab would become.
printf 'triggers:\n  - type: schedule\n    cron: "30 7 * * *"\n' >pipelines/sales/config.yaml
git add -A
if git commit -q -m stale >"$work/stale.log" 2>&1; then
  echo "precommit: a config change was committed with stale generated files" >&2
  exit 1
fi
if ! grep -q '^stale: generated/crontab/crontab' "$work/stale.log" || ! grep -q '^+30 7 \* \* \*' "$work/stale.log"; then
  echo "precommit: trigc-check's stale file and diff are missing from pre-commit's output:" >&2
  cat "$work/stale.log" >&2
  exit 1
fi
trigc build -q || exit 1
must_commit rebuilt
printf 'triggers:\n  - type: schedule\n    cron: "30 7 * * *"\n    catchup: yes\n' >pipelines/sales/config.yaml
git add -A
if git commit -q -m broken >"$work/bad.log" 2>&1; then
  echo "precommit: a broken config was committed" >&2
  exit 1
fi
if ! grep -q 'error\[E0201\]: triggers\[0\].catchup' "$work/bad.log"; then
  echo "precommit: trigc's diagnostic is missing from pre-commit's output:" >&2
  cat "$work/bad.log" >&2
  exit 1
fi
echo "precommit: valid commit passed; stale output failed trigc-check with a diff; broken config failed with E0201"
