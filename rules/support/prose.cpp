#include "support/prose.hpp"

#include <algorithm>

#include "kafka_catalog.hpp"
#include "zklint/lint/strings.hpp"
#include "zookeeper_keys.hpp"

namespace zklint::support {

bool looks_like_prose(const LintContext& ctx, const Entry& e) {
  if (e.separator != Separator::blank || ctx.templated(e) || e.key.empty()) return false;
  const bool plain_word = std::all_of(e.key.begin(), e.key.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  if (!plain_word) return false;
  const std::string_view value = java_trim(e.value);
  if (std::count(value.begin(), value.end(), ' ') < 1) return false;  // "key value": a real setting
  const auto names = kafka_catalog::all_key_names();
  return zookeeper_keys::find(e.key) == nullptr && !std::binary_search(names.begin(), names.end(), e.key);
}

}  // namespace zklint::support
