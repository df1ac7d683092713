#include "zklint/lint/output.hpp"

#include "writers.hpp"

namespace zklint {

namespace {
constexpr FormatInfo format_table[] = {
    {Format::text, "text", "people at a terminal: file:line:col, the source line with carets, help and fixes"},
    {Format::concise, "concise", "editors' quickfix lists and grep: one line per finding, path:line:col: severity: message [CODE]"},
    {Format::json, "json", "scripts: zklint's own versioned JSON report"},
    {Format::sarif, "sarif", "GitHub code scanning and SARIF viewers: SARIF 2.1.0"},
    {Format::github, "github", "GitHub Actions: ::error/::warning/::notice workflow commands that become annotations"},
    {Format::gitlab, "gitlab", "GitLab merge requests: a Code Quality report (artifacts:reports:codequality)"},
    {Format::checkstyle, "checkstyle", "Jenkins (Warnings Next Generation) and other Checkstyle XML readers"},
    {Format::junit, "junit", "Jenkins, GitLab and other JUnit XML test report readers; failures follow --fail-on"},
};
}  // namespace

std::span<const FormatInfo> formats() { return format_table; }

std::optional<Format> parse_format(std::string_view name) {
  for (const FormatInfo& f : format_table) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

std::string_view to_string(Format format) {
  for (const FormatInfo& f : format_table) {
    if (f.format == format) return f.name;
  }
  return "text";
}

std::string format_names() {
  std::string out;
  for (const FormatInfo& f : format_table) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

void write_report(Format format, const RunResult& run, std::ostream& out, const OutputOptions& options) {
  switch (format) {
    case Format::text: return output::write_text(run, out, options);
    case Format::concise: return output::write_concise(run, out, options);
    case Format::json: return output::write_json(run, out, options);
    case Format::sarif: return output::write_sarif(run, out, options);
    case Format::github: return output::write_github(run, out, options);
    case Format::gitlab: return output::write_gitlab(run, out, options);
    case Format::checkstyle: return output::write_checkstyle(run, out, options);
    case Format::junit: return output::write_junit(run, out, options);
  }
}

void write_summary(const RunResult& run, std::ostream& err) { output::write_summary(run, err); }
void write_statistics(const RunResult& run, std::ostream& out) { output::write_statistics(run, out); }

}  // namespace zklint
