#include "zklint/lint/fixer.hpp"

#include <algorithm>

namespace zklint {

namespace {
bool overlaps(const TextEdit& a, const TextEdit& b) {
  const bool a_inserts = a.begin == a.end, b_inserts = b.begin == b.end;
  if (a_inserts && b_inserts) return a.begin == b.begin;  // two insertions at one point: order unknown
  if (a_inserts) return a.begin > b.begin && a.begin < b.end;
  if (b_inserts) return b.begin > a.begin && b.begin < a.end;
  return a.begin < b.end && b.begin < a.end;
}
}  // namespace

FixResult apply_fixes(std::string_view source, const std::vector<Diagnostic>& diagnostics, bool include_unsafe) {
  FixResult result;
  std::vector<TextEdit> accepted;
  for (std::size_t index = 0; index < diagnostics.size(); ++index) {
    const Diagnostic& d = diagnostics[index];
    if (!d.fix || (d.fix->safety == FixSafety::unsafe && !include_unsafe)) continue;
    const auto& edits = d.fix->edits;
    const bool clash = std::any_of(edits.begin(), edits.end(), [&](const TextEdit& e) {
      return e.end < e.begin || e.end > source.size() ||
             std::any_of(accepted.begin(), accepted.end(), [&](const TextEdit& a) { return overlaps(a, e); });
    });
    if (clash) {
      ++result.skipped;
      continue;
    }
    accepted.insert(accepted.end(), edits.begin(), edits.end());
    ++result.applied;
    result.applied_indices.push_back(index);
  }
  std::stable_sort(accepted.begin(), accepted.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  std::size_t cursor = 0;
  for (const TextEdit& e : accepted) {
    result.text.append(source.substr(cursor, e.begin - cursor));
    result.text += e.replacement;
    cursor = e.end;
  }
  result.text.append(source.substr(cursor));
  return result;
}

}  // namespace zklint
