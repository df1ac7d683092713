#include "zklint/lint/selector.hpp"

#include <algorithm>

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

int selector_specificity(std::string_view selector, const Rule& rule) {
  const RuleMeta& m = rule.meta();
  if (iequals(selector, m.code)) return 30;
  if (selector == m.name) return 20;
  if (selector == "all") return 0;
  if (selector == rule.family()) return 1;
  return 10 + static_cast<int>(selector.size());  // a code prefix: ZKL1 (14) < ZKL10 (15)
}

std::vector<std::string_view> selector_words(const RuleRegistry& registry) {
  std::vector<std::string_view> words{"all"};
  for (const Rule* r : registry.rules()) {
    words.push_back(r->meta().code);
    words.push_back(r->meta().name);
    if (std::find(words.begin(), words.end(), r->family()) == words.end()) words.push_back(r->family());
  }
  return words;
}

std::vector<const Rule*> select_rules(const RuleRegistry& registry, std::string_view selector) {
  std::vector<const Rule*> out;
  for (const Rule* r : registry.rules()) {
    if (selector_matches(selector, *r)) out.push_back(r);
  }
  return out;
}

}  // namespace zklint
