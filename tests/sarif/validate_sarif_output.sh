#!/bin/sh
# Validates the SARIF zklint writes with the shared validator (JSON Schema, Microsoft's SARIF
# Multitool and GitHub's ingestion checks): for examples/, a clean file, unreadable inputs and
# fixes, and the real-world corpus when it is present. Skips (exit 77) with a visible note when
# the validator is not installed.
# Usage: validate_sarif_output.sh ZKLINT SOURCE_DIR WORK_DIR
set -u
zklint=$1 source=$2 work=$3
validator=${ZKLINT_SARIF_VALIDATOR:-$source/../shared/tools/validate-sarif}
if [ ! -x "$validator" ]; then
  echo "SKIPPED: the SARIF validator is not present at $validator (set ZKLINT_SARIF_VALIDATOR to use another)"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work/inputs" && cd "$work/inputs" || exit 2
printf 'k=1\nk=2\npath=C:\\kafka\\logs\n# zklint: disable-next-line ZKL008\nj=1\n' > findings.properties
printf 'k=v\n' > clean.properties

run() {  # run NAME ARGS...: zklint exits 0, 1 or 2 here by design; 3 would be a crash
  name=$1; shift
  "$zklint" --quiet --format sarif --output "$work/$name.sarif" "$@"
  status=$?
  if [ "$status" -gt 2 ]; then echo "zklint failed ($status) on $name"; exit 1; fi
}
run examples "$source/examples"
run clean clean.properties
run findings findings.properties missing.properties
files="$work/examples.sarif $work/clean.sarif $work/findings.sarif"
if [ -d "$source/../shared/corpus/realworld" ]; then
  run corpus "$source/../shared/corpus/realworld"
  files="$files $work/corpus.sarif"
fi
# shellcheck disable=SC2086
"$validator" -q $files
