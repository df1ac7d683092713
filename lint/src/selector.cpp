#include "zklint/lint/selector.hpp"

#include "zklint/lint/registry.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint {

bool selector_matches(std::string_view selector, const Rule& rule) {
  if (selector == "all") return true;
  const RuleMeta& m = rule.meta();
  if (selector == m.name || selector == rule.family()) return true;
  // A code or a code prefix of at least "ZKL" plus one digit.
  return selector.size() >= 4 && selector.size() <= m.code.size() && iequals(m.code.substr(0, selector.size()), selector);
}

std::vector<const Rule*> select_rules(const RuleRegistry& registry, std::string_view selector) {
  std::vector<const Rule*> out;
  for (const Rule* r : registry.rules()) {
    if (selector_matches(selector, *r)) out.push_back(r);
  }
  return out;
}

}  // namespace zklint
