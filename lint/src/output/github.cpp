// GitHub Actions workflow commands: one ::error/::warning/::notice line per finding, which the
// runner turns into annotations on the pull request.
#include "common.hpp"
#include "writers.hpp"

namespace zklint::output {
namespace {

// The runner's escaping: data needs %, CR and LF escaped; property values also : and ,.
std::string escape_data(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (const char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view command(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "warning";
}

}  // namespace

void write_github(const RunResult& run, std::ostream& out, const OutputOptions&) {
  for (const FileResult& f : run.files) {
    if (f.not_linted) {
      out << "::error file=" << escape_property(f.path) << ",title=zklint::" << escape_data(*f.not_linted) << "\n";
      continue;
    }
    for (const Diagnostic& d : f.diagnostics) {
      const RuleMeta& m = d.rule->meta();
      std::string message = d.message;
      if (!d.suggestion.empty()) message += "\ndid you mean: " + d.suggestion;
      if (!d.help.empty()) message += "\nhelp: " + d.help;
      out << "::" << command(d.severity) << " file=" << escape_property(f.path) << ",line=" << d.range.begin.line
          << ",col=" << d.range.begin.column << ",endLine=" << d.range.end.line << ",endColumn=" << d.range.end.column
          << ",title=" << escape_property(std::string(m.code) + " " + std::string(m.name)) << "::" << escape_data(message) << "\n";
    }
  }
}

}  // namespace zklint::output
