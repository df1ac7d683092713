#include "support/kafka_values.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "kafka_releases.hpp"
#include "zklint/grammar/csv.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support::kafka {
namespace {

Span span_of(std::string_view whole, std::size_t begin, std::size_t end) {
  return {whole.substr(begin, end - begin), static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

// Reads one UTF-8 code point at `i` and advances `i`; a byte that does not start a well-formed
// sequence reads as itself.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char first = byte(i);
  const std::size_t extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : 0;
  bool well_formed = extra > 0 && i + extra < s.size();
  for (std::size_t k = 1; well_formed && k <= extra; ++k) well_formed = (byte(i + k) & 0xC0) == 0x80;
  if (!well_formed) {
    ++i;
    return first;
  }
  char32_t cp = first & (0x3F >> extra);
  for (std::size_t k = 1; k <= extra; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  i += extra + 1;
  return cp;
}

// Character.digit(c, 10): ASCII digits and the other decimal digits of the BMP (Java reads chars,
// so supplementary-plane digits, which take two chars, are never digits).
int java_decimal_digit(char32_t c) {
  static constexpr std::array<char32_t, 37> zeros = {
      0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
      0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
      0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10};
  for (const char32_t zero : zeros) {
    if (c >= zero && c < zero + 10) return static_cast<int>(c - zero);
  }
  return -1;
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool hex_digit(char c) { return ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Java's equalsIgnoreCase against an ASCII lower-case word: per char, equal after upper- or
// lower-casing. U+017F (long s) upper-cases to 'S', so "falſe" equals "false" in Java.
bool java_equals_ignore_case(std::string_view text, std::string_view lower_word) {
  std::size_t i = 0;
  for (const char w : lower_word) {
    if (i >= text.size()) return false;
    const char32_t c = next_code_point(text, i);
    const bool same = (c < 0x80 && (static_cast<char>(c) == w || static_cast<char>(c) == w - 'a' + 'A')) ||
                      (c == 0x017F && w == 's');
    if (!same) return false;
  }
  return i == text.size();
}

std::string join(const std::span<const std::string_view> items) {
  std::string out;
  for (const std::string_view item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::optional<std::string> closest(std::string_view word, std::span<const std::string_view> allowed) {
  const auto match = closest_match(word, std::vector<std::string_view>(allowed.begin(), allowed.end()));
  return match ? std::optional<std::string>(std::string(*match)) : std::nullopt;
}

// inter.broker.protocol.version / log.message.format.version (MetadataVersion.fromVersionString,
// ApiVersion.apply in 2.x): the first two dot-separated parts (three for 0.x) must name a listed
// version, either exactly ("3.9-IV0") or by its release ("3.9"); "3.9.1" is read as "3.9".
bool known_version(std::string_view text, std::span<const std::string_view> allowed) {
  const std::size_t parts = starts_with(text, "0.") ? 3 : 2;
  std::size_t cut = 0, seen = 0;
  while (cut != std::string_view::npos && seen < parts) {
    cut = text.find('.', cut == 0 && seen == 0 ? 0 : cut + 1);
    ++seen;
  }
  const std::string_view key = cut == std::string_view::npos ? text : text.substr(0, cut);
  return std::any_of(allowed.begin(), allowed.end(), [&](std::string_view v) {
    return v == key || v.substr(0, v.find("-IV")) == key;
  });
}

// Checks KafkaConfig ran itself before the ConfigDef validator of 3.3 took over; both are
// case-insensitive there (BrokerCompressionCodec.isValid and SecurityProtocol.forName).
struct LegacyCheck {
  std::string_view key;
  std::array<std::string_view, 6> allowed;
};
constexpr std::array legacy_checks = {
    LegacyCheck{"compression.type", {"uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"}},
    LegacyCheck{"security.inter.broker.protocol", {"PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL", "", ""}},
};

std::optional<Violation> legacy_violation(const KeySpec& spec, KafkaVersion version, const Parsed& value) {
  for (const LegacyCheck& check : legacy_checks) {
    if (check.key != spec.name || kafka_fact::config_def_validates_compression_and_protocol.holds_in(version) || spec.validator != kafka_catalog::Validator::none) continue;
    std::vector<std::string_view> allowed;
    for (const std::string_view a : check.allowed) {
      if (!a.empty() && !(a == "zstd" && !kafka_fact::zstd_compression.holds_in(version))) allowed.push_back(a);
    }
    const bool ok = std::any_of(allowed.begin(), allowed.end(), [&](std::string_view a) { return iequals(a, value.text.text); });
    if (ok) return std::nullopt;
    Violation v{ViolationKind::one_of, "must be one of " + join(allowed) + " (any case)", value.text, {}};
    if (const auto near = closest(value.text.text, allowed)) v.suggestion = *near;
    return v;
  }
  return std::nullopt;
}

std::string number_text(std::int64_t n) { return std::to_string(n); }
std::string number_text(double d) {
  std::string s = std::to_string(d);
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::optional<Violation> range_violation(const KeySpec& spec, const Parsed& value) {
  if (spec.type == Type::double_) {
    // Range compares with '<' and '>', so NaN passes, exactly as in Java.
    if (spec.has_min && value.real < spec.min_double) {
      return Violation{ViolationKind::range, "must be at least " + number_text(spec.min_double), value.text, {}};
    }
    if (spec.has_max && value.real > spec.max_double) {
      return Violation{ViolationKind::range, "must be no more than " + number_text(spec.max_double), value.text, {}};
    }
    return std::nullopt;
  }
  if (spec.type != Type::int_ && spec.type != Type::short_ && spec.type != Type::long_) return std::nullopt;
  if (spec.has_also_allowed && value.integer == spec.also_allowed) return std::nullopt;
  const std::string also = spec.has_also_allowed ? " (or exactly " + number_text(spec.also_allowed) + ")" : "";
  if (spec.has_min && value.integer < spec.min) {
    const std::string bound = spec.has_max ? "between " + number_text(spec.min) + " and " + number_text(spec.max) : "at least " + number_text(spec.min);
    return Violation{ViolationKind::range, "must be " + bound + also, value.text, {}};
  }
  if (spec.has_max && value.integer > spec.max) {
    const std::string bound = spec.has_min ? "between " + number_text(spec.min) + " and " + number_text(spec.max) : "no more than " + number_text(spec.max);
    return Violation{ViolationKind::range, "must be " + bound + also, value.text, {}};
  }
  return std::nullopt;
}

std::optional<Violation> membership_violation(const KeySpec& spec, const Parsed& value) {
  const bool any_case = spec.validator == kafka_catalog::Validator::one_of_any_case;
  const auto member = [&](std::string_view text) {
    return std::any_of(spec.allowed.begin(), spec.allowed.end(),
                       [&](std::string_view a) { return any_case ? iequals(a, text) : a == text; });
  };
  const std::string listed = "must be one of " + join(spec.allowed) + (any_case ? " (any case)" : " (case-sensitive)");
  const auto violation = [&](const Span& s) {
    Violation v{ViolationKind::one_of, listed, s, {}};
    if (const auto near = closest(s.text, spec.allowed)) v.suggestion = *near;
    return v;
  };
  if (spec.type == Type::list) {
    // ValidList checks each item; an empty item is not a member either.
    for (const Span& item : value.items) {
      if (!member(item.text)) return violation(item);
    }
    return std::nullopt;
  }
  if (member(value.text.text)) return std::nullopt;
  return violation(value.text);
}

}  // namespace

Span trimmed(std::string_view value) {
  const grammar::csv::Item t = grammar::csv::trimmed(value);
  return span_of(value, t.begin, t.end);
}

namespace {
std::vector<Span> spans(std::string_view value, grammar::csv::Empties empties) {
  std::vector<Span> out;
  for (const grammar::csv::Item& item : grammar::csv::split(value, empties)) out.push_back(span_of(value, item.begin, item.end));
  return out;
}
}  // namespace

std::vector<Span> split_list(std::string_view value) { return spans(value, grammar::csv::Empties::keep); }
std::vector<Span> split_csv(std::string_view value) { return spans(value, grammar::csv::Empties::drop); }

std::optional<bool> parse_boolean(std::string_view text) {
  if (java_equals_ignore_case(text, "true")) return true;
  if (java_equals_ignore_case(text, "false")) return false;
  return std::nullopt;
}

std::optional<std::int64_t> parse_integer(std::string_view text, Type type) {
  if (text.empty()) return std::nullopt;
  std::size_t i = 0;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    i = 1;
    if (text.size() == 1) return std::nullopt;  // a lone sign
  }
  // Java's algorithm: accumulate negatively so that the minimum value fits, and check before
  // each step that the next digit cannot overflow.
  const std::int64_t max = type == Type::long_ ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int32_t>::max();
  const std::int64_t min = type == Type::long_ ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int32_t>::min();
  const std::int64_t limit = negative ? min : -max;
  const std::int64_t multiply_min = limit / 10;
  std::int64_t result = 0;
  while (i < text.size()) {
    const int digit = java_decimal_digit(next_code_point(text, i));
    if (digit < 0 || result < multiply_min) return std::nullopt;
    result *= 10;
    if (result < limit + digit) return std::nullopt;
    result -= digit;
  }
  const std::int64_t parsed = negative ? result : -result;
  if (type == Type::short_ && (parsed < std::numeric_limits<std::int16_t>::min() || parsed > std::numeric_limits<std::int16_t>::max())) {
    return std::nullopt;
  }
  return parsed;
}

std::optional<double> parse_double(std::string_view text) {
  const std::string_view s = trimmed(text).text;
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  const std::string_view rest = s.substr(i);
  if (rest == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (rest == "Infinity") return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  const auto suffix_and_end = [&](std::size_t at) {
    if (at < s.size() && (s[at] == 'f' || s[at] == 'F' || s[at] == 'd' || s[at] == 'D')) ++at;
    return at == s.size();
  };
  if (rest.size() >= 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X')) {
    // Hex float: hex digits with at most one '.', then a mandatory binary exponent p/P.
    std::size_t at = i + 2, digits = 0;
    while (at < s.size() && hex_digit(s[at])) ++at, ++digits;
    if (at < s.size() && s[at] == '.') {
      ++at;
      while (at < s.size() && hex_digit(s[at])) ++at, ++digits;
    }
    if (digits == 0 || at >= s.size() || (s[at] != 'p' && s[at] != 'P')) return std::nullopt;
    ++at;
    if (at < s.size() && (s[at] == '+' || s[at] == '-')) ++at;
    const std::size_t exponent_begin = at;
    while (at < s.size() && ascii_digit(s[at])) ++at;
    if (at == exponent_begin || !suffix_and_end(at)) return std::nullopt;
    const std::string hex(s.substr(0, at));
    return std::strtod(hex.c_str(), nullptr);
  }
  std::size_t at = i, digits = 0;
  while (at < s.size() && ascii_digit(s[at])) ++at, ++digits;
  if (at < s.size() && s[at] == '.') {
    ++at;
    while (at < s.size() && ascii_digit(s[at])) ++at, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (at < s.size() && (s[at] == 'e' || s[at] == 'E')) {
    ++at;
    if (at < s.size() && (s[at] == '+' || s[at] == '-')) ++at;
    const std::size_t exponent_begin = at;
    while (at < s.size() && ascii_digit(s[at])) ++at;
    if (at == exponent_begin) return std::nullopt;
  }
  const std::size_t number_end = at;
  if (!suffix_and_end(at)) return std::nullopt;
  const std::string number(s.substr(0, number_end));
  return std::strtod(number.c_str(), nullptr);
}

bool well_formed_class_name(std::string_view text) {
  if (text.empty()) return false;
  const auto start_char = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80; };
  const auto part_char = [&](unsigned char c) { return start_char(c) || (c >= '0' && c <= '9'); };
  for (const std::string_view part : split(text, '.')) {
    if (part.empty() || !start_char(static_cast<unsigned char>(part[0]))) return false;
    if (!std::all_of(part.begin(), part.end(), [&](char c) { return part_char(static_cast<unsigned char>(c)); })) return false;
  }
  return true;
}

std::string_view type_description(Type type) {
  switch (type) {
    case Type::boolean: return "a boolean (true or false)";
    case Type::int_: return "a 32-bit integer (int)";
    case Type::short_: return "a 16-bit integer (short)";
    case Type::long_: return "a 64-bit integer (long)";
    case Type::double_: return "a number (double)";
    case Type::list: return "a comma-separated list";
    case Type::class_: return "a Java class name";
    case Type::password: return "a password";
    case Type::string: return "a string";
  }
  return "a value";
}

Parsed parse(Type type, std::string_view value) {
  Parsed p;
  p.type = type;
  p.text = trimmed(value);
  const auto fail = [&](std::string problem) {
    p.ok = false;
    p.problem = std::move(problem);
    p.problem_span = p.text.text.empty() ? span_of(value, 0, value.size()) : p.text;
  };
  switch (type) {
    case Type::boolean:
      if (const auto b = parse_boolean(p.text.text)) p.boolean = *b;
      else fail("not a boolean (Kafka takes only true or false, in any case)");
      break;
    case Type::int_:
    case Type::short_:
    case Type::long_:
      if (const auto n = parse_integer(p.text.text, type)) p.integer = *n;
      else fail(std::string("not ") + std::string(type_description(type)));
      break;
    case Type::double_:
      if (const auto d = parse_double(p.text.text)) p.real = *d;
      else fail("not a number (double)");
      break;
    case Type::list: p.items = split_list(value); break;
    case Type::class_:
      if (!well_formed_class_name(p.text.text)) fail(p.text.text.empty() ? "not a class name" : "not a well-formed Java class name");
      break;
    case Type::string:
    case Type::password: break;
  }
  return p;
}

std::optional<Violation> validate(const KeySpec& spec, KafkaVersion version, const Parsed& value, std::string_view version_text) {
  if (!value.ok) return std::nullopt;
  using kafka_catalog::Validator;
  switch (spec.validator) {
    case Validator::range: return range_violation(spec, value);
    case Validator::one_of:
    case Validator::one_of_any_case: return membership_violation(spec, value);
    case Validator::non_empty_string:
      if (value.text.text.empty()) return Violation{ViolationKind::non_empty, "must not be empty", value.text, {}};
      return std::nullopt;
    case Validator::version_list:
      if (known_version(value.text.text, spec.allowed)) return std::nullopt;
      return Violation{ViolationKind::one_of,
                       "is not a version Kafka " + (version_text.empty() ? version.to_string() : std::string(version_text)) + " knows (for example " +
                           std::string(spec.allowed.empty() ? "" : spec.allowed.back()) + " or its release number)",
                       value.text, {}};
    case Validator::none: return legacy_violation(spec, version, value);
    default: return std::nullopt;  // non-null string, the voters' per-entry check, unparsed cells
  }
}

bool rejects_empty_items(KafkaVersion version, std::string_view key) {
  static constexpr std::array<std::string_view, 17> validated = {
      "listeners", "advertised.listeners", "early.start.listeners", "log.dirs", "log.dir", "controller.listener.names",
      "sasl.enabled.mechanisms", "sasl.kerberos.principal.to.local.rules", "ssl.cipher.suites", "ssl.enabled.protocols",
      "metric.reporters", "kafka.metrics.reporters", "group.consumer.assignors", "group.share.assignors",
      "sasl.oauthbearer.expected.audience", "process.roles", "group.coordinator.rebalance.protocols"};
  return kafka_fact::list_values_validated.holds_in(version) && std::find(validated.begin(), validated.end(), key) != validated.end();
}

std::optional<Parsed> parse_default(const KeySpec& spec) {
  if (spec.required || spec.default_value == "null") return std::nullopt;
  if (spec.default_value == "\"\"") return parse(spec.type, "");
  return parse(spec.type, spec.default_value);
}

}  // namespace zklint::support::kafka
