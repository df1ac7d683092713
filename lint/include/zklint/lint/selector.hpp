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
/// Every code, name and family, and "all": what a selector may name, for "did you mean".
std::vector<std::string_view> selector_words(const RuleRegistry& registry);
bool selector_matches(std::string_view selector, const Rule& rule);
/// How specifically a selector that matches `rule` names it: a code beats a name, a name beats a
/// code prefix, a longer prefix beats a shorter one, and any of these beats a family, which beats
/// "all". The most specific setting decides, whatever the order of the settings.
int selector_specificity(std::string_view selector, const Rule& rule);

}  // namespace zklint
