// Which report goes where: --format and --output, in the positional form (the n-th --output
// belongs to the n-th --format) and the explicit one (--output FORMAT=FILE).
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "zklint/lint/output.hpp"

namespace zklint::cli {

struct ReportTarget {
  Format format;
  std::optional<std::string> file;  ///< nullopt: standard output
};

/// The reports to write, or a usage error. `default_text`: with no --format at all, one text
/// report on standard output (not with --diff, which owns standard output).
std::variant<std::vector<ReportTarget>, std::string> plan_reports(const std::vector<std::string>& formats,
                                                                  const std::vector<std::string>& outputs, bool default_text);

}  // namespace zklint::cli
