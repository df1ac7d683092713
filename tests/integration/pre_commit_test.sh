#!/bin/sh
# End to end with the real pre-commit: a temporary git repository whose .pre-commit-config.yaml
# points at a git copy of this repository's hooks. A commit of a broken server.properties must
# be blocked with the diagnostic shown; a commit of a clean one must pass; files outside the
# hook's pattern must not reach zklint; a commit that changes only server.properties is still
# checked against the unchanged zookeeper.properties beside it.
#   MODE=system: the `zklint` hook (language: system), with the built zklint on PATH.
#   MODE=source: the `zklint-from-source` hook, which builds zklint from the hooks repository.
# Skips (exit 77) with a visible note when pre-commit or git is missing.
# Usage: pre_commit_test.sh MODE ZKLINT SOURCE_DIR WORK_DIR
set -u
mode=$1 zklint=$2 source=$3 work=$4
fail() { echo "FAILED: $*"; exit 1; }
for tool in git pre-commit; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIPPED: $tool is not installed (Debian package $tool; .ci/install-deps installs it); the pre-commit hooks were not tested"
    exit 77
  fi
done
rm -rf "$work" && mkdir -p "$work" || exit 2
work=$(cd "$work" && pwd)

# A private home: no user or system git config, and pre-commit's cache inside the work folder.
export HOME="$work/home" PRE_COMMIT_HOME="$work/pre-commit-cache" XDG_CACHE_HOME="$work/cache"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=zklint-test GIT_AUTHOR_EMAIL=test@zklint.invalid
export GIT_COMMITTER_NAME=zklint-test GIT_COMMITTER_EMAIL=test@zklint.invalid
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global commit.gpgsign false

# pre-commit clones the hooks repository at a rev, so the hooks must be committed somewhere. Commit
# this checkout's files (tracked and new, not ignored) to a scratch repository: the test then
# checks the hooks as they are in the working tree, on a clean clone and during development alike.
hooks="$work/hooks"
mkdir -p "$hooks"
if [ "$mode" = system ]; then
  cp "$source/.pre-commit-hooks.yaml" "$hooks/" || exit 2
elif [ "$(git -C "$source" rev-parse --show-toplevel 2>/dev/null)" = "$(cd "$source" && pwd -P)" ]; then
  (cd "$source" && git ls-files -z --cached --others --exclude-standard) |
    (cd "$source" && xargs -0 sh -c 'for f; do [ -f "$f" ] && printf "%s\0" "$f"; done' sh) |
    (cd "$source" && tar --null -T - -cf -) | (cd "$hooks" && tar -xf -) || exit 2
else
  (cd "$source" && tar --exclude='./build*' --exclude=./.git -cf - .) | (cd "$hooks" && tar -xf -) || exit 2
fi
[ -f "$hooks/.pre-commit-hooks.yaml" ] || fail "no .pre-commit-hooks.yaml copied"
git -C "$hooks" init -q && git -C "$hooks" add -A && git -C "$hooks" commit -q -m hooks || exit 2
rev=$(git -C "$hooks" rev-parse HEAD)

if [ "$mode" = system ]; then
  hook_id=zklint
  PATH="$(dirname "$zklint"):$PATH"
  export PATH
else
  hook_id=zklint-from-source
  # The hook must build its own zklint: make sure no zklint is on PATH to fall back to.
  # Unoptimized (CMake's None build type): this tests the hook, not the binary's speed, and on a
  # cold CI machine the Release build of it took 390 s of the suite.
  export ZKLINT_BUILD_TYPE=None
  if command -v zklint >/dev/null 2>&1; then echo "note: a zklint is on PATH ($(command -v zklint)); the source hook does not use it"; fi
fi

project="$work/project"
mkdir -p "$project/kafka/config" && cd "$project" || exit 2
git init -q
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: $hook_id
YAML
echo "== .pre-commit-config.yaml"
cat .pre-commit-config.yaml
git add .pre-commit-config.yaml && git commit -q -m "pre-commit config" || fail "committing the config"
pre-commit install >/dev/null || fail "pre-commit install"

