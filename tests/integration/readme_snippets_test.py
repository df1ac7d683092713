#!/usr/bin/env python3
"""Every snippet in README.md works as pasted, or is listed here with the reason it is not run.

Each fenced block is claimed by exactly one check below, by its language and first line; a new
snippet that no check claims fails the test. The checks run the commands with the built zklint on
PATH, in scratch copies of examples/: the sample output must be what zklint prints, the
.zklint.json example must load, the fix and baseline commands must run (the diff through the real
`git apply`), the pre-commit config must work with the real pre-commit against a local clone of
this repository (`pre-commit autoupdate` included), and the CI YAML must parse and its zklint
commands run and write the reports the upload steps name. The options table must list exactly the
options of `zklint --help`.

Usage: readme_snippets_test.py ZKLINT SOURCE_DIR WORK_DIR. Exit 77 (skipped) without PyYAML.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import json
import tomllib

from script_support import arguments, yaml_or_skip

yaml = yaml_or_skip("the README snippets were not run")

zklint, source, work = arguments()
env = dict(os.environ, PATH=f"{zklint.parent}:{os.environ['PATH']}", NO_COLOR="1", HOME=str(work / "home"),
           GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@zklint.invalid",
           GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@zklint.invalid", PRE_COMMIT_HOME=str(work / "pre-commit-cache"))
env.pop("FORCE_COLOR", None)
(work / "home").mkdir()
failures = []
skipped_tools = []


def fail(message):
    failures.append(message)
    print("FAILED: " + message)


def sh(command, cwd, check_codes=(0,), stdin=None):
    r = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, input=stdin)
    if r.returncode not in check_codes:
        fail(f"`{command}` in {cwd} exited {r.returncode} (expected {check_codes}):\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return r


def commands_of(block):
    """The command lines of a sh block, comments and blank lines dropped."""
    out = []
    for line in block.splitlines():
        line = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


def examples_repo(name):
    """A git repository holding a copy of examples/ under config/."""
    repo = work / name
    shutil.copytree(source / "examples", repo / "config")
    sh("git init -q -b main . && git add -A && git commit -q -m examples", repo)
    return repo


# --- the checks, one per kind of snippet -------------------------------------------------------

def sample_output(block):
    lines = block.splitlines()
    command = lines[0].removeprefix("$ ")
    r = subprocess.run(shlex.split(command), cwd=source, env=env, capture_output=True, text=True)
    printed = (r.stdout + r.stderr).splitlines()
    if printed != lines[1:]:
        fail(f"`{command}` prints\n" + "\n".join(printed) + "\nbut the README shows\n" + "\n".join(lines[1:]))


def mermaid_picture(block):
    """A Mermaid picture whose first line names the zklint command that draws it."""
    first, _, picture = block.partition("\n")
    r = subprocess.run(shlex.split(first.removeprefix("%% ")), cwd=source, env=env, capture_output=True, text=True)
    if r.stdout != picture:
        fail(f"`{first}` draws\n{r.stdout}\nbut the README shows\n{picture}")


def synopsis(block):
    help_text = sh("zklint --help", source).stdout
    for command in re.findall(r"^zklint (\w[\w-]*)", block, re.M):
        if command not in ("--version",) and not re.search(rf"^\s+{command}\b", help_text, re.M):
            fail(f"the synopsis names `zklint {command}`, which --help does not list")


def suppressions(block):
    target = work / "suppressions" / "app.properties"
    target.parent.mkdir()
    target.write_text(block.replace("...\n", "k=v\n"))
    r = sh(f"zklint --no-config --format concise {target}", work, (0, 1))
    for code in ("ZKL902", "ZKL903", "ZKL904"):  # unknown rule, never closed, malformed
        if code in r.stdout:
            fail(f"the suppression example raises {code}: {r.stdout}")


def yaml_suppression(what, file_name):
    def check(block):
        target = work / f"{what}-suppression" / file_name
        target.parent.mkdir()
        target.write_text(block)
        r = sh(f"zklint --no-config --select ZKL223,meta {target}", work, (0, 1))
        if "ZKL223" in r.stdout or "1 suppressed" not in r.stderr:
            fail(f"the {what} suppression example does not silence log-dirs-in-tmp: {r.stdout}")
    return check


def compose_fix(block):
    target = work / "compose-fix" / "compose.yaml"
    target.parent.mkdir()
    target.write_text(block)
    sh(f"zklint --no-config --fix {target}", work, (0, 1))
    after = re.search(r"^```yaml\n(# compose\.yaml, after zklint --fix\n.*?)^```$", readme, re.M | re.S)
    fixed = target.read_text().replace("# compose.yaml, before zklint --fix", "# compose.yaml, after zklint --fix")
    if after is None or fixed != after.group(1):
        fail(f"zklint --fix of the compose example does not give the README's result:\n{target.read_text()}")


def zklint_json(block):
    team = work / "config-example" / "team"
    (team / "config").mkdir(parents=True)
    (team.parent / ".zklint.json").write_text("{}\n")  # what it extends
    (team / ".zklint.json").write_text(block)
    shutil.copy(source / "examples/kafka/server.properties", team / "config/server.properties")
    shutil.copy(source / "examples/seed-mistakes/zookeeper.properties", team / "config/zookeeper.properties")
    sh("zklint print-config config/server.properties", team)
    sh("zklint .", team, (0, 1))


def fix_commands(block):
    repo = examples_repo("fixes")
    before = sh("git diff --stat", repo).stdout
    for command in commands_of(block):
        r = sh(command, repo, (0, 1))
        if "| git apply" in command and r.returncode == 0 and sh("git diff --stat", repo).stdout == before:
            fail(f"`{command}` changed nothing")


def baseline_commands(block):
    repo = examples_repo("baseline")
    for command in commands_of(block):
        sh(command, repo, (0,))


def pre_commit_config(block):
    if shutil.which("pre-commit") is None or shutil.which("git") is None:
        skipped_tools.append("pre-commit")
        return
    upstream = work / "upstream"
    upstream.mkdir()
    shutil.copy(source / ".pre-commit-hooks.yaml", upstream)
    sh("git init -q -b main . && git add -A && git commit -q -m hooks", upstream)
    config = yaml.safe_load(block)
    url = config["repos"][0]["repo"]
    project = work / "project"
    (project / "kafka/config").mkdir(parents=True)
    (project / ".pre-commit-config.yaml").write_text(block.replace(url, str(upstream)))  # the clone is local
    (project / "kafka/config/server.properties").write_text("broker.id=1\nlog.dirs=/data\nzookeeper.connect=zk1:2181 zk2:2181\n")
    sh("git init -q -b main . && git add -A", project)
    r = sh("pre-commit run --all-files", project, (1,))
    if "ZKL103" not in r.stdout:
        fail("pre-commit with the README's config did not report the broken file:\n" + r.stdout)
    sh("pre-commit autoupdate", project)
    rev = yaml.safe_load((project / ".pre-commit-config.yaml").read_text())["repos"][0]["rev"]
    if not re.fullmatch(r"[0-9a-f]{40}|v\d+\.\d+\.\d+", rev):
        fail(f"pre-commit autoupdate pinned rev to {rev!r}, neither a tag nor a commit")
    sh("pre-commit run --all-files", project, (1,))


def workflow(block):
    doc = yaml.safe_load(block)
    steps = doc["jobs"]["zklint"]["steps"]
    if doc["permissions"].get("security-events") != "write":
        fail("the workflow does not grant security-events: write (upload-sarif needs it)")
    uses = [s["uses"] for s in steps if "zklint" in s.get("uses", "")]
    match = re.fullmatch(r"zklint/zklint/(.+)@(.+)", uses[0]) if len(uses) == 1 else None
    if not match:
        fail(f"the workflow does not use the zklint action: {uses}")
        return
    action = yaml.safe_load((source / match.group(1) / "action.yml").read_text())
    given = next(s for s in steps if "zklint" in s.get("uses", "")).get("with", {})
    unknown = set(given) - set(action["inputs"])
    if unknown:
        fail(f"the workflow passes inputs the action does not have: {unknown}")


def github_steps(block):
    steps = yaml.safe_load(textwrap.dedent(block))
    repo = examples_repo("github")
    for step in steps:
        if "run" in step:
            sh(step["run"], repo, (0, 1))
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    if not (repo / upload["with"]["sarif_file"]).is_file():
        fail(f"the lint step does not write {upload['with']['sarif_file']}, which the upload step names")


def gitlab_job(block):
    job = yaml.safe_load(textwrap.dedent(block))
    repo = examples_repo("gitlab")
    for command in job["script"]:
        sh(command, repo, (0, 1))
    for report in job["artifacts"]["reports"].values():
        if not (repo / report).is_file():
            fail(f"the GitLab job does not write {report}, which it publishes")


def lsp_exchange(argv, messages, cwd):
    """Sends `messages` to the language server `argv` in one go and returns its exit code and every
    message it wrote; anything on its standard output that is not a framed message fails."""
    data = b"".join(f"Content-Length: {len(b)}\r\n\r\n".encode() + b for b in (json.dumps(m).encode() for m in messages))
    r = subprocess.run(argv, input=data, capture_output=True, cwd=cwd, env=env, timeout=60)
    out, received = r.stdout, []
    while out:
        match = re.match(rb"Content-Length: (\d+)\r\n\r\n", out)
        if not match:
            fail(f"{argv} wrote something other than protocol messages: {out[:200]!r}")
            break
        end = match.end() + int(match.group(1))
        received.append(json.loads(out[match.end():end]))
        out = out[end:]
    return r.returncode, received


def request(id, method, params):
    return {"jsonrpc": "2.0", "id": id, "method": method, "params": params}


def notification(method, params):
    return {"jsonrpc": "2.0", "method": method, "params": params}


def lsp_handshake(argv, what):
    """The command an editor configuration starts answers initialize and shuts down cleanly."""
    code, received = lsp_exchange(argv, [request(1, "initialize", {"capabilities": {}}), notification("initialized", {}),
                                         request(2, "shutdown", None), notification("exit", None)], source)
    answers = {m.get("id"): m for m in received}
    if code != 0 or "capabilities" not in answers.get(1, {}).get("result", {}) or answers.get(2, {}).get("result", 1) is not None:
        fail(f"{what}: `{' '.join(argv)}` did not answer an LSP handshake (exit {code}): {received}")


def editor_transcript(block):
    """The diagnostics, code action titles and hover text the transcript shows are what zklint lsp sends."""
    head, actions_part = block.split("\ncode actions on line ", 1)
    action_line, rest = actions_part.split(":\n", 1)
    titles_part, hover_part = rest.split("\nhover on the value of zookeeper.connect:\n", 1)
    lines = [m.group(2) for m in re.finditer(r"^\s+(\d+) (.*)$", head, re.M)]
    project = work / "transcript"
    project.mkdir()
    (project / "server.properties").write_text("\n".join(lines) + "\n")
    uri = (project / "server.properties").as_uri()
    connect_line = next(i for i, l in enumerate(lines) if l.startswith("zookeeper.connect="))
    code, received = lsp_exchange([str(zklint), "lsp"], [
        request(1, "initialize", {"capabilities": {}}),
        notification("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "properties", "version": 1, "text": "\n".join(lines) + "\n"}}),
        request(2, "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {"start": {"line": int(action_line) - 1, "character": 0}, "end": {"line": int(action_line) - 1, "character": 0}}, "context": {"diagnostics": []}}),
        request(3, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": connect_line, "character": len("zookeeper.connect=") + 1}}),
        request(4, "shutdown", None), notification("exit", None)], project)
    answers = {m.get("id"): m for m in received if "id" in m}
    published = [d for m in received if m.get("method") == "textDocument/publishDiagnostics" for d in m["params"]["diagnostics"]]
    shown = re.findall(r"~+ [EWI] (.*) \[(ZKL\d+)\]$", head, re.M)
    sent = [(d["message"].split("\n")[0], d["code"]) for d in published]
    if code != 0 or shown != sent:
        fail(f"the transcript shows the diagnostics {shown}, zklint lsp published {sent} (exit {code})")
    titles = [a["title"] for a in answers.get(2, {}).get("result", [])]
    if titles != [t.strip() for t in titles_part.strip().splitlines()]:
        fail(f"the transcript shows the code actions {titles_part.strip().splitlines()}, zklint lsp offers {titles}")
    hover = [l for l in answers.get(3, {}).get("result", {}).get("contents", {}).get("value", "").splitlines() if l]
    if hover != [l.strip() for l in hover_part.strip().splitlines()]:
        fail(f"the transcript shows the hover {hover_part.strip().splitlines()}, zklint lsp sends {hover}")


def helix_config(block):
    doc = tomllib.loads(block)
    server = doc["language-server"]["zklint"]
    if not any("zklint" in lang.get("language-servers", []) for lang in doc["language"]):
        fail("the Helix snippet defines the zklint server but no language uses it")
    lsp_handshake([server["command"], *server["args"]], "the Helix snippet")


def emacs_config(block):
    if block.count("(") != block.count(")"):
        fail("the Emacs snippet's parentheses do not balance")
    match = re.search(r"eglot-server-programs '\(\S+ \"([^\"]+)\" \"([^\"]+)\"\)\)", block)
    if not match:
        return fail("the Emacs snippet registers no eglot server program")
    lsp_handshake(list(match.groups()), "the Emacs snippet")


def vim_lsp_config(block):
    match = re.search(r"'cmd': \{server_info -> \[(.*?)\]\}", block)
    if not match:
        return fail("the vim-lsp snippet registers no command")
    if shutil.which("vim"):  # sourced by the real Vim: its syntax (vim-lsp itself is not installed)
        snippet = work / "vim-lsp.vim"
        snippet.write_text(block)
        r = subprocess.run(["vim", "-Nu", "NONE", "-es", "-S", str(snippet), "-c", "qa!"], env=env, capture_output=True, text=True, timeout=60)
        if r.returncode != 0 or r.stderr:
            fail(f"Vim cannot source the vim-lsp snippet (exit {r.returncode}): {r.stdout}{r.stderr}")
    lsp_handshake(re.findall(r"'([^']+)'", match.group(1)), "the vim-lsp snippet")


def not_run(reason):
    def check(block):
        print(f"   not run: {reason}")
    return check


# (language, first line pattern, check). Every block must match exactly one.
checks = [
    ("text", r"^\$ zklint ", sample_output),
    ("text", r"^zklint \[OPTIONS\]", synopsis),
    ("mermaid", r"^%% zklint topology ", mermaid_picture),
    ("properties", r"^# zklint: disable-next-line", suppressions),
    ("jsonc", r"^// \.zklint\.json", zklint_json),
    ("yaml", r"^services:\n(.*\n)*\s+# zklint: disable-next-line", yaml_suppression("compose", "compose.yaml")),
    ("yaml", r"^kraft:\n(.*\n)*\s+# zklint: disable-next-line", yaml_suppression("chart-values", "values.yaml")),
    ("sh", r"^zklint --diff config/", fix_commands),
    ("yaml", r"^# compose\.yaml, before zklint --fix", compose_fix),
    ("yaml", r"^# compose\.yaml, after zklint --fix", not_run("what compose_fix expects of the block before")),
    ("sh", r"^zklint --write-baseline", baseline_commands),
    ("yaml", r"^# \.pre-commit-config\.yaml", pre_commit_config),
    ("yaml", r"^# \.github/workflows/", workflow),
    ("yaml", r"^\s+- name: Lint Kafka", github_steps),
    ("yaml", r"^\s+script:", gitlab_job),
    ("sh", r"^# \(a\) install the dependencies", not_run("installs Debian packages as root and builds everything: it is what .ci/run does")),
    ("sh", r"^cmake -S \. -B build -DZKLINT_BUILD_TESTS=OFF", not_run("installs as root; install.package runs cmake --install and cpack -G DEB on this build")),
    ("sh", r"^cmake -S \. -B build-static", not_run("a second full build; install.static links this build's objects the way ZKLINT_STATIC does and checks the binary")),
    ("sh", r"^# the test suite under AddressSanitizer", not_run("a second full build under sanitizers: .ci/run does it")),
    ("json", r'^\{\n  "schema_version"', not_run("a sketch of the schema with elisions; tests/cli/golden holds complete reports")),
    ("text", r"^zklint benchmarks", not_run("measured output of tests/bench/run, not a command")),
    ("text", r"^zklint lsp benchmark", not_run("measured output of tests/bench/lsp, not a command")),
    ("text", r"^server\.properties, with zklint lsp attached", editor_transcript),
    ("lua", r"^-- Neovim", not_run("editor.neovim (tests/integration/nvim_lsp_test.sh) runs it as Neovim's only configuration")),
    ("toml", r"^# Helix", helix_config),
    ("elisp", r"^;; Emacs", emacs_config),
    ("vim", r'^" Vim with vim-lsp', vim_lsp_config),
    ("text", r"^zklint probe \[--format", not_run("the synopsis of a subcommand; --help of `zklint probe` lists the same options")),
    ("console", r"^\$ zklint probe", not_run("a transcript from the live test ensemble (servers in a private network namespace); tests/live/probe_test.py runs the same cases")),
    ("sh", r"^# add Kafka 4\.4 to the catalog", not_run("clones the Kafka web site over the network and rewrites rules/data; catalog.from_site runs the same --add on a clone made of tests/catalog/")),
    ("properties", r"^#! kind:", not_run("a fixture fragment; every fixture in rules/ is run by the unit tests")),
]

readme = (source / "README.md").read_text()
blocks = re.findall(r"^```(\w*)\n(.*?)^```$", readme, re.M | re.S)
print(f"{len(blocks)} snippets in README.md")
for language, block in blocks:
    claimed = [c for c in checks if c[0] == language and re.search(c[1], block)]
    first = block.splitlines()[0] if block else ""
    if len(claimed) != 1:
        fail(f"{len(claimed)} checks claim the {language} snippet starting {first!r}: give it exactly one")
        continue
    print(f"== {language}: {first}")
    claimed[0][2](block)

# The options table is --help's option list, no more and no less.
table = readme.split("### Options", 1)[1].split("### Exit codes", 1)[0]
documented = set(re.findall(r"^\| `(?:-\w, )?(--[a-z-]+)", table, re.M))
offered = set(re.findall(r"(--[a-z][a-z-]+)", sh("zklint --help", source).stdout.split("SUBCOMMANDS")[0])) - {"--version"}
if documented != offered:
    fail(f"the options table and --help differ: only in the README {documented - offered}, only in --help {offered - documented}")

if failures:
    sys.exit(1)
if skipped_tools:
    print(f"SKIPPED: {', '.join(skipped_tools)} not installed; the other snippets passed")
    sys.exit(77)
print("PASSED: every README snippet works as pasted, or says why it is not run")
