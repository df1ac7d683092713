// --statistics: how many findings each rule made, most frequent first (ties by code), as ruff's
// --statistics prints them; for deciding what to fix, suppress or baseline first.
#include <algorithm>
#include <iomanip>
#include <map>
#include <ostream>

#include "writers.hpp"
#include "zklint/lint/rule.hpp"

namespace zklint::output {

void write_statistics(const RunResult& run, std::ostream& out) {
  std::map<const Rule*, std::size_t> counts;
  for (const FileResult& f : run.files) {
    for (const Diagnostic& d : f.diagnostics) ++counts[d.rule];
  }
  std::vector<std::pair<const Rule*, std::size_t>> rows(counts.begin(), counts.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first->meta().code < b.first->meta().code;
  });
  std::size_t width = 1;
  for (const auto& [rule, count] : rows) width = std::max(width, std::to_string(count).size());
  for (const auto& [rule, count] : rows) {
    const RuleMeta& m = rule->meta();
    out << std::setw(static_cast<int>(width)) << count << "  " << m.code << "  " << m.name << "\n";
  }
}

}  // namespace zklint::output
