// Unified diffs of a file before and after --fix, for --diff (readable by `git apply` and `patch`).
#pragma once

#include <string>
#include <string_view>

namespace zklint {

/// The unified diff that turns `before` into `after`, with `context` lines around each change and
/// headers "--- a/NAME" and "+++ b/NAME"; empty when the texts are equal. Lines keep their own
/// endings (a CRLF line stays CRLF); a last line without a newline gets the
/// "\ No newline at end of file" marker.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name, unsigned context = 3);

}  // namespace zklint
