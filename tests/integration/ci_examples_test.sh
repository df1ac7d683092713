#!/bin/sh
# The CI recipes in examples/ci run as written: every zklint command line in them is run on a copy
# of examples/ (as the repository being linted), and the report files they name are the ones the
# upload steps publish, and are what their consumers expect (SARIF 2.1.0 JSON, a GitLab Code
# Quality JSON array, well-formed JUnit XML). Skips (exit 77) when no Python with PyYAML is found
# (Debian's python3-yaml, which pre-commit depends on).
# Usage: ci_examples_test.sh ZKLINT SOURCE_DIR WORK_DIR
set -u
zklint=$1 source=$2 work=$3
fail() { echo "FAILED: $*"; exit 1; }
python=""
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import yaml' >/dev/null 2>&1; then python=$candidate; break; fi
done
if [ -z "$python" ]; then
  echo "SKIPPED: no python3 with PyYAML (Debian package python3-yaml); the CI examples were not checked"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work" || exit 2

# Pull the zklint command lines and the published report names out of both recipes.
"$python" - "$source/examples/ci" "$work" <<'PY' || fail "the CI examples do not have the expected shape"
import sys, yaml, shlex, pathlib
ci, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
commands = []
gha = yaml.safe_load((ci / "github-actions.yml").read_text())
steps = gha["jobs"]["zklint"]["steps"]
runs = [s["run"] for s in steps if "run" in s]
lint = [line for r in runs for line in r.splitlines() if line.strip().startswith("zklint --format")]
assert len(lint) == 1, lint
upload = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
assert len(upload) == 1, "no upload-sarif step"
sarif = upload[0]["with"]["sarif_file"]
args = shlex.split(lint[0])
assert args[args.index("sarif") + 1: args.index("sarif") + 3] == ["--output", sarif], (args, sarif)
assert "github" in args, "no --format github for annotations"
assert gha["permissions"]["security-events"] == "write"
commands.append(lint[0])

gl = yaml.safe_load((ci / "gitlab-ci.yml").read_text())
job = gl["zklint"]
lint = [line for line in job["script"] if line.strip().startswith("zklint --format")]
assert len(lint) == 1, lint
args = shlex.split(lint[0])
reports = job["artifacts"]["reports"]
assert args[args.index("gitlab") + 1: args.index("gitlab") + 3] == ["--output", reports["codequality"]], (args, reports)
assert args[args.index("junit") + 1: args.index("junit") + 3] == ["--output", reports["junit"]], (args, reports)
assert job["artifacts"]["when"] == "always"
commands.append(lint[0])
(work / "commands.txt").write_text("\n".join(commands) + "\n")
(work / "files.txt").write_text(f"{sarif}\n{reports['codequality']}\n{reports['junit']}\n")
PY

mkdir -p "$work/repo" && cp -R "$source/examples/." "$work/repo/" || exit 2
PATH="$(dirname "$zklint"):$PATH"
export PATH
while IFS= read -r command; do
  echo "== $command"
  (cd "$work/repo" && eval "$command") >"$work/out.txt" 2>"$work/err.txt"
  status=$?
  head -n 5 "$work/out.txt"
  tail -n 1 "$work/err.txt"
  [ "$status" -le 1 ] || { cat "$work/err.txt"; fail "exit $status"; }
done <"$work/commands.txt"

{ read -r sarif; read -r codequality; read -r junit; } <"$work/files.txt"
"$python" - "$work/repo" "$sarif" "$codequality" <<'PY' || fail "a report is not what its consumer expects"
import sys, json, pathlib
repo = pathlib.Path(sys.argv[1])
sarif = json.loads((repo / sys.argv[2]).read_text())
assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
quality = json.loads((repo / sys.argv[3]).read_text())
assert isinstance(quality, list) and quality, "the examples have findings; the Code Quality report is empty"
for issue in quality:
    for field in ("description", "check_name", "fingerprint", "severity"):
        assert isinstance(issue[field], str) and issue[field], (field, issue)
    assert issue["location"]["path"] and not issue["location"]["path"].startswith("/")
    assert issue["location"]["lines"]["begin"] >= 1
print(f"{len(sarif['runs'][0]['results'])} SARIF results, {len(quality)} Code Quality issues")
PY
if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout "$work/repo/$junit" || fail "$junit is not well-formed XML"
else
  grep -q '^<testsuites ' "$work/repo/$junit" || fail "$junit is not a JUnit report"
  echo "note: xmllint is not installed; $junit was only checked for its root element"
fi
echo "PASSED: the GitHub Actions and GitLab CI examples run and publish the reports they name"
