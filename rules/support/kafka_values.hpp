// How a Kafka broker reads one config value: ConfigDef.parseType for each catalog type, and the
// validators the catalog shows (ConfigDef.java @3.9 parseType and validators). Rules use this to say exactly what Kafka would
// refuse; the Kafka model (kafka_model.hpp) uses it for typed effective values.
//
// Every function takes the decoded value as Properties.load produced it (untrimmed) and returns
// decoded offsets into it, so a rule can point at the exact characters with report_value_part().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kafka_catalog.hpp"

namespace zklint::support::kafka {

using kafka_catalog::KeySpec;
using kafka_catalog::Type;

/// A piece of a decoded value: its text and its decoded offsets [begin, end).
struct Span {
  std::string_view text;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool operator==(const Span&) const = default;
};

/// Java's String.trim() (every char <= U+0020 off both ends), which ConfigDef applies to every value.
Span trimmed(std::string_view value);

/// ConfigDef's LIST parsing: a blank value is the empty list; otherwise the trimmed text is split on
/// the regex `\s*,\s*` with limit -1, so empty items are kept (`a,,b` and `a,` have an empty item).
std::vector<Span> split_list(std::string_view value);

/// Kafka's Csv.parseCsvList (listeners, log.dirs, ...): the same split with the empty items dropped.
std::vector<Span> split_csv(std::string_view value);

/// Boolean.parse in ConfigDef: "true" or "false" in any case (Java's equalsIgnoreCase), nothing else.
std::optional<bool> parse_boolean(std::string_view text);

/// Integer.parseInt / Short.parseShort / Long.parseLong for `type` (int_, short_ or long_): an
/// optional sign and decimal digits (Java also takes other Unicode decimal digits), with overflow
/// checks; no blanks, units, underscores or hex.
std::optional<std::int64_t> parse_integer(std::string_view text, Type type);

/// Double.parseDouble: decimal or hex floats, exponents, NaN, Infinity, a trailing f/F/d/D.
std::optional<double> parse_double(std::string_view text);

/// Whether Class.forName could possibly load `text`: dot-separated Java identifiers. A well-formed
/// name can still be missing from the classpath; that is beyond a static check.
bool well_formed_class_name(std::string_view text);

/// "a boolean (true or false)", "a 32-bit integer (int)", ... for messages.
std::string_view type_description(Type type);

/// A value read the way ConfigDef.parseType reads it.
struct Parsed {
  Type type = Type::string;
  bool ok = true;
  std::string problem;        ///< why Kafka rejects it, when !ok: "not a 32-bit integer (int)"
  Span problem_span;          ///< the characters to point at, when !ok
  Span text;                  ///< the trimmed value (STRING, PASSWORD and CLASS values are this)
  bool boolean = false;       ///< BOOLEAN
  std::int64_t integer = 0;   ///< INT, SHORT, LONG
  double real = 0;            ///< DOUBLE
  std::vector<Span> items;    ///< LIST, empty items included
};
Parsed parse(Type type, std::string_view value);

/// Which kind of validator a violation comes from; each kind is reported by its own rule.
enum class ViolationKind : std::uint8_t {
  range,      ///< [min,...], [min,...,max], "or -1"
  one_of,     ///< ValidString / ValidList / CaseInsensitiveValidString / version lists
  non_empty,  ///< NonEmptyString
};

struct Violation {
  ViolationKind kind;
  std::string message;  ///< what Kafka says, paraphrased
  Span span;            ///< the offending characters (one list item, or the whole value)
  std::string suggestion;  ///< a close valid value, when there is one
};

/// Runs the validator of `spec` (as the catalog line `version` shows it) on a successfully parsed
/// value, plus the checks older KafkaConfig versions ran instead of a ConfigDef validator
/// (compression.type and security.inter.broker.protocol before 3.3).
/// `version_text` names the release in messages (LintContext::kafka_version_text()); empty: `version`.
std::optional<Violation> validate(const KeySpec& spec, KafkaVersion version, const Parsed& value, std::string_view version_text = {});

/// Kafka 4.2+ (KIP-1161): the list settings whose ValidList rejects empty items and duplicates
/// (ConfigDef.java @4.2 ValidList isEmptyAllowed). Before 4.2, empty items are kept silently.
bool rejects_empty_items(KafkaVersion version, std::string_view key);

/// The default of `spec` parsed as its type, or nullopt when the default is null or there is none.
std::optional<Parsed> parse_default(const KeySpec& spec);

}  // namespace zklint::support::kafka
