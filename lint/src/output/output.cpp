#include "zklint/lint/output.hpp"

#include "writers.hpp"

namespace zklint {

namespace {
constexpr std::pair<Format, std::string_view> format_names[] = {
    {Format::text, "text"}, {Format::json, "json"}, {Format::sarif, "sarif"}, {Format::github, "github"},
};
}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [format, text] : format_names) {
    if (text == name) return format;
  }
  return std::nullopt;
}

std::string_view to_string(Format f) {
  for (const auto& [format, text] : format_names) {
    if (format == f) return text;
  }
  return "text";
}

void write_report(Format format, const RunResult& run, std::ostream& out, const OutputOptions& options) {
  switch (format) {
    case Format::text: return output::write_text(run, out, options);
    case Format::json: return output::write_json(run, out, options);
    case Format::sarif: return output::write_sarif(run, out, options);
    case Format::github: return output::write_github(run, out, options);
  }
}

void write_summary(const RunResult& run, std::ostream& err) { output::write_summary(run, err); }

}  // namespace zklint
