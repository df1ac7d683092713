// GitLab Code Quality (`artifacts:reports:codequality`): a JSON array of issues with the fields
// GitLab documents as required: description, check_name, fingerprint, severity, location.path
// (relative to the repository) and location.lines.begin. GitLab shows identical fingerprints as
// one entry and compares them between the source and target branch, so the fingerprint is
// zklint's own (rule, file, offending setting, occurrence): unique per finding and unchanged when
// lines move. `type` and `categories` come from the Code Climate spec GitLab's format is a subset
// of; GitLab ignores them, other Code Climate readers want them.
#include <nlohmann/json.hpp>

#include "common.hpp"
#include "writers.hpp"

namespace zklint::output {
namespace {

std::string_view severity(Severity s) {
  switch (s) {
    case Severity::error: return "critical";  // the broker or ZooKeeper will not start or will fail
    case Severity::warning: return "major";
    case Severity::info: return "info";
  }
  return "major";
}

// The last line the range covers: an end at column 1 of a later line stops before that line.
std::uint32_t last_line(const Range& r) {
  if (r.end.line > r.begin.line && r.end.column == 1) return r.end.line - 1;
  return std::max(r.begin.line, r.end.line);
}

nlohmann::json issue(std::string description, std::string check_name, std::string fingerprint, std::string_view level,
                     const std::string& path, std::uint32_t begin, std::uint32_t end) {
  return {{"type", "issue"},
          {"description", std::move(description)},
          {"check_name", std::move(check_name)},
          {"fingerprint", std::move(fingerprint)},
          {"severity", level},
          {"categories", nlohmann::json::array({"Bug Risk"})},
          {"location", {{"path", working_directory_path(path)}, {"lines", {{"begin", begin}, {"end", end}}}}}};
}

}  // namespace

void write_gitlab(const RunResult& run, std::ostream& out, const OutputOptions&) {
  nlohmann::json issues = nlohmann::json::array();
  for (const FileResult& f : run.files) {
    if (f.not_linted) {
      // No finding format for "could not read": an issue keeps it visible in the merge request.
      issues.push_back(issue("zklint could not lint this file: " + *f.not_linted, "zklint/not-linted",
                             fingerprint_of_text("not-linted\x1f" + f.path), "critical", f.path, 1, 1));
      continue;
    }
    const std::vector<std::string> prints = fingerprints(f.path, f.diagnostics);
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) {
      const Diagnostic& d = f.diagnostics[i];
      const RuleMeta& m = d.rule->meta();
      issues.push_back(issue(message_with_suggestion(d), std::string(m.code) + " " + std::string(m.name), prints[i],
                             severity(d.severity), f.path, d.range.begin.line, last_line(d.range)));
    }
  }
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace zklint::output
