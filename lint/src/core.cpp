// Small value types of the rule-facing API: severities, file kinds, release lines.
#include <charconv>

#include "zklint/lint/diagnostic.hpp"
#include "zklint/lint/file_kind.hpp"
#include "zklint/lint/release_line.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (iequals(text, "info")) return Severity::info;
  if (iequals(text, "warning")) return Severity::warning;
  if (iequals(text, "error")) return Severity::error;
  return std::nullopt;
}

std::string_view to_string(FileKind kind) {
  switch (kind) {
    case FileKind::unknown: return "unknown";
    case FileKind::kafka: return "kafka";
    case FileKind::zookeeper: return "zookeeper";
    case FileKind::foreign: return "foreign";
    case FileKind::deployment: return "deployment";
  }
  return "unknown";
}

std::optional<FileKind> parse_file_kind(std::string_view text) {
  if (text == "kafka") return FileKind::kafka;
  if (text == "zookeeper") return FileKind::zookeeper;
  if (text == "unknown" || text == "properties") return FileKind::unknown;
  return std::nullopt;
}

std::optional<std::pair<int, int>> parse_release_line(std::string_view text) {
  int major = 0, minor = 0;
  const char* end = text.data() + text.size();
  auto r = std::from_chars(text.data(), end, major);
  if (r.ec != std::errc() || r.ptr == end || *r.ptr != '.') return std::nullopt;
  r = std::from_chars(r.ptr + 1, end, minor);
  if (r.ec != std::errc()) return std::nullopt;
  if (r.ptr != end) {  // optional patch level
    if (*r.ptr != '.') return std::nullopt;
    int patch = 0;
    r = std::from_chars(r.ptr + 1, end, patch);
    if (r.ec != std::errc() || r.ptr != end) return std::nullopt;
  }
  if (major < 0 || minor < 0 || major > 99 || minor > 99) return std::nullopt;
  return std::pair{major, minor};
}

}  // namespace zklint
