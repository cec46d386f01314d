#!/bin/sh
# Seed corpora for the fuzzers, from the example repositories, the golden cases and tests/fuzz/regressions.
# Usage: make_corpus.sh SOURCE_DIR OUT_DIR
# writes OUT_DIR/front_end (one config.yaml each), OUT_DIR/cron (one expression each) and OUT_DIR/pipeline
# (a whole repository each, in fuzz_pipeline's format: trigc.yaml, then "#~~~ <folder>" and a config.yaml per
# pipeline, at most 8).
set -eu
src=$1
out=$2
mkdir -p "$out/front_end" "$out/cron" "$out/pipeline"
inputs() { find "$src/examples" "$src/tests/golden" "$@" ! -path '*/generated/*' ! -path '*.tree/*' | sort; }

n=0
for f in $(inputs -name '*.yaml'); do
  n=$((n + 1))
  cp "$f" "$out/front_end/seed_$n.yaml"
done

crons=$(grep -rhoE 'cron: "[^"]*"' "$src/examples" "$src/tests/golden" | sed 's/cron: "//; s/"$//' | sort -u)
while IFS= read -r expr; do
  n=$((n + 1))
  printf '%s' "$expr" >"$out/cron/seed_$n"
done <<END
$crons
END

# pipeline_seed OUT TRIGC_YAML CONFIG...: one repository (TRIGC_YAML may be "" for none).
pipeline_seed() {
  seed=$1
  project=$2
  shift 2
  {
    [ -z "$project" ] || cat "$project"
    for config in "$@"; do
      printf '\n#~~~ %s\n' "$(basename "$(dirname "$config")")"
      cat "$config"
    done
  } >"$seed"
}
for repo in $(inputs -type d -name pipelines -exec dirname {} \;); do
  project=
  [ ! -f "$repo/trigc.yaml" ] || project=$repo/trigc.yaml
  # shellcheck disable=SC2046 # config paths have no spaces
  set -- $(find "$repo/pipelines" -name config.yaml | sort | head -n 8)
  n=$((n + 1))
  pipeline_seed "$out/pipeline/seed_$n" "$project" "$@"
  if [ $# -gt 1 ]; then
    for config in "$@"; do
      n=$((n + 1))
      pipeline_seed "$out/pipeline/seed_$n" "$project" "$config"
    done
  fi
done
for f in $(find "$src/tests/golden" -mindepth 2 -maxdepth 2 -name '*.yaml' | sort); do
  n=$((n + 1))
  { printf '#~~~ %s\n' "$(basename "$f" .yaml)"; cat "$f"; } >"$out/pipeline/seed_$n"
done

# Inputs that once found a bug (each also has a unit or golden test).
for harness in front_end cron pipeline; do
  [ ! -d "$src/tests/fuzz/regressions/$harness" ] || cp "$src/tests/fuzz/regressions/$harness"/* "$out/$harness/"
done

count() { find "$1" -type f | wc -l; }
echo "corpus: $(count "$out/front_end") configs, $(count "$out/cron") crons, $(count "$out/pipeline") repositories"
