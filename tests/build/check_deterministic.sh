#!/bin/sh
# Byte-identical output whatever the run: two copies of the example whose files were created in opposite orders
# (so directory listings differ), built from different working directories, time zones, locales and umasks,
# must give identical trees, manifests included.
# Usage: check_deterministic.sh TRIGC EXAMPLE_DIR
set -u
trigc=$1
example=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copy() {  # copy EXAMPLE to $1 creating files in the order given by `sort $2`
  (cd "$example" && find . -path ./generated -prune -o -type f -print | sort $2) | while read -r f; do
    mkdir -p "$1/$(dirname "$f")" && cp "$example/$f" "$1/$f"
  done
}
copy "$work/a" "" || exit 1
copy "$work/b" "-r" || exit 1
(cd "$work/a" && TZ=UTC LC_ALL=C "$trigc" build -q --full --out "$work/out-a") || exit 1
(cd "$work" && umask 077 && TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 "$trigc" build -q --full b --out "$work/out-b") || exit 1
if ! diff -r "$work/out-a" "$work/out-b" >"$work/diff"; then
  echo "deterministic: two builds of the same inputs differ:" >&2
  head -40 "$work/diff" >&2
  exit 1
fi
# And both equal the committed example output (the same files, byte for byte).
if ! diff -r "$work/out-a" "$example/generated" >"$work/diff"; then
  echo "deterministic: a build differs from the committed example output:" >&2
  head -40 "$work/diff" >&2
  exit 1
fi
echo "deterministic: $(find "$work/out-a" -type f | wc -l) files identical across file order, cwd, TZ, locale and umask"
