// Small reporting helpers shared by the ZooKeeper server rules (rules/zookeeper/) and the
// cross-file rules.
#pragma once

#include <algorithm>
#include <string>

#include "support/source_text.hpp"
#include "support/zookeeper_model.hpp"
#include "zklint/lint/strings.hpp"
#include "zklint/lint/reporter.hpp"

namespace zklint::support {

/// The value is a template placeholder: the engine's template syntax ({{ x }}, ${X}, ...), or a
/// bare upper-case name with underscores (`CTX_CLIENT_PORT`, `ZK_DATA_DIR`) that a deployment
/// script replaces. No ZooKeeper setting takes such a word, so the rules treat it as unknown.
inline bool placeholder_value(const LintContext& ctx, const Entry& e) {
  if (ctx.value_templated(e)) return true;
  const std::string_view v = java_trim(e.value);
  if (v.size() < 3 || v.front() < 'A' || v.front() > 'Z' || v.find('_') == std::string_view::npos) return false;
  return std::all_of(v.begin(), v.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; });
}

/// Reports at the value as ZooKeeper reads it (trimmed); at the value's place when it is blank.
inline DiagnosticBuilder report_trimmed_value(Reporter& out, const Entry& e, std::string message) {
  const auto [begin, end] = trimmed_span(e.value);
  if (begin == end) return out.report_value(e, std::move(message));
  return out.report_value_part(e, begin, end, std::move(message));
}

/// `key=value` as written, trimmed, for messages.
inline std::string setting_text(const Entry& e) { return std::string(e.key) + "=" + std::string(java_trim(e.value)); }

/// How many blanks end the raw value unescaped, as trailing-whitespace (ZKL004) counts them; rules
/// that read values untrimmed leave a problem that only these blanks cause to that rule.
inline std::size_t trailing_blanks(const SourceFile& source, const Entry& e) {
  const std::string_view raw = support::raw(source, e.value_range);
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\f'; };
  std::size_t end = raw.size();
  while (end > 0 && blank(raw[end - 1])) --end;
  if (end == raw.size() || end == 0) return 0;
  std::size_t backslashes = 0;
  while (backslashes < end && raw[end - 1 - backslashes] == '\\') ++backslashes;
  if (backslashes % 2 == 1) ++end;  // an escaped blank is meant
  return raw.size() - end;
}

/// "line 12".
inline std::string line_text(const Entry& e) { return "line " + std::to_string(e.key_range.begin.line); }

}  // namespace zklint::support
