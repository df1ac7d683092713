#include "zklint/lint/dump.hpp"

#include <string>

#include "zklint/grammar/messages.hpp"
#include "zklint/text.hpp"

namespace zklint {
namespace {

nlohmann::json position_to_json(const Position& p) { return {{"line", p.line}, {"column", p.column}}; }

const char* separator_name(Separator s) {
  switch (s) {
    case Separator::none: return "none";
    case Separator::equals: return "=";
    case Separator::colon: return ":";
    case Separator::blank: return "blank";
  }
  return "none";
}

}  // namespace

nlohmann::json range_to_json(const Range& range) {
  return {{"start", position_to_json(range.begin)}, {"end", position_to_json(range.end)}};
}

nlohmann::json dump_document(const Document& doc) {
  nlohmann::json out;
  out["file"] = doc.source().path();

  // Java puts entries one by one, so when the load throws, the earlier entries are in the map.
  const auto failure = doc.load_failure_entry();
  const std::size_t loaded = failure ? *failure : doc.entries().size();
  nlohmann::json properties = nlohmann::json::object();
  for (std::size_t i = 0; i < loaded; ++i) {
    const Entry& e = doc.entries()[i];
    properties[to_valid_utf8(e.key)] = to_valid_utf8(e.value);
  }
  nlohmann::json load = {{"ok", !failure.has_value()}};
  if (failure) {
    const SyntaxIssue& issue = doc.syntax_issues().front();
    load["error"] = std::string(grammar::java_exception(issue.kind));
    load["line"] = issue.range.begin.line;
  }
  out["load"] = std::move(load);
  out["properties"] = std::move(properties);

  nlohmann::json entries = nlohmann::json::array();
  for (const Entry& e : doc.entries()) {
    entries.push_back({{"key", to_valid_utf8(e.key)},
                       {"value", to_valid_utf8(e.value)},
                       {"separator", separator_name(e.separator)},
                       {"key_range", range_to_json(e.key_range)},
                       {"value_range", range_to_json(e.value_range)}});
  }
  out["entries"] = std::move(entries);

  nlohmann::json diagnostics = nlohmann::json::array();
  for (const SyntaxIssue& issue : doc.syntax_issues()) {
    diagnostics.push_back({{"severity", "error"},
                           {"message", std::string(grammar::message(issue.kind))},
                           {"range", range_to_json(issue.range)}});
  }
  out["diagnostics"] = std::move(diagnostics);
  return out;
}

}  // namespace zklint
