#include "zklint/lint/selector.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "zklint/lint/registry.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint {
namespace {

// Families that were renamed keep their old name as a selector, so existing configs still work.
constexpr std::pair<std::string_view, std::string_view> renamed_families[] = {
    {"cross-file", "cluster"},  // folded into the cross-node family
};

bool names_family(std::string_view selector, const Rule& rule) {
  if (selector == rule.family()) return true;
  return std::any_of(std::begin(renamed_families), std::end(renamed_families),
                     [&](const auto& r) { return r.first == selector && r.second == rule.family(); });
}

}  // namespace

bool selector_matches(std::string_view selector, const Rule& rule) {
  if (selector == "all") return true;
  const RuleMeta& m = rule.meta();
  if (selector == m.name || names_family(selector, rule)) return true;
  // A code or a code prefix of at least "ZKL" plus one digit.
  return selector.size() >= 4 && selector.size() <= m.code.size() && iequals(m.code.substr(0, selector.size()), selector);
}

int selector_specificity(std::string_view selector, const Rule& rule) {
  const RuleMeta& m = rule.meta();
  if (iequals(selector, m.code)) return 30;
  if (selector == m.name) return 20;
  if (selector == "all") return 0;
  if (names_family(selector, rule)) return 1;
  return 10 + static_cast<int>(selector.size());  // a code prefix: ZKL1 (14) < ZKL10 (15)
}

std::vector<std::string_view> selector_words(const RuleRegistry& registry) {
  std::vector<std::string_view> words{"all"};
  for (const Rule* r : registry.rules()) {
    words.push_back(r->meta().code);
    words.push_back(r->meta().name);
    if (std::find(words.begin(), words.end(), r->family()) == words.end()) words.push_back(r->family());
  }
  for (const auto& [old_name, family] : renamed_families) words.push_back(old_name);
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
