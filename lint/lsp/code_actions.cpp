// textDocument/codeAction: the rules' own fixes, suppression comments in zklint's syntax
// (grammar/directive.hpp), and source.fixAll.zklint, all as edits the editor applies.
#include <set>

#include "features.hpp"
#include "transport.hpp"
#include "zklint/lint/rule.hpp"

namespace zklint::lsp {

namespace {

constexpr std::string_view fix_all_kind = "source.fixAll.zklint";

// Whether the client asked for actions of `kind` (context.only: a kind and its sub-kinds).
bool wanted(const json& only, std::string_view kind) {
  if (!only.is_array()) return true;
  for (const json& o : only) {
    if (!o.is_string()) continue;
    const std::string& prefix = o.get_ref<const std::string&>();
    if (kind == prefix || (kind.size() > prefix.size() && kind.substr(0, prefix.size()) == prefix && kind[prefix.size()] == '.')) return true;
  }
  return false;
}

json workspace_edit(const LintedView& view, const CodeActionInput& input, json edits) {
  if (input.document_changes) {
    return {{"documentChanges", json::array({{{"textDocument", {{"uri", view.uri()}, {"version", input.version}}}, {"edits", std::move(edits)}}})}};
  }
  return {{"changes", {{view.uri(), std::move(edits)}}}};
}

std::string_view ending_text(LineEnding ending) {
  switch (ending) {
    case LineEnding::lf: return "\n";
    case LineEnding::crlf: return "\r\n";
    case LineEnding::cr: return "\r";
    case LineEnding::none: return "";
  }
  return "";
}

// The terminator to write after an inserted line: the one of `line` (1-based), else the file's first.
std::string_view line_ending(const SourceFile& source, std::uint32_t line) {
  if (const auto own = ending_text(source.line_ending(line)); !own.empty()) return own;
  for (std::uint32_t l = 1; l <= source.line_count(); ++l) {
    if (const auto other = ending_text(source.line_ending(l)); !other.empty()) return other;
  }
  return "\n";
}

// The entry whose logical line holds the 1-based `line`, or null.
const Entry* entry_on_line(const Document& doc, std::uint32_t line) {
  for (const Entry& e : doc.entries()) {
    if (e.key_range.begin.line <= line && line <= e.last_line) return &e;
  }
  return nullptr;
}

json action(std::string title, std::string_view kind, json edit) {
  return {{"title", std::move(title)}, {"kind", kind}, {"edit", std::move(edit)}};
}

json fix_action(const Diagnostic& d, const LintedView& view, const CodeActionInput& input, json lsp_diag) {
  json edits = json::array();
  for (const TextEdit& e : d.fix->edits) edits.push_back(view.text_edit(e.begin, e.end, e.replacement));
  const bool safe = d.fix->safety == FixSafety::safe;
  json a = action(std::string(d.rule->meta().code) + ": " + d.fix->description + (safe ? "" : " (unsafe fix)"), "quickfix",
                  workspace_edit(view, input, std::move(edits)));
  a["diagnostics"] = json::array({std::move(lsp_diag)});
  a["isPreferred"] = safe;
  return a;
}

// "# zklint: disable-next-line CODE" above the logical line of the finding, indented like it.
std::optional<json> suppress_line_action(const Diagnostic& d, const LintedView& view, const CodeActionInput& input) {
  const Entry* entry = entry_on_line(view.doc(), d.range.begin.line);
  if (entry == nullptr) return std::nullopt;  // comments and blank lines: disable-next-line covers entries only
  const SourceFile& source = view.doc().source();
  const std::uint32_t line = entry->key_range.begin.line;
  const std::string_view text = source.line_text(line);
  const std::string indent(text.substr(0, text.find_first_not_of(" \t\f")));
  const std::string code(d.rule->meta().code);
  const std::uint32_t at = source.line_start(line);
  const std::string comment = indent + "# zklint: disable-next-line " + code + std::string(line_ending(source, line));
  return action("Suppress " + code + " on this line", "quickfix", workspace_edit(view, input, json::array({view.text_edit(at, at, comment)})));
}

// "# zklint: disable-file CODE" as the first line (after a byte order mark).
json suppress_file_action(const Diagnostic& d, const LintedView& view, const CodeActionInput& input) {
  const SourceFile& source = view.doc().source();
  const std::uint32_t at = source.bytes().substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::string code(d.rule->meta().code);
  const std::string comment = "# zklint: disable-file " + code + std::string(line_ending(source, 1));
  return action("Suppress " + code + " in this file", "quickfix", workspace_edit(view, input, json::array({view.text_edit(at, at, comment)})));
}

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// One edit turning `before` into `after`: the differing middle, cut at character and line-ending
// boundaries so that the client can place it.
json minimal_edit(const LintedView& view, std::string_view before, std::string_view after) {
  std::size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
  const auto inside_character = [&](std::string_view s, std::size_t at) {
    return at > 0 && at < s.size() && (continuation_byte(s[at]) || (s[at - 1] == '\r' && s[at] == '\n'));
  };
  while (inside_character(before, prefix) || inside_character(after, prefix)) --prefix;
  while (suffix > 0 && (inside_character(before, before.size() - suffix) || inside_character(after, after.size() - suffix))) --suffix;
  return view.text_edit(static_cast<std::uint32_t>(prefix), static_cast<std::uint32_t>(before.size() - suffix),
                        after.substr(prefix, after.size() - suffix - prefix));
}

}  // namespace

json code_actions(const LintedView& view, const CodeActionInput& input) {
  const json& params = input.params;
  if (!params.contains("range")) throw RpcError(error_code::invalid_params, "textDocument/codeAction needs a range");
  const json& range = params["range"];
  if (!range.is_object() || !range.contains("start") || !range.contains("end")) {
    throw RpcError(error_code::invalid_params, "a Range needs 'start' and 'end'");
  }
  // Every finding on the lines of the range: editors send the cursor's position, which is
  // rarely inside the finding itself.
  const std::uint32_t first_line = read_position(range["start"]).line + 1, last_line = read_position(range["end"]).line + 1;
  const json only = params.contains("context") && params["context"].is_object() ? params["context"].value("only", json()) : json();

  json actions = json::array();
  std::set<std::string> suppressed_lines, suppressed_files;
  std::vector<json> suppressions;
  for (const Diagnostic& d : view.file().diagnostics) {
    if (d.range.begin.line > last_line || d.range.end.line < first_line) continue;
    const std::string code(d.rule->meta().code);
    if (d.fix && wanted(only, "quickfix")) actions.push_back(fix_action(d, view, input, lsp_diagnostic(d, view, input.locate)));
    if (!wanted(only, "quickfix")) continue;
    if (suppressed_lines.insert(code + ":" + std::to_string(d.range.begin.line)).second) {
      if (auto a = suppress_line_action(d, view, input)) suppressions.push_back(std::move(*a));
    }
    if (suppressed_files.insert(code).second) suppressions.push_back(suppress_file_action(d, view, input));
  }
  for (json& a : suppressions) actions.push_back(std::move(a));  // fixes first, then suppressions

  const bool any_safe_fix = std::any_of(view.file().diagnostics.begin(), view.file().diagnostics.end(),
                                        [](const Diagnostic& d) { return d.fix && d.fix->safety == FixSafety::safe; });
  if (any_safe_fix && wanted(only, fix_all_kind) && input.fix_all) {
    if (const auto fixed = input.fix_all()) {
      actions.push_back(action("zklint: apply all safe fixes", fix_all_kind,
                               workspace_edit(view, input, json::array({minimal_edit(view, view.bytes(), *fixed)}))));
    }
  }
  return actions;
}

}  // namespace zklint::lsp
