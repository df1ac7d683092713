#include "report_targets.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "zklint/lint/strings.hpp"

namespace zklint::cli {

namespace fs = std::filesystem;

namespace {

// The formats a file name's extension admits; empty when the extension says nothing (".out",
// none). ".sarif.json" ends in ".json", which SARIF files may carry, so sarif is admitted there.
std::vector<Format> formats_for_name(const std::string& file) {
  const std::string extension = to_lower(fs::path(file).extension().string());
  if (extension == ".sarif") return {Format::sarif};
  if (extension == ".json") return {Format::json, Format::sarif, Format::gitlab};
  if (extension == ".xml") return {Format::checkstyle, Format::junit};
  if (extension == ".txt" || extension == ".log") return {Format::text, Format::concise, Format::github};
  return {};
}

std::string names_of(const std::vector<Format>& formats) {
  std::string out;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    out += i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ";
    out += to_string(formats[i]);
  }
  return out;
}

// "sarif=x.sarif" -> (sarif, "x.sarif"); a plain file name (which may contain '=') -> nullopt.
std::optional<ReportTarget> explicit_target(const std::string& output) {
  const std::size_t eq = output.find('=');
  if (eq == std::string::npos || eq + 1 == output.size()) return std::nullopt;
  const auto format = parse_format(output.substr(0, eq));
  if (!format) return std::nullopt;
  return ReportTarget{*format, output.substr(eq + 1)};
}

}  // namespace

std::variant<std::vector<ReportTarget>, std::string> plan_reports(const std::vector<std::string>& formats,
                                                                  const std::vector<std::string>& outputs, bool default_text) {
  std::vector<ReportTarget> targets;
  for (const std::string& name : formats) {
    const auto f = parse_format(name);
    if (!f) return "--format: unknown format '" + name + "' (" + format_names() + ")";
    targets.push_back({*f, std::nullopt});
  }
  std::vector<ReportTarget> explicit_targets;
  std::size_t positional = 0;
  for (const std::string& output : outputs) {
    if (auto target = explicit_target(output)) {
      explicit_targets.push_back(std::move(*target));
      continue;
    }
    if (positional == targets.size()) {
      return "--output " + output + " has no --format to belong to (the n-th --output FILE belongs to the n-th --format); write --output FORMAT=" + output;
    }
    ReportTarget& target = targets[positional++];
    const std::vector<Format> admitted = formats_for_name(output);
    if (!admitted.empty() && std::find(admitted.begin(), admitted.end(), target.format) == admitted.end()) {
      return "--output " + output + " would receive the " + std::string(to_string(target.format)) +
             " report (the n-th --output FILE belongs to the n-th --format), but its name says " + names_of(admitted) +
             ": write --output " + std::string(to_string(admitted.front())) + "=" + output + " or reorder the options";
    }
    target.file = output;
  }
  targets.insert(targets.end(), explicit_targets.begin(), explicit_targets.end());
  if (targets.empty() && default_text) targets.push_back({Format::text, std::nullopt});

  std::map<fs::path, std::string> written;  // the same file through two spellings is still one file
  std::size_t on_stdout = 0;
  for (const ReportTarget& t : targets) {
    if (!t.file) {
      ++on_stdout;
      continue;
    }
    const fs::path key = fs::weakly_canonical(fs::absolute(*t.file));
    if (const auto it = written.find(key); it != written.end()) {
      return "--output: " + *t.file + " would receive two reports (" + it->second + " and " + std::string(to_string(t.format)) + "): give each its own file";
    }
    written[key] = std::string(to_string(t.format));
  }
  if (on_stdout > 1) return "only one --format may write to standard output; give the others an --output FILE (or --output FORMAT=FILE)";
  return targets;
}

}  // namespace zklint::cli
