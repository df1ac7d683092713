#!/usr/bin/env python3
"""The composite GitHub Action lint/github-action/action.yml, as far as a machine without GitHub
can run it: its YAML has the shape GitHub requires of a composite action (every run step has a
shell, every ${{ inputs.X }} is a declared input, every ${{ steps.S.outputs.O }} is written by step
S), and its shell steps run as the runner runs them (bash, GITHUB_ACTION_PATH, GITHUB_PATH,
GITHUB_OUTPUT, the inputs' defaults) on a copy of examples/: the build step on a checkout whose
`.zklint-build` already holds this build's zklint (the compile itself is what the pre-commit.source
test runs, through the same script), the lint step writing the SARIF file the upload step names
and the exit code, and the last step failing the job with that exit code. The upload step is
GitHub's own action, which only GitHub can run.

Usage: action_test.py ZKLINT SOURCE_DIR WORK_DIR. Exit 77 (skipped) without PyYAML.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from script_support import arguments, yaml_or_skip

yaml = yaml_or_skip("the GitHub Action was not checked")

zklint, source, work = arguments()
failures = []


def fail(message):
    failures.append(message)
    print("FAILED: " + message)


action_file = source / "lint/github-action/action.yml"
action = yaml.safe_load(action_file.read_text())
text = action_file.read_text()
runs = action["runs"]
if runs["using"] != "composite":
    fail("not a composite action")
steps = runs["steps"]
ids = {s.get("id") for s in steps}
for name in re.findall(r"\$\{\{[^}]*?inputs\.([\w-]+)", text):
    if name not in action["inputs"]:
        fail(f"${{{{ inputs.{name} }}}} is not a declared input")
for step_id, output in re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", text):
    writer = next((s for s in steps if s.get("id") == step_id), None)
    if writer is None or f"{output}=" not in writer.get("run", ""):
        fail(f"steps.{step_id}.outputs.{output} is read but step {step_id} does not write it")
for step in steps:
    if "run" in step and step.get("shell") != "bash":
        fail(f"step {step.get('name')!r} has no `shell: bash` (composite run steps must name their shell)")
upload = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
if len(upload) != 1 or upload[0]["with"]["sarif_file"] != "${{ inputs.sarif-file }}":
    fail("no upload-sarif step of the sarif-file input")

# A checkout of the action's repository whose build is already there, and a repository to lint.
checkout = work / "action-repo"
shutil.copytree(source / "lint", checkout / "lint", ignore=shutil.ignore_patterns("*.o"))
(checkout / ".zklint-build/lint").mkdir(parents=True)
shutil.copy(zklint, checkout / ".zklint-build/lint/zklint")
workspace = work / "workspace"
shutil.copytree(source / "examples", workspace)
github_path, github_output = work / "github_path", work / "github_output"
github_path.write_text("")
github_output.write_text("")
inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
outputs = {}


def expand(value):
    value = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], str(value))
    return re.sub(r"\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}", lambda m: outputs.get(m.group(2), ""), value)


path = os.environ["PATH"]
path = ":".join(p for p in path.split(":") if not (Path(p) / "zklint").exists())  # the action must find or build its own
results = {}
for step in steps:
    if "run" not in step:
        continue
    if "exit-code != '0'" in step.get("if", "") and outputs.get("exit-code") == "0":
        continue
    extra = [line for line in github_path.read_text().splitlines() if line]
    env = dict(os.environ, PATH=":".join(extra + [path]), GITHUB_ACTION_PATH=str(checkout / "lint/github-action"),
               GITHUB_PATH=str(github_path), GITHUB_OUTPUT=str(github_output), RUNNER_TEMP=str(work), NO_COLOR="1")
    env.update({k: expand(v) for k, v in step.get("env", {}).items()})
    r = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=workspace, env=env, capture_output=True, text=True)
    print(f"== {step['name']}: exit {r.returncode}\n{r.stdout[-1500:]}{r.stderr[-1500:]}")
    results[step["name"]] = r
    for line in github_output.read_text().splitlines():
        key, _, value = line.partition("=")
        outputs[key] = value

build = results.get("Build zklint")
if build is None or build.returncode != 0 or "zklint 0" not in build.stdout + build.stderr:
    fail("the build step did not provide a zklint")
if outputs.get("exit-code") != "1":
    fail(f"the lint step recorded exit-code={outputs.get('exit-code')!r}; the examples have findings (1)")
if outputs.get("sarif-written") != "true":
    fail("the lint step did not write the SARIF file")
else:
    sarif = json.loads((workspace / inputs["sarif-file"]).read_text())
    if sarif["version"] != "2.1.0" or not sarif["runs"][0]["results"]:
        fail("the SARIF file is not a SARIF 2.1.0 report with results")
lint = results.get("Lint")
if lint is None or "::error file=" not in lint.stdout:
    fail("the lint step printed no GitHub annotations")
last = results.get("Fail on findings")
if last is None or last.returncode != 1:
    fail("the last step did not fail the job with zklint's exit code 1")
if failures:
    sys.exit(1)
print("PASSED: the composite action's YAML is well-formed and its steps build, lint, write the SARIF and fail the job")
