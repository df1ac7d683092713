#include "kafka_catalog.hpp"

#include <algorithm>

#include "kafka_catalog_tables.hpp"

namespace zklint::kafka_catalog {

using tables::catalog_tables;

std::string_view to_string(Type t) {
  switch (t) {
    case Type::boolean: return "boolean";
    case Type::string: return "string";
    case Type::int_: return "int";
    case Type::short_: return "short";
    case Type::long_: return "long";
    case Type::double_: return "double";
    case Type::list: return "list";
    case Type::class_: return "class";
    case Type::password: return "password";
  }
  return "string";
}

std::span<const KafkaVersion> versions() { return catalog_tables.versions; }
KafkaVersion newest() { return catalog_tables.versions.back(); }

KafkaVersion nearest(KafkaVersion v) {
  KafkaVersion best = catalog_tables.versions.front();
  for (const KafkaVersion line : catalog_tables.versions) {
    if (line <= v) best = line;
  }
  return best;
}

namespace {
std::span<const KeySpec* const> keys_of(KafkaVersion version) {
  const auto it = std::lower_bound(catalog_tables.versions.begin(), catalog_tables.versions.end(), version);
  if (it == catalog_tables.versions.end() || *it != version) return {};
  return catalog_tables.keys[static_cast<std::size_t>(it - catalog_tables.versions.begin())];
}
}  // namespace

const KeySpec* find(KafkaVersion version, std::string_view key) {
  const auto list = keys_of(version);
  const auto it = std::lower_bound(list.begin(), list.end(), key, [](const KeySpec* s, std::string_view k) { return s->name < k; });
  return it != list.end() && (*it)->name == key ? *it : nullptr;
}

std::span<const KeySpec* const> keys(KafkaVersion version) { return keys_of(version); }
std::span<const std::string_view> all_key_names() { return catalog_tables.names; }

namespace {
// One search over every name first: most keys asked about are in no version at all (typos,
// vendor keys), and each version's table costs a search of its own.
bool in_some_version(std::string_view key) { return std::binary_search(catalog_tables.names.begin(), catalog_tables.names.end(), key); }
}  // namespace

std::optional<KafkaVersion> first_version_with(std::string_view key) {
  if (!in_some_version(key)) return std::nullopt;
  for (const KafkaVersion v : catalog_tables.versions) {
    if (find(v, key) != nullptr) return v;
  }
  return std::nullopt;
}

std::optional<KafkaVersion> last_version_with(std::string_view key) {
  if (!in_some_version(key)) return std::nullopt;
  for (auto it = catalog_tables.versions.rbegin(); it != catalog_tables.versions.rend(); ++it) {
    if (find(*it, key) != nullptr) return *it;
  }
  return std::nullopt;
}

}  // namespace zklint::kafka_catalog
