-- Run by nvim_lsp_test.sh inside `nvim --headless`: the README's Neovim snippet is the whole
-- editor configuration. Asserts the diagnostics Neovim holds for a broken server.properties, then
-- applies a code action through Neovim's own code-action path and asserts the buffer's text.
local failures = 0
local function check(ok, what)
  if not ok then
    failures = failures + 1
    io.stderr:write("\nFAILED: " .. what .. "\n")
  end
end
local function finish()
  io.stderr:write(failures == 0 and "nvim: all checks passed\n" or ("nvim: " .. failures .. " checks failed\n"))
  vim.cmd((failures == 0 and "qall!" or "cquit! 1"))
end

dofile(os.getenv("ZKLINT_NVIM_SNIPPET"))
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("ZKLINT_TEST_FILE")))
local buf = vim.api.nvim_get_current_buf()

local function held()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(out, string.format("%s %d:%d-%d:%d %s", code, d.lnum, d.col, d.end_lnum, d.end_col,
                                    vim.diagnostic.severity[d.severity]))
  end
  table.sort(out)
  return table.concat(out, "\n")
end

-- Columns as Neovim holds them: bytes of its UTF-8 buffer, converted from the server's UTF-16.
-- 'ü' is one UTF-16 unit and two bytes, so 'abc' after it is at byte 33.
local expected = table.concat({
  "ZKL005 2:20-2:22 WARN",
  "ZKL108 2:33-2:36 ERROR",
  "ZKL225 1:9-1:30 WARN",
}, "\n")
check(vim.wait(20000, function() return held() == expected end, 50),
      "diagnostics after opening:\n" .. held() .. "\nexpected:\n" .. expected)

-- The code action the user picks from the menu Neovim shows (vim.ui.select).
local offered = {}
vim.ui.select = function(items, _, on_choice)
  local chosen
  for _, item in ipairs(items) do
    local action = item[2] or item.action or item
    table.insert(offered, action.title)
    if action.title == "ZKL225: remove the quotes" then chosen = item end
  end
  on_choice(chosen)
end
vim.api.nvim_win_set_cursor(0, { 2, 0 })
vim.lsp.buf.code_action()
local fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk\xC3\xBC1:2181,zk2:abc/kafka"
local function text() return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") end
check(vim.wait(10000, function() return text() == fixed end, 50),
      "text after the code action:\n" .. text() .. "\noffered: " .. table.concat(offered, " | "))
check(vim.tbl_contains(offered, "Suppress ZKL225 on this line"), "the suppression is offered: " .. table.concat(offered, " | "))

-- The edit went to the server as an incremental change: the quotes finding is gone, the rest stays.
local after = "ZKL005 2:20-2:22 WARN\nZKL108 2:33-2:36 ERROR"
check(vim.wait(10000, function() return held() == after end, 50), "diagnostics after the fix:\n" .. held())
finish()
