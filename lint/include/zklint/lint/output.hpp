// Report writers. Every format gets the whole run; each writes one complete document.
#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "zklint/lint/engine.hpp"

namespace zklint {

enum class Format { text, concise, json, sarif, github, gitlab, checkstyle, junit };

/// A report format, its --format name and who reads it (for --help, the man page and errors).
struct FormatInfo {
  Format format;
  std::string_view name;
  std::string_view consumer;
};
std::span<const FormatInfo> formats();
std::optional<Format> parse_format(std::string_view name);
std::string_view to_string(Format f);
/// "text, json, sarif, ..." for messages.
std::string format_names();

struct OutputOptions {
  bool color = false;       ///< ANSI colors in text output
  bool verbose = false;     ///< text: also print each file's kind and assumed Kafka version
  int exit_code = 0;        ///< recorded in SARIF invocations and the JSON report
};

void write_report(Format format, const RunResult& run, std::ostream& out, const OutputOptions& options);
/// --statistics: one line per rule with findings, "COUNT CODE name", most frequent first.
void write_statistics(const RunResult& run, std::ostream& out);
/// The one-line summary ("zklint: 1 error, 2 warnings, 0 info in 3 files") for standard error.
void write_summary(const RunResult& run, std::ostream& err);

}  // namespace zklint
