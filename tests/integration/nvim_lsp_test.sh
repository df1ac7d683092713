#!/usr/bin/env bash
# zklint in a real editor: Neovim (headless) with the README's Neovim snippet as its only
# configuration opens a broken server.properties; nvim_lsp_test.lua asserts what Neovim holds.
# Usage: nvim_lsp_test.sh ZKLINT SOURCE_DIR WORK_DIR. Exit 77 (skipped) without nvim.
set -uo pipefail
zklint=$(realpath "$1") source=$(realpath "$2") work=$3
if ! command -v nvim >/dev/null; then
  echo "SKIPPED: nvim is not installed (Debian: apt-get install neovim); zklint lsp was NOT tested in a real editor" >&2
  exit 77
fi
rm -rf "$work" && mkdir -p "$work/bin" "$work/project" "$work/home"
ln -s "$zklint" "$work/bin/zklint"  # the snippet starts `zklint lsp` from PATH, as a user's does

# The README's Neovim snippet, exactly as pasted.
awk '/^```lua$/ { inside = 1; next } /^```$/ { if (inside) exit } inside' "$source/README.md" >"$work/snippet.lua"
if ! grep -q 'zklint' "$work/snippet.lua"; then
  echo "FAILED: README.md has no lua snippet for Neovim" >&2
  exit 1
fi

file="$work/project/server.properties"
printf 'broker.id=1\nlog.dirs="/var/lib/kafka/data"\nzookeeper.connect=zk\xc3\xbc1:2181,zk2:abc/kafka\n' >"$file"
cp "$file" "$work/original"

echo "nvim: $(nvim --version | head -1)"
PATH="$work/bin:$PATH" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  XDG_STATE_HOME="$work/home/.local/state" XDG_CACHE_HOME="$work/home/.cache" \
  ZKLINT_NVIM_SNIPPET="$work/snippet.lua" ZKLINT_TEST_FILE="$file" \
  timeout 120 nvim --headless --clean -c "luafile $source/tests/integration/nvim_lsp_test.lua" </dev/null
status=$?
if ! cmp -s "$file" "$work/original"; then
  echo "FAILED: the file on disk changed: the server must only send edits to the editor" >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "FAILED (exit $status); Neovim's LSP log:" >&2
  tail -20 "$work/home/.cache/nvim/lsp.log" "$work/home/.local/state/nvim/lsp.log" 2>/dev/null >&2
  exit 1
fi
echo "PASSED: Neovim holds zklint's diagnostics at the right columns and applies its code action"
