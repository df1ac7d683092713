#include "zklint/lint/reporter.hpp"

#include "zklint/lint/rule.hpp"

namespace zklint {

DiagnosticBuilder& DiagnosticBuilder::severity(Severity s) {
  diagnostic().severity = s;
  return *this;
}
DiagnosticBuilder& DiagnosticBuilder::related(Range range, std::string message) {
  diagnostic().related.push_back({std::string(), range, std::move(message)});
  return *this;
}
DiagnosticBuilder& DiagnosticBuilder::related(std::string path, Range range, std::string message) {
  diagnostic().related.push_back({std::move(path), range, std::move(message)});
  return *this;
}
DiagnosticBuilder& DiagnosticBuilder::help(std::string text) {
  diagnostic().help = std::move(text);
  return *this;
}
DiagnosticBuilder& DiagnosticBuilder::suggest(std::string text) {
  diagnostic().suggestion = std::move(text);
  return *this;
}
DiagnosticBuilder& DiagnosticBuilder::fix(std::string description, std::vector<TextEdit> edits, FixSafety safety) {
  diagnostic().fix = Fix{std::move(description), std::move(edits), safety};
  return *this;
}
DiagnosticBuilder& DiagnosticBuilder::anchor(std::string text) {
  diagnostic().anchor = std::move(text);
  return *this;
}

DiagnosticBuilder Reporter::report(Range range, std::string message) {
  Diagnostic d;
  d.rule = &rule_;
  d.severity = rule_.meta().severity;
  d.message = std::move(message);
  d.range = range;
  sink_.push_back(std::move(d));
  return DiagnosticBuilder(sink_, sink_.size() - 1);
}

DiagnosticBuilder Reporter::report_key(const Entry& entry, std::string message) {
  return report(entry.key_range, std::move(message));
}

DiagnosticBuilder Reporter::report_value(const Entry& entry, std::string message) {
  return report(entry.value_range, std::move(message));
}

DiagnosticBuilder Reporter::report_value_part(const Entry& entry, std::size_t begin, std::size_t end, std::string message) {
  return report(entry.value_source_range(source_, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)), std::move(message));
}

DiagnosticBuilder Reporter::report_entry(const Entry& entry, std::string message) {
  return report(entry.line_range(), std::move(message));
}

DiagnosticBuilder Reporter::report_file(std::string message) {
  if (file_anchor_) return report(*file_anchor_, std::move(message));
  // The first line java.util.Properties reads a setting from (not blank, not a '#' or '!'
  // comment), so the finding does not underline a licence header; line 1 when there is none.
  for (std::uint32_t line = 1; line <= source_.line_count(); ++line) {
    const std::string_view text = source_.line_text(line);
    const std::size_t first = text.find_first_not_of(" \t\f");
    if (first == std::string_view::npos || text[first] == '#' || text[first] == '!') continue;
    const std::uint32_t begin = source_.line_start(line) + static_cast<std::uint32_t>(first);
    return report(source_.range(begin, source_.line_start(line) + static_cast<std::uint32_t>(text.size())), std::move(message));
  }
  const std::uint32_t end = static_cast<std::uint32_t>(source_.line_text(1).size());
  return report(source_.range(0, end), std::move(message));
}

}  // namespace zklint
