// The human format: file:line:col: severity: message [CODE name], the source line with carets,
// then help, "did you mean" and related locations.
#include <ostream>

#include "common.hpp"
#include "writers.hpp"
#include "zklint/lint/profile.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::output {
namespace {

struct Style {
  bool on;
  std::string operator()(std::string_view code, std::string_view text) const {
    return on ? "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m" : std::string(text);
  }
};

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "1;31";
    case Severity::warning: return "1;33";
    case Severity::info: return "1;36";
  }
  return "1";
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// The source line as a terminal can show it: tabs and control chars as one space each (columns
// count them as one), Latin-1 bytes as UTF-8 when the line is not UTF-8.
std::string printable_line(std::string_view line) {
  const bool utf8 = valid_utf8(line);
  std::string out;
  for (const char ch : line) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) out += ' ';
    else if (c < 0x80 || utf8) out += ch;
    else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

void write_snippet(std::ostream& out, const Document& doc, const Diagnostic& d, const Style& style, std::string_view color) {
  const std::uint32_t line = d.range.begin.line;
  if (line > doc.source().line_count()) return;
  const std::string text = printable_line(doc.source().line_text(line));
  const std::string number = std::to_string(line);
  const std::string gutter(number.size(), ' ');
  const std::uint32_t end_column = d.range.end.line == line ? d.range.end.column : doc.source().column_of(line, doc.source().line_start(line) + static_cast<std::uint32_t>(doc.source().line_text(line).size()));
  const std::size_t width = end_column > d.range.begin.column ? end_column - d.range.begin.column : 1;
  out << style("1;34", gutter + " |") << "\n";
  out << style("1;34", number + " |") << " " << text << "\n";
  out << style("1;34", gutter + " |") << " " << std::string(d.range.begin.column - 1, ' ') << style(color, std::string(width, '^'));
  if (d.range.end.line > line) out << style(color, " (continues to line " + std::to_string(d.range.end.line) + ")");
  out << "\n";
}

}  // namespace

void write_text(const RunResult& run, std::ostream& out, const OutputOptions& options) {
  const Style style{options.color};
  for (const FileResult& f : run.files) {
    if (f.not_linted) {
      out << style("1", f.path) << ": " << style("1;31", "error") << ": " << *f.not_linted << "\n";
      continue;
    }
    if (options.verbose) {
      out << style("2", f.path + ": " + std::string(to_string(f.profile.kind)) + " (" + f.profile.kind_reason + ")");
      if (f.profile.kind == FileKind::kafka) out << style("2", "; Kafka " + describe_kafka_versions(f.profile.kafka_versions) + " (" + f.profile.kafka_version_reason + ")");
      if (f.profile.kind == FileKind::zookeeper) {
        out << style("2", "; ZooKeeper " + describe_zookeeper_versions(f.profile.zookeeper_versions) + " (" + f.profile.zookeeper_version_reason + ")");
      }
      out << "\n";
    } else if (f.profile.kind == FileKind::kafka && f.profile.kafka_version_guessed && !f.diagnostics.empty()) {
      // The findings depend on the version: say which releases they were judged for, and why.
      out << style("1", f.path) << ": " << style("1", "note") << ": judged as Kafka " << describe_kafka_versions(f.profile.kafka_versions) << ", "
          << f.profile.kafka_version_reason << "; set --kafka-version to judge one release\n";
    } else if (f.profile.kind == FileKind::zookeeper && f.profile.zookeeper_version_guessed && !f.diagnostics.empty()) {
      out << style("1", f.path) << ": " << style("1", "note") << ": judged as ZooKeeper " << describe_zookeeper_versions(f.profile.zookeeper_versions)
          << ", " << f.profile.zookeeper_version_reason << "; set --zookeeper-version to judge one release\n";
    }
    for (const std::string& e : f.internal_errors) out << style("1", f.path) << ": " << style("1;31", "internal error") << ": " << e << "\n";
    for (const Diagnostic& d : f.diagnostics) {
      const RuleMeta& m = d.rule->meta();
      const std::string_view color = severity_color(d.severity);
      out << style("1", f.path + ":" + std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column)) << ": "
          << style(color, to_string(d.severity)) << ": " << style("1", d.message) << " "
          << style("2", "[" + std::string(m.code) + " " + std::string(m.name) + "]") << "\n";
      if (f.doc) write_snippet(out, *f.doc, d, style, color);
      if (!d.suggestion.empty()) out << "  = " << style("1;32", "did you mean") << ": " << d.suggestion << "\n";
      if (!d.help.empty()) out << "  = " << style("1", "help") << ": " << d.help << "\n";
      if (d.fix) out << "  = " << style("1", "fix") << (d.fix->safety == FixSafety::safe ? " (--fix)" : " (unsafe: --fix --unsafe-fixes)") << ": " << d.fix->description << "\n";
      for (const RelatedLocation& r : d.related) {
        out << "  = " << style("1", "note") << ": " << r.message << " at " << (r.path.empty() ? f.path : r.path) << ":"
            << r.range.begin.line << ":" << r.range.begin.column << "\n";
      }
    }
  }
}

}  // namespace zklint::output
