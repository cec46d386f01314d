#!/usr/bin/env bash
# Set-up on a fresh Debian 12 machine, as root. Installs only what is missing, builds trigc, then
#   --example  runs the main job on the bundled example repository (the default), or
#   --test     runs the whole test suite (unit, golden, schema, editor and real-tool checks), then the unit
#              and golden tests again under ASan+UBSan and a short run of each fuzz harness.
# The README's two set-up commands call this script; .ci/run calls the second one.
set -euo pipefail
mode="${1:---example}"
cd "$(dirname "$0")/.."

# Build dependencies: every library comes from Debian and is found by CMake's find_package.
packages=(cmake g++ make git python3 tzdata
  libyaml-cpp-dev libvalijson-dev nlohmann-json3-dev libfmt-dev libcli11-dev catch2
  libhowardhinnant-date-dev libkainjow-mustache-dev)
# Real tools the test suite runs (Debian's python3-* packages are imported by /usr/bin/python3), and clang with
# libFuzzer and the sanitizer runtimes for the sanitizer build.
if [ "$mode" = "--test" ]; then
  packages+=(python3-jsonschema python3-yaml python3-croniter python3-pyflakes pyflakes3 black graphviz shellcheck
    cron systemd pre-commit jq python3-venv faketime
    clang-14 libfuzzer-14-dev libclang-rt-14-dev llvm-14)
  command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The example needs no test tool, so its build leaves the tests out (their configuration looks for the tools).
tests=OFF
[ "$mode" = "--test" ] && tests=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DTRIGC_WERROR=ON -DTRIGC_TESTS=$tests
cmake --build build -j"$(nproc)"

case "$mode" in
  --example)
    ./build/trigc validate examples/ratatouille
    ./build/trigc build examples/ratatouille
    ;;
  --test)
    # The editor check drives yaml-language-server, pinned in tests/package-lock.json.
    npm ci --prefix tests --no-audit --no-fund --loglevel=error
    # The real orchestrators and services of the conformance suites, each in a venv under build/venvs built
    # from its hash-pinned lock in tests/conformance/locks and reused while the lock is unchanged.
    bash tests/conformance/venv.sh --all >/dev/null
    ctest --test-dir build --output-on-failure -j"$(nproc)"
    # The same unit and golden tests under ASan+UBSan (clang), and a short run of each fuzz harness
    # (docs/hardening.md). Only what those tests need is built, at -O1 with line tables (a third less compile
    # time than -O2 -g, and stack traces still name file and line).
    CXX=clang++-14 cmake -S . -B build-san -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" -DTRIGC_WERROR=ON \
      -DTRIGC_SANITIZE=ON -DTRIGC_FUZZ=ON
    cmake --build build-san -j"$(nproc)" --target trigc trigc_unit_tests fuzz_front_end fuzz_cron fuzz_pipeline
    ctest --test-dir build-san --output-on-failure -j"$(nproc)"
    ;;
  *)
    echo "usage: tools/setup.sh [--example|--test]" >&2
    exit 2
    ;;
esac
