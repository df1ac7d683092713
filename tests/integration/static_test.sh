#!/bin/sh
# The fully static build (-DZKLINT_STATIC=ON): a binary linked that way has no dynamic section
# (ldd and file say so), and runs and lints in an empty environment (env -i: no PATH, no locale,
# no HOME). Prints its size, and its size stripped. Skips (exit 77) when ldd is missing.
# Usage: static_test.sh STATIC_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 source=$2 work=$3
fail() { echo "FAILED: $*"; exit 1; }
if ! command -v ldd >/dev/null 2>&1; then
  echo "SKIPPED: ldd is not installed (Debian package libc-bin); the static build was not checked"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work" || exit 2

ldd_out=$(ldd "$bin" 2>&1)
echo "ldd: $ldd_out"
case $ldd_out in
  *"not a dynamic executable"*) ;;
  *) fail "ldd lists shared libraries: the binary is not static" ;;
esac
if command -v readelf >/dev/null 2>&1; then
  ! readelf -d "$bin" 2>/dev/null | grep -q NEEDED || fail "readelf finds NEEDED entries"
  ! readelf -l "$bin" | grep -q 'INTERP' || fail "the binary asks for a program interpreter (ld.so)"
fi

cp "$source/examples/seed-mistakes/server-space.properties" "$work/server.properties" || exit 2
env -i "$bin" --version | grep -q '^zklint [0-9]' || fail "env -i zklint --version"
env -i "$bin" --no-config --format concise "$work/server.properties" >"$work/out.txt" 2>"$work/err.txt"
status=$?
cat "$work/out.txt" "$work/err.txt"
[ "$status" -eq 1 ] || fail "env -i zklint exits $status on a config with an error (expected 1)"
grep -q 'server.properties:7:19: error: .*\[ZKL103\]' "$work/out.txt" || fail "the finding is missing"

size=$(wc -c <"$bin")
if command -v strip >/dev/null 2>&1; then
  strip -o "$work/zklint.stripped" "$bin" || fail "strip"
  env -i "$work/zklint.stripped" --version >/dev/null || fail "the stripped static binary does not run"
  echo "static binary: $size bytes, stripped: $(wc -c <"$work/zklint.stripped") bytes"
else
  echo "static binary: $size bytes (strip is not installed)"
fi
echo "PASSED: the static zklint has no dynamic dependencies and lints in an empty environment"
