#include "kafka_catalog.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "kafka_catalog_tables.hpp"
#include "zklint/lint/release_questions.hpp"

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

namespace {
bool same_behaviour(const KeySpec* a, const KeySpec* b) {
  if (a == b) return true;
  if (a == nullptr || b == nullptr) return false;
  const auto behaviour = [](const KeySpec& s) {
    return std::tie(s.type, s.default_value, s.required, s.validator, s.has_min, s.has_max, s.has_also_allowed, s.min, s.max,
                    s.also_allowed, s.min_double, s.max_double);
  };
  return behaviour(*a) == behaviour(*b) && std::equal(a->allowed.begin(), a->allowed.end(), b->allowed.begin(), b->allowed.end());
}

// What kafka::parse and kafka::validate read of a spec: all of it but the default and whether one is required.
bool same_value_rules(const KeySpec* a, const KeySpec* b) {
  if (a == b) return true;
  if (a == nullptr || b == nullptr) return false;
  const auto rules = [](const KeySpec& s) {
    return std::tie(s.type, s.validator, s.has_min, s.has_max, s.has_also_allowed, s.min, s.max, s.also_allowed, s.min_double, s.max_double);
  };
  return rules(*a) == rules(*b) && std::equal(a->allowed.begin(), a->allowed.end(), b->allowed.begin(), b->allowed.end());
}

thread_local bool noting_definition_only = false;

const KeySpec* find_unlogged(KafkaVersion version, std::string_view key) {
  const auto list = keys_of(version);
  const auto it = std::lower_bound(list.begin(), list.end(), key, [](const KeySpec* s, std::string_view k) { return s->name < k; });
  return it != list.end() && (*it)->name == key ? *it : nullptr;
}

// Every key any line defines, by name: what each line defines for it, and the lines where that
// changes behaviour. find() is one hash lookup; the rules ask it
// for every key of every file, once per class of releases.
struct KeyLines {
  std::vector<const KeySpec*> specs;  // per catalog line (index of versions()), null where undefined
  std::uint64_t changes = 0;          // see behaviour_changes()
  std::uint64_t defined = 0;          // see defining_lines()
  std::uint64_t definition_changes = 0;  // bit i: line i defines it and line i-1 does not, or the reverse
  std::uint64_t value_changes = 0;    // see value_changes()
};

const std::unordered_map<std::string_view, KeyLines>& key_lines() {
  static_assert(sizeof(std::uint64_t) * 8 > 23, "one bit per catalog line");
  static const std::unordered_map<std::string_view, KeyLines> table = [] {
    std::unordered_map<std::string_view, KeyLines> out;
    const auto lines = versions();
    for (const std::string_view name : all_key_names()) {
      KeyLines& k = out[name];
      for (std::size_t i = 0; i < lines.size(); ++i) {
        k.specs.push_back(find_unlogged(lines[i], name));
        if (k.specs[i] != nullptr) k.defined |= std::uint64_t{1} << i;
        if (i == 0) continue;
        const std::uint64_t bit = std::uint64_t{1} << i;
        if (!same_behaviour(k.specs[i - 1], k.specs[i])) k.changes |= bit;
        if (!same_value_rules(k.specs[i - 1], k.specs[i])) k.value_changes |= bit;
        if ((k.specs[i - 1] == nullptr) != (k.specs[i] == nullptr)) k.definition_changes |= bit;
      }
    }
    return out;
  }();
  return table;
}
}  // namespace

const KeySpec* find(KafkaVersion version, std::string_view key) {
  const auto& table = key_lines();
  const auto it = table.find(key);
  if (it == table.end()) return nullptr;  // no line defines it: nothing to note
  if (ReleaseLog* log = ReleaseLog::current()) log->note(noting_definition_only ? it->second.definition_changes : it->second.changes);
  const std::size_t line = line_index(version);
  return line < it->second.specs.size() ? it->second.specs[line] : nullptr;
}

std::uint64_t behaviour_changes(std::string_view key) {
  const auto& table = key_lines();
  const auto it = table.find(key);
  return it != table.end() ? it->second.changes : 0;  // no line defines it
}

std::uint64_t value_changes(std::string_view key) {
  const auto& table = key_lines();
  const auto it = table.find(key);
  return it != table.end() ? it->second.value_changes : 0;
}

NotingDefinitionOnly::NotingDefinitionOnly() : outer_(noting_definition_only) { noting_definition_only = true; }
NotingDefinitionOnly::~NotingDefinitionOnly() { noting_definition_only = outer_; }

std::uint64_t defining_lines(std::string_view key) {
  const auto& table = key_lines();
  const auto it = table.find(key);
  return it != table.end() ? it->second.defined : 0;
}

std::size_t line_index(KafkaVersion version) {
  const auto lines = versions();
  const auto it = std::lower_bound(lines.begin(), lines.end(), version);
  return it != lines.end() && *it == version ? static_cast<std::size_t>(it - lines.begin()) : lines.size();
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
    if (find_unlogged(v, key) != nullptr) return v;
  }
  return std::nullopt;
}

std::optional<KafkaVersion> last_version_with(std::string_view key) {
  if (!in_some_version(key)) return std::nullopt;
  for (auto it = catalog_tables.versions.rbegin(); it != catalog_tables.versions.rend(); ++it) {
    if (find_unlogged(*it, key) != nullptr) return *it;
  }
  return std::nullopt;
}

}  // namespace zklint::kafka_catalog
