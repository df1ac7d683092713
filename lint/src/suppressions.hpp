// The suppression stage: find the directives of a file and drop the diagnostics they cover.
#pragma once

#include <functional>
#include <vector>

#include "zklint/document.hpp"
#include "zklint/lint/diagnostic.hpp"
#include "zklint/lint/suppression.hpp"

namespace zklint {

/// Parses every `# zklint: ...` comment. `ran` tells whether a rule ran on this file.
SuppressionReport collect_suppressions(const Document& doc, const std::function<bool(const Rule&)>& ran);

/// Removes the diagnostics the directives cover, counting each directive's use.
/// Returns how many were suppressed.
std::size_t apply_suppressions(SuppressionReport& report, std::vector<Diagnostic>& diagnostics);

}  // namespace zklint
