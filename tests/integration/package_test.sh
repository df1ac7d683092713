#!/bin/sh
# Installation: `cmake --install` into a temporary prefix, and `cpack -G DEB` unpacked into a
# temporary root with dpkg-deb; both installed binaries must be stripped, run and lint the
# examples, and the manual page must be installed, render without groff warnings, and cover every option and rule.
# Skips (exit 77) with a visible note when cpack or dpkg-deb is missing.
# Usage: package_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -u
build=$1 source=$2 work=$3
fail() { echo "FAILED: $*"; exit 1; }
for tool in cpack dpkg-deb; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIPPED: $tool is not installed (Debian packages cmake and dpkg); the package was not tested"
    exit 77
  fi
done
rm -rf "$work" && mkdir -p "$work" || exit 2

check_installed() {  # check_installed ROOT: the binary under ROOT/usr runs, lints, and has its man page
  root=$1 bin=$1/bin/zklint man=$1/share/man/man1/zklint.1.gz
  [ -x "$bin" ] || fail "no executable $bin"
  if command -v readelf >/dev/null 2>&1; then
    ! readelf -S "$bin" | grep -q -e '\.symtab' -e '\.debug_info' || fail "$bin is not stripped"
  fi
  echo "installed binary: $(wc -c <"$bin") bytes"
  "$bin" --version | grep -q "^zklint [0-9]" || fail "$bin --version"
  "$bin" --quiet --no-config "$source/examples" >/dev/null
  status=$?
  [ "$status" -le 1 ] || fail "$bin exits $status on examples/"
  [ -f "$man" ] || fail "no manual page at $man"
  gzip -dc "$man" >"$work/zklint.1" || fail "the manual page is not gzip"
  grep -q '^\.TH ZKLINT 1' "$work/zklint.1" || fail "the manual page has no .TH line"
  # Every option of --help and every rule is in the manual page (it is generated, so this guards the generator).
  for option in $("$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    escaped=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
    grep -q -- "$escaped" "$work/zklint.1" || fail "the manual page lacks $option"
  done
  for code in $("$bin" rules | cut -c1-6); do
    grep -q "fB$code" "$work/zklint.1" || fail "the manual page lacks rule $code"
  done
  if command -v groff >/dev/null 2>&1; then
    warnings=$(groff -t -man -Tutf8 -ww -z "$work/zklint.1" 2>&1)
    [ -z "$warnings" ] || fail "groff warns about the manual page: $warnings"
  else
    echo "note: groff is not installed; the manual page was not rendered"
  fi
}

echo "== cmake --install into $work/prefix"
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install"; }
check_installed "$work/prefix"

echo "== cpack -G DEB"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/cpack") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/cpack/zklint_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { cat "$work/cpack.log"; fail "cpack made no zklint_*.deb"; }
echo "built $(basename "$deb")"
dpkg-deb --info "$deb" >"$work/info.txt" || fail "dpkg-deb --info"
cat "$work/info.txt"
grep -q '^ Package: zklint$' "$work/info.txt" || fail "the package is not named zklint"
grep -q '^ Depends: .*libc6' "$work/info.txt" || fail "the package does not depend on libc6 (shlibdeps)"
dpkg-deb --contents "$deb" >"$work/contents.txt" || fail "dpkg-deb --contents"
grep -q '\./usr/bin/zklint$' "$work/contents.txt" || fail "the package has no /usr/bin/zklint"
dpkg-deb -x "$deb" "$work/root" || fail "dpkg-deb -x"
check_installed "$work/root/usr"
echo "PASSED: cmake --install and the .deb install a working zklint with its manual page"
