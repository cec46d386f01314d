#!/bin/sh
# Runs the real pre-commit (Debian's package) with this repository's .pre-commit-hooks.yaml in a throw-away git
# repository: a commit of valid configs passes, a commit of a broken config fails with trigc's diagnostic in
# pre-commit's output. The hooks are read from this repository's HEAD, as pre-commit clones it.
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
YAML
printf 'triggers:\n  - type: schedule\n    cron: "0 6 * * *"\n' >pipelines/sales/config.yaml
pre-commit install >/dev/null || exit 1
git add -A
if ! git commit -q -m valid >"$work/ok.log" 2>&1; then
  echo "precommit: a valid commit was rejected:" >&2
  cat "$work/ok.log" >&2
  exit 1
fi
printf 'triggers:\n  - type: schedule\n    cron: "0 6 * * *"\n    catchup: yes\n' >pipelines/sales/config.yaml
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
echo "precommit: valid commit passed; broken commit failed with E0201 in pre-commit's output"
