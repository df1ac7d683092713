// Rule selectors, as used by --select, --ignore, .zklint.json and suppression comments:
// a code ("ZKL101", any case), a code prefix ("ZKL1"), a kebab name, a family, or "all".
#pragma once

#include <string_view>
#include <vector>

namespace zklint {

class Rule;
class RuleRegistry;

/// The rules a selector names; empty when it names none.
std::vector<const Rule*> select_rules(const RuleRegistry& registry, std::string_view selector);
bool selector_matches(std::string_view selector, const Rule& rule);

}  // namespace zklint
