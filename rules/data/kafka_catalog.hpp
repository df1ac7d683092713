// The Kafka broker config catalog (Kafka 2.0-4.3): type, default and validator of every broker
// key per release line. Generated at build time from kafka-broker-configs.json into constant
// tables: nothing is parsed or allocated at start-up.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "zklint/lint/release_line.hpp"

namespace zklint::kafka_catalog {

/// ConfigDef types.
enum class Type : std::uint8_t { boolean, string, int_, short_, long_, double_, list, class_, password };
std::string_view to_string(Type t);

/// The validator the docs table shows for a key.
enum class Validator : std::uint8_t {
  none,              ///< no validator shown
  range,             ///< [min,...], [min,...,max], [...,max]; `also_allowed` may add one value ("or -1")
  one_of,            ///< ValidString / ValidList: exact, case-sensitive membership
  one_of_any_case,   ///< CaseInsensitiveValidString
  non_empty_string,
  non_null_string,
  non_empty_list,    ///< per entry parse check only (ConfigDef.java NonEmptyString / list parse @3.9)
  version_list,      ///< inter.broker.protocol.version style: a known version or a prefix of one
  unparsed,          ///< a cell that does not describe a checkable validator
};

struct KeySpec {
  std::string_view name;
  Type type;
  std::string_view default_value;  ///< the Default cell without its unit hint; "null" for null
  bool required;                   ///< no default: Kafka refuses to start without the key
  Validator validator;
  std::string_view valid_values;   ///< the raw Valid Values cell
  bool has_min, has_max, has_also_allowed;
  std::int64_t min, max, also_allowed;  ///< bounds for integer types
  double min_double, max_double;        ///< bounds for double
  std::span<const std::string_view> allowed;  ///< members for one_of / one_of_any_case / version_list
  std::string_view importance;     ///< high, medium, low
  std::string_view update_mode;    ///< read-only, per-broker, cluster-wide, or empty
};

/// The release lines in the catalog, oldest first.
std::span<const KafkaVersion> versions();
KafkaVersion newest();
/// The catalog line to use for a version: itself, the nearest older line, or the oldest (2.0).
KafkaVersion nearest(KafkaVersion v);

/// The key as defined in `version` (a catalog line), or null. Noted in the thread's ReleaseLog
/// (zklint/lint/release_questions.hpp).
const KeySpec* find(KafkaVersion version, std::string_view key);

/// Bit i: catalog line i reads or checks `key` differently from line i-1 (defines it or not, or
/// with another type, default or validator; the documentation columns do not count, no rule reads
/// them). What find() notes in the thread's ReleaseLog.
std::uint64_t behaviour_changes(std::string_view key);
/// Bit i: line i reads a value of `key` differently from line i-1: the key's type, validator or
/// bounds differ, or one line defines it and the other does not (its default does not count).
/// What parsing and validating a value of the key depend on.
std::uint64_t value_changes(std::string_view key);

/// While it lives, find() on this thread notes in the ReleaseLog only the lines where each key it
/// looks up becomes defined or undefined, not where its spec changes: for code that asks whether
/// releases define a key and reads nothing else of the spec (classifying a file's keys). Whoever
/// then reads a spec's contents notes what they depend on (value_changes, behaviour_changes).
class NotingDefinitionOnly {
 public:
  NotingDefinitionOnly();
  ~NotingDefinitionOnly();
  NotingDefinitionOnly(const NotingDefinitionOnly&) = delete;
  NotingDefinitionOnly& operator=(const NotingDefinitionOnly&) = delete;

 private:
  bool outer_;
};

/// Bit i: catalog line i defines `key` (not noted in a ReleaseLog: for guessing a file's lines).
std::uint64_t defining_lines(std::string_view key);
/// The position of a catalog line in versions(), or the number of lines for a version not in it.
std::size_t line_index(KafkaVersion version);

/// Every key defined in `version`, sorted.
std::span<const KeySpec* const> keys(KafkaVersion version);
/// Every key name of any version, sorted.
std::span<const std::string_view> all_key_names();
/// The first and last catalog lines that define `key`, if any.
std::optional<KafkaVersion> first_version_with(std::string_view key);
std::optional<KafkaVersion> last_version_with(std::string_view key);

}  // namespace zklint::kafka_catalog
