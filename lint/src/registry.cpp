#include "zklint/lint/registry.hpp"

#include <algorithm>

#include "zklint/lint/strings.hpp"

namespace zklint {

void RuleRegistry::add(std::unique_ptr<Rule> rule, std::string_view family) {
  rule->family_ = family;
  owned_.push_back(std::move(rule));
}

void RuleRegistry::finish() {
  sorted_.clear();
  for (const auto& r : owned_) sorted_.push_back(r.get());
  std::sort(sorted_.begin(), sorted_.end(), [](const Rule* a, const Rule* b) { return a->meta().code < b->meta().code; });
}

const Rule* RuleRegistry::find(std::string_view code_or_name) const {
  for (const Rule* r : sorted_) {
    if (iequals(r->meta().code, code_or_name) || r->meta().name == code_or_name) return r;
  }
  return nullptr;
}

bool RuleRegistry::is_family(std::string_view name) const {
  return std::any_of(sorted_.begin(), sorted_.end(), [&](const Rule* r) { return r->family() == name; });
}

std::vector<std::string_view> RuleRegistry::families() const {
  std::vector<std::string_view> out;
  for (const Rule* r : sorted_) {
    if (std::find(out.begin(), out.end(), r->family()) == out.end()) out.push_back(r->family());
  }
  return out;
}

}  // namespace zklint
