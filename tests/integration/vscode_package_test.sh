#!/usr/bin/env bash
# The VS Code extension (lint/editors/vscode): `npm ci` from its package-lock.json, `vsce package`
# to a .vsix, then the package's contents, the extension's glue (what it starts, for which files)
# and an LSP handshake with the command it starts. Nothing is written into the source tree.
# Usage: vscode_package_test.sh ZKLINT SOURCE_DIR WORK_DIR. Exit 77 (skipped) without npm or
# without the npm registry (offline).
set -uo pipefail
zklint=$(realpath "$1") source=$(realpath "$2") work=$3
skip() { echo "SKIPPED: $1; the VS Code extension was NOT packaged or tested" >&2; exit 77; }
fail() { echo "FAILED: $1" >&2; exit 1; }
command -v npm >/dev/null && command -v node >/dev/null || skip "npm and node are not installed (Debian: apt-get install npm)"
rm -rf "$work" && mkdir -p "$work/bin" && cp -r "$source/lint/editors/vscode" "$work/extension" && rm -rf "$work/extension/node_modules"
ln -s "$zklint" "$work/bin/zklint"
cd "$work/extension" || exit 1
export npm_config_cache="$work/npm-cache" npm_config_update_notifier=false
if ! timeout 600 npm ci --no-audit --no-fund >"$work/npm-ci.log" 2>&1; then
  timeout 60 npm ping >/dev/null 2>&1 || skip "the npm registry is unreachable (offline?)"
  cat "$work/npm-ci.log" >&2
  fail "npm ci failed"
fi
timeout 600 npx vsce package --out "$work/zklint.vsix" </dev/null >"$work/vsce.log" 2>&1 || { cat "$work/vsce.log" >&2; fail "vsce package failed"; }
python3 - "$work/zklint.vsix" <<'PY' || exit 1
import json, sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
for needed in ("extension.vsixmanifest", "extension/extension.js", "extension/package.json", "extension/README.md",
               "extension/node_modules/vscode-languageclient/package.json", "extension/node_modules/vscode-jsonrpc/package.json"):
    if needed not in names:
        sys.exit(f"FAILED: {needed} is not in the .vsix")
manifest = json.loads(zipfile.ZipFile(sys.argv[1]).read("extension/package.json"))
if manifest["main"] != "./extension.js" or "vscode-languageclient" not in manifest["dependencies"]:
    sys.exit("FAILED: the packaged package.json does not start extension.js with vscode-languageclient")
if any("@vscode/vsce" in n for n in names):
    sys.exit("FAILED: the packaging tool itself was packaged")
print(f"the .vsix holds {len(names)} files")
PY
mkdir -p "$work/unpacked" && (cd "$work/unpacked" && python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall()" "$work/zklint.vsix")
# minimatch (a dependency of vsce) stands in for VS Code's glob matching.
argv=$(NODE_PATH="$work/extension/node_modules" node "$source/tests/integration/vscode_extension_smoke.js" "$work/unpacked/extension") || fail "the extension's glue"
python3 - "$argv" "$work/bin" <<'PY' || exit 1
import json, os, subprocess, sys
argv = json.loads(sys.argv[1])
env = dict(os.environ, PATH=sys.argv[2] + ":" + os.environ["PATH"])
body = lambda m: json.dumps(m).encode()
frame = lambda m: b"Content-Length: %d\r\n\r\n" % len(body(m)) + body(m)
messages = [{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
            {"jsonrpc": "2.0", "id": 2, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}]
r = subprocess.run(argv, input=b"".join(map(frame, messages)), capture_output=True, env=env, timeout=60)
if r.returncode != 0 or b'"capabilities"' not in r.stdout:
    sys.exit(f"FAILED: {argv} from the extension did not answer an LSP handshake (exit {r.returncode})")
PY
echo "PASSED: zklint.vsix packaged; it starts \`zklint lsp\` for server.properties, *.cfg and compose files"
