#include "suppressions.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "zklint/lint/registry.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/selector.hpp"

namespace zklint {
namespace {

using Kind = grammar::Directive::Kind;

// The lines of the first entry after `line` (its first and last physical line), or {0, 0}.
std::pair<std::uint32_t, std::uint32_t> next_entry_lines(const Document& doc, std::uint32_t line) {
  for (const Entry& e : doc.entries()) {
    if (e.key_range.begin.line > line) return {e.key_range.begin.line, e.last_line};
  }
  return {0, 0};
}

// In YAML or an env file: the first line after `line` that holds more than blanks and a comment,
// with the lines below it indented deeper (its continuation, or the node's children), or {0, 0}.
std::pair<std::uint32_t, std::uint32_t> next_node_lines(const Document& doc, std::uint32_t line) {
  std::set<std::uint32_t> comment_lines;
  for (const Comment& c : doc.comments()) {
    if (c.own_line) comment_lines.insert(c.range.begin.line);
  }
  const SourceFile& source = doc.source();
  const auto indent_of = [&](std::uint32_t l) -> std::optional<std::size_t> {
    const std::string_view text = source.line_text(l);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || comment_lines.contains(l)) return std::nullopt;
    return first;
  };
  for (std::uint32_t first = line + 1; first <= source.line_count(); ++first) {
    const auto indent = indent_of(first);
    if (!indent) continue;
    std::uint32_t last = first;
    for (std::uint32_t l = first + 1; l <= source.line_count(); ++l) {
      const auto deeper = indent_of(l);
      if (!deeper) continue;
      if (*deeper <= *indent) break;
      last = l;
    }
    return {first, last};
  }
  return {0, 0};
}

struct ActiveRange {
  std::size_t directive;
  std::size_t id;
  std::uint32_t from_line;
  std::uint32_t to_line;  // inclusive; UINT32_MAX while unterminated
};

}  // namespace

SuppressionReport collect_suppressions(const Document& doc, const std::function<bool(const Rule&)>& ran) {
  SuppressionReport report;
  const RuleRegistry& registry = RuleRegistry::instance();
  for (const Comment& c : doc.comments()) {
    grammar::Directive d;
    const auto parsed = grammar::parse_directive(c.text, d);
    if (parsed == grammar::DirectiveParse::not_a_directive) continue;
    // A directive shares no line with a setting: in YAML, a comment after a value is no directive.
    if (parsed == grammar::DirectiveParse::malformed || !c.own_line) {
      report.malformed.push_back(c.range);
      continue;
    }
    SuppressionDirective sd;
    sd.kind = d.kind;
    sd.range = c.range;
    sd.reason = std::string(d.reason);
    for (const auto& id : d.ids) {
      SuppressionId sid;
      sid.text = std::string(id.text);
      const std::uint32_t begin = c.range.begin.offset + 1 + id.offset;
      sid.range = doc.source().range(begin, begin + static_cast<std::uint32_t>(id.text.size()));
      sid.rules = select_rules(registry, id.text);
      sid.known = !sid.rules.empty();
      sid.named_enabled_rule = std::any_of(sid.rules.begin(), sid.rules.end(), [&](const Rule* r) { return ran(*r); });
      sd.ids.push_back(std::move(sid));
    }
    if (d.kind == Kind::disable_next_line) {
      std::tie(sd.first_line, sd.last_line) = doc.derived() ? next_node_lines(doc, c.range.begin.line) : next_entry_lines(doc, c.range.begin.line);
    }
    report.directives.push_back(std::move(sd));
  }
  return report;
}

std::size_t apply_suppressions(SuppressionReport& report, std::vector<Diagnostic>& diagnostics) {
  // Resolve disable/enable pairs into line ranges, per id text and per rule.
  std::vector<ActiveRange> ranges;
  for (std::size_t i = 0; i < report.directives.size(); ++i) {
    SuppressionDirective& d = report.directives[i];
    if (d.kind != Kind::disable) continue;
    for (std::size_t k = 0; k < d.ids.size(); ++k) {
      ActiveRange r{i, k, d.range.begin.line, UINT32_MAX};
      for (std::size_t j = i + 1; j < report.directives.size() && r.to_line == UINT32_MAX; ++j) {
        const SuppressionDirective& e = report.directives[j];
        if (e.kind == Kind::disable && std::any_of(e.ids.begin(), e.ids.end(), [&](const auto& x) { return x.rules == d.ids[k].rules; })) {
          continue;  // a nested disable of the same rules: the first enable closes both
        }
        if (e.kind != Kind::enable) continue;
        for (const SuppressionId& id : e.ids) {
          const bool closes = std::any_of(id.rules.begin(), id.rules.end(), [&](const Rule* rule) {
            return std::find(d.ids[k].rules.begin(), d.ids[k].rules.end(), rule) != d.ids[k].rules.end();
          });
          if (closes) {
            r.to_line = e.range.begin.line;
            break;
          }
        }
      }
      if (r.to_line == UINT32_MAX && d.ids[k].known) d.unterminated = true;
      ranges.push_back(r);
    }
  }

  const auto names = [](const SuppressionId& id, const Diagnostic& diag) {
    return std::find(id.rules.begin(), id.rules.end(), diag.rule) != id.rules.end();
  };
  std::size_t suppressed = 0;
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (Diagnostic& diag : diagnostics) {
    const std::uint32_t line = diag.range.begin.line;
    SuppressionId* by = nullptr;
    for (SuppressionDirective& d : report.directives) {
      for (SuppressionId& id : d.ids) {
        if (by != nullptr || !names(id, diag)) continue;
        if ((d.kind == Kind::disable_file) ||
            (d.kind == Kind::disable_next_line && d.first_line != 0 && line >= d.first_line && line <= d.last_line)) {
          by = &id;
        }
      }
    }
    for (const ActiveRange& r : ranges) {
      SuppressionId& id = report.directives[r.directive].ids[r.id];
      if (by == nullptr && names(id, diag) && line > r.from_line && line < r.to_line) by = &id;
    }
    if (by != nullptr) {
      ++by->suppressed;
      ++suppressed;
    } else {
      kept.push_back(std::move(diag));
    }
  }
  diagnostics = std::move(kept);
  return suppressed;
}

}  // namespace zklint