echo "== commit 1: a broken kafka/config/server.properties (broker.id set twice) must be blocked"
printf 'broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nbroker.id=2\n' >kafka/config/server.properties
git add kafka/config/server.properties
before=$(git rev-parse HEAD)
git commit -m "broken broker config" >"$work/blocked.txt" 2>&1
status=$?
cat "$work/blocked.txt"
[ "$status" -ne 0 ] || fail "the commit of a broken server.properties was not blocked"
[ "$(git rev-parse HEAD)" = "$before" ] || fail "HEAD moved although the hook failed"
grep -q "kafka/config/server.properties:1:1: warning: key 'broker.id' is set again" "$work/blocked.txt" || fail "the diagnostic is not shown"
grep -q "ZKL002 duplicate-key" "$work/blocked.txt" || fail "the rule is not named"
grep -q -- "- hook id: $hook_id" "$work/blocked.txt" || fail "pre-commit did not run the $hook_id hook"

echo "== commit 2: the fixed file must pass"
printf 'broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n' >kafka/config/server.properties
git add kafka/config/server.properties
git commit -m "clean broker config" >"$work/passed.txt" 2>&1
status=$?
cat "$work/passed.txt"
[ "$status" -eq 0 ] || fail "the commit of a clean server.properties was blocked"
[ "$(git rev-parse HEAD)" != "$before" ] || fail "HEAD did not move"
grep -q "^zklint.*Passed$" "$work/passed.txt" || fail "pre-commit does not report the hook as passed"

echo "== the files pattern: only configs reach zklint"
printf 'tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n' >zoo.cfg
printf 'k=1\nk=2\n' >kafka/config/log4j.properties
mkdir -p app && printf 'k=1\nk=2\n' >app/application.properties
git add zoo.cfg kafka/config/log4j.properties app/application.properties
pre-commit run "$hook_id" --verbose --files zoo.cfg kafka/config/log4j.properties app/application.properties >"$work/pattern.txt" 2>&1
status=$?
cat "$work/pattern.txt"
[ "$status" -eq 0 ] || fail "zoo.cfg failed, or a file outside the pattern (with a duplicate key) reached zklint"
grep -q "no problems in 1 file" "$work/pattern.txt" || fail "zoo.cfg was not the one file linted"
echo "== commit 3: a broker and the ZooKeeper server beside it, on one host, agree"
zk_config='tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nadmin.enableServer=false\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n'
printf "$zk_config" >kafka/config/zookeeper.properties
printf 'broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=localhost:2181/kafka\n' >kafka/config/server.properties
git add kafka/config/zookeeper.properties kafka/config/server.properties
git commit -m "broker and ZooKeeper on one host" >"$work/cluster-clean.txt" 2>&1
status=$?
cat "$work/cluster-clean.txt"
[ "$status" -eq 0 ] || fail "the commit of a matching broker and ZooKeeper config was blocked"

echo "== commit 4: changing only server.properties to a port ZooKeeper does not listen on must be blocked"
# pre-commit passes only the changed file: zklint reads the unchanged zookeeper.properties of its
# cluster (the same directory) to check against, and reports on server.properties alone.
printf 'broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=localhost:2182/kafka\n' >kafka/config/server.properties
git add kafka/config/server.properties
before=$(git rev-parse HEAD)
git commit -m "wrong ZooKeeper port" >"$work/cluster-blocked.txt" 2>&1
status=$?
cat "$work/cluster-blocked.txt"
[ "$status" -ne 0 ] || fail "a port mismatch against the unchanged zookeeper.properties was not reported"
[ "$(git rev-parse HEAD)" = "$before" ] || fail "HEAD moved although the hook failed"
grep -q "kafka/config/server.properties:3:.*ZooKeeper host 'localhost:2182' uses port 2182, but the ZooKeeper server of kafka/config/zookeeper.properties" \
  "$work/cluster-blocked.txt" || fail "the port mismatch does not name both files"
grep -q "ZKL501" "$work/cluster-blocked.txt" || fail "the rule is not named"
if grep -q "^kafka/config/zookeeper.properties:" "$work/cluster-blocked.txt"; then fail "the unchanged zookeeper.properties was reported on"; fi
echo "PASSED: pre-commit ($hook_id) blocks a broken config with its diagnostic, passes a clean one, and keeps the checks between a changed file and the unchanged files of its cluster"
