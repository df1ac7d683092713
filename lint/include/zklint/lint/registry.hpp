// All rules, collected from the ZKL_RULE lines under rules/ at build time (never a hand-kept list).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "zklint/lint/rule.hpp"

namespace zklint {

class RuleRegistry {
 public:
  /// The registry of this build, created on first use. Defined in the generated registry.cpp.
  static const RuleRegistry& instance();

  /// Every rule, sorted by code.
  const std::vector<const Rule*>& rules() const { return sorted_; }
  /// A rule by code ("ZKL101", case-insensitive) or kebab name; null if unknown.
  const Rule* find(std::string_view code_or_name) const;
  /// True if `name` is a family (a folder under rules/).
  bool is_family(std::string_view name) const;
  /// The families, in code order.
  std::vector<std::string_view> families() const;

  /// Used by the generated code only.
  void add(std::unique_ptr<Rule> rule, std::string_view family);
  void finish();

 private:
  std::vector<std::unique_ptr<Rule>> owned_;
  std::vector<const Rule*> sorted_;
};

}  // namespace zklint
