// Applying fixes: non-overlapping text edits on the original bytes, everything else untouched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "zklint/lint/diagnostic.hpp"

namespace zklint {

struct FixResult {
  std::string text;          ///< the file after the fixes
  std::size_t applied = 0;   ///< fixes applied
  std::size_t skipped = 0;   ///< fixes that overlapped an earlier one (apply again to get them)
  std::vector<std::size_t> applied_indices;  ///< which of the diagnostics had their fix applied
};

/// Applies the fixes of `diagnostics` to `source`: safe ones always, unsafe ones only with
/// `include_unsafe`. A fix is applied whole or not at all; a fix whose edits overlap an
/// already accepted fix is skipped. Bytes outside the edits are kept exactly.
FixResult apply_fixes(std::string_view source, const std::vector<Diagnostic>& diagnostics, bool include_unsafe);

}  // namespace zklint
