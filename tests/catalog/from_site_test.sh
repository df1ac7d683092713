#!/usr/bin/env bash
# kafka_catalog_from_site end to end, on a git repository laid out like apache/kafka-site and made
# of the fixtures here: whole pages at one commit, a later correction of one key, and a release
# added with --add at the clone's HEAD. The expected catalog (from_site.expected.json) was written
# by hand from the fixture tables; only the commit hashes are filled in here.
#
# Usage: from_site_test.sh COMMAND FIXTURE_DIR WORK_DIR      (exit 77: git is not installed)
set -euo pipefail
command=$1 fixtures=$2 work=$3
if ! command -v git >/dev/null; then
  echo "SKIPPED: git is not installed; kafka_catalog_from_site reads the site through git"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work/site"
export GIT_CONFIG_NOSYSTEM=1 HOME=$work GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@zklint.invalid \
  GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@zklint.invalid
site=$work/site
commit() { git -C "$site" add -A && git -C "$site" commit -qm "$1" && git -C "$site" rev-parse --short=12 HEAD; }

git -C "$site" init -q
mkdir -p "$site/20/generated" "$site/39/generated"
cp "$fixtures/table-2.0.html" "$site/20/generated/kafka_config.html"
cp "$fixtures/h4-list-3.9.html" "$site/39/generated/kafka_config.html"
first=$(commit "2.0 and 3.9")
sed -i 's/\[14,\.\.\.\]/[1048576,...]/' "$site/39/generated/kafka_config.html"
second=$(commit "3.9: the corrected minimum of log.segment.bytes")
mkdir -p "$site/42/configuration/broker-configs"
cp "$fixtures/hugo-4.2.html" "$site/42/configuration/broker-configs/index.html"
third=$(commit "4.2")

printf '# VERSION\tCOMMIT\tPATH\tKEYS\n2.0\t%s\t20/generated/kafka_config.html\t-\n3.9\t%s\t39/generated/kafka_config.html\t-\n3.9\t%s\t39/generated/kafka_config.html\tlog.segment.bytes\n' \
  "$first" "$first" "$second" > "$work/sources.tsv"

failed=0
"$command" --site "$site" --sources "$work/sources.tsv" --output "$work/catalog.json" --add 4.2
sed -e "s/@FIRST@/$first/g" -e "s/@SECOND@/$second/g" -e "s/@THIRD@/$third/g" "$fixtures/from_site.expected.json" > "$work/expected.json"
if ! diff -u "$work/expected.json" "$work/catalog.json"; then
  echo "FAILED: the catalog differs from the hand-written one"; failed=1
fi
if [ "$(tail -n 1 "$work/sources.tsv")" != "$(printf '4.2\t%s\t42/configuration/broker-configs/index.html\t-' "$third")" ]; then
  echo "FAILED: --add 4.2 did not append the row for the clone's HEAD"; failed=1
fi

# Refusals leave the catalog as it was: a release already listed, a key the page lacks.
cp "$work/catalog.json" "$work/before.json"
if "$command" --site "$site" --sources "$work/sources.tsv" --output "$work/catalog.json" --add 4.2 2>"$work/err"; then
  echo "FAILED: adding 4.2 twice succeeded"; failed=1
fi
grep -q "4.2 is already in" "$work/err" || { echo "FAILED: no reason given: $(cat "$work/err")"; failed=1; }
printf '2.0\t%s\t20/generated/kafka_config.html\tno.such.key\n' "$first" >> "$work/sources.tsv"
if "$command" --site "$site" --sources "$work/sources.tsv" --output "$work/catalog.json" 2>"$work/err"; then
  echo "FAILED: a correction naming a missing key was accepted"; failed=1
fi
grep -q "no.such.key is not on 20/generated/kafka_config.html" "$work/err" || { echo "FAILED: no reason given: $(cat "$work/err")"; failed=1; }
cmp -s "$work/before.json" "$work/catalog.json" || { echo "FAILED: a refused run changed the catalog"; failed=1; }

[ "$failed" = 0 ] && echo "PASSED: the catalog written from the site is the hand-written one"
exit "$failed"
