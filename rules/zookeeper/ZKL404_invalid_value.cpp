// ZKL404 invalid-value: a number, boolean or peer type that QuorumPeerConfig cannot parse.
#include <cctype>

#include "support/value_types.hpp"
#include "support/value_edits.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zookeeper_keys.hpp"
#include "zookeeper_releases.hpp"

ZKL_RULE(InvalidValue)

namespace zklint::rules {
namespace {

using zookeeper_keys::ValueType;

bool checked(ValueType t) {
  return t == ValueType::int_ || t == ValueType::long_ || t == ValueType::bool_ || t == ValueType::choice || t == ValueType::hex_long;
}

// Long.parseLong(text, 16) with its sign rules; `version` is read this way, untrimmed.
bool hex_long(std::string_view text) {
  std::size_t i = !text.empty() && (text[0] == '+' || text[0] == '-') ? 1 : 0;
  if (i == text.size() || text.size() - i > 16) return false;
  for (; i < text.size(); ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// The booleans QuorumPeerConfig checked on every line; the others only from 3.7 on.
bool always_strict(std::string_view key) { return key == "standaloneEnabled" || key == "reconfigEnabled"; }

bool parses(ValueType type, std::string_view value) {
  const std::string_view t = java_trim(value);
  switch (type) {
    case ValueType::int_: return support::java_int(t).has_value();
    case ValueType::long_: return support::java_long(t).has_value();
    case ValueType::bool_: return iequals(t, "true") || iequals(t, "false");
    case ValueType::choice: return iequals(t, "participant") || iequals(t, "observer");
    case ValueType::hex_long: return hex_long(value);
    default: return true;
  }
}

// The unit a key's number is counted in, for "2s"-style values.
std::string_view unit_of(std::string_view key) {
  if (key == "autopurge.purgeInterval") return "h";
  if (key == "tickTime" || key == "minSessionTimeout" || key == "maxSessionTimeout" || ends_with(key, ".ms") || ends_with(key, "Ms")) return "ms";
  return "";
}

// "2s", "2000 ms", "1h": the number in the key's own unit, when it is a whole number.
std::optional<std::int64_t> convert_units(std::string_view text, std::string_view unit) {
  std::size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == 0 || i > 9) return std::nullopt;
  const std::int64_t n = std::stoll(std::string(text.substr(0, i)));
  std::size_t j = i;
  while (j < text.size() && text[j] == ' ') ++j;
  const std::string suffix = to_lower(text.substr(j));
  std::int64_t ms = 0;
  if (suffix == "ms") ms = n;
  else if (suffix == "s" || suffix == "sec" || suffix == "secs" || suffix == "seconds") ms = n * 1000;
  else if (suffix == "m" || suffix == "min" || suffix == "mins" || suffix == "minutes") ms = n * 60'000;
  else if (suffix == "h" || suffix == "hr" || suffix == "hrs" || suffix == "hours") ms = n * 3'600'000;
  else if (suffix == "d" || suffix == "day" || suffix == "days") ms = n * 86'400'000;
  else return std::nullopt;
  if (unit == "ms") return ms <= 2147483647 ? std::optional<std::int64_t>(ms) : std::nullopt;
  if (unit == "h" && ms % 3'600'000 == 0) return ms / 3'600'000;
  return std::nullopt;
}

std::string expected(ValueType type) {
  switch (type) {
    case ValueType::int_: return "a whole number (Integer.parseInt: digits and an optional sign, no units, no blanks)";
    case ValueType::long_: return "a whole number (Long.parseLong: digits and an optional sign)";
    case ValueType::bool_: return "true or false";
    case ValueType::choice: return "participant or observer";
    case ValueType::hex_long: return "a hexadecimal number (Long.parseLong with radix 16, untrimmed)";
    default: return "a valid value";
  }
}

std::string java_error(ValueType type, std::string_view key, std::string_view value) {
  switch (type) {
    case ValueType::bool_: return "ConfigException: Invalid option " + std::string(java_trim(value)) + " for " + std::string(key) + ". Choose 'true' or 'false.'";
    case ValueType::choice: return "ConfigException: Unrecognised peertype: " + std::string(java_trim(value));
    default: return "NumberFormatException: For input string: \"" + std::string(type == ValueType::hex_long ? value : java_trim(value)) + "\"";
  }
}

}  // namespace

const RuleMeta& InvalidValue::meta() const {
  static const RuleMeta m{
      .code = "ZKL404",
      .name = "invalid-value",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A number, boolean or peer type that ZooKeeper cannot parse: it refuses to start",
      .doc = R"md(
`QuorumPeerConfig` parses the settings it knows as it reads the file and stops at the
first one it cannot read:

- **numbers** (`tickTime`, `clientPort`, `initLimit`, `maxClientCnxns`, ...) go through
  `Integer.parseInt` after trimming: digits with an optional sign. No units (`2s`,
  `2000ms`), no digit grouping, no hex, no blanks inside. ZooKeeper logs
  `ConfigException: Error processing zoo.cfg` caused by `NumberFormatException: For input
  string: "2s"` and exits. (Units for `autopurge.purgeInterval` only arrive after 3.9.)
- **booleans** (`standaloneEnabled`, `reconfigEnabled`, `sslQuorum`, ...) must be `true` or
  `false` in any case: `yes` fails with `Invalid option yes for standaloneEnabled. Choose
  'true' or 'false.'`. Before 3.7 (ZOOKEEPER-3721, `QuorumPeerConfig.java` @release-3.7.0)
  only `standaloneEnabled` and `reconfigEnabled` were checked; 3.5 and 3.6 read any other
  boolean with `Boolean.parseBoolean`, so `sslQuorum=yes` starts with the setting off: a
  warning there.
- **`peerType`** must be `participant` or `observer` (`Unrecognised peertype`).
- **`version`** (the dynamic-config version) is hexadecimal and read untrimmed.

The fix rewrites a number with a unit into the key's own unit (`tickTime=2s` becomes
`tickTime=2000`). A `#` comment after a value is reported by `inline-comment`, a bad
`tickTime` of 0 or below by `invalid-tick-time`.
)md",
      .bad = {{.text = "tickTime=2s\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n",
               .fixed = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nstandaloneEnabled=yes\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nlocalSessionsEnabled=yes\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n",
               .zookeeper_version = "3.6"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nstandaloneEnabled=TRUE\nautopurge.purgeInterval=+24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void InvalidValue::check(const LintContext& ctx, Reporter& out) const {
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.find(e.key) != &e || (ctx.key_templated(e) || support::placeholder_value(ctx, e))) continue;
    const zookeeper_keys::Key* key = zookeeper_keys::find(e.key);
    if (key == nullptr || key->handling != zookeeper_keys::Handling::parsed || !checked(key->type) || parses(key->type, e.value)) continue;
    if (!e.continued && support::inline_comment_start(e.value)) continue;  // inline-comment reports it
    // `version` is read untrimmed: trailing blanks alone are trailing-whitespace's finding.
    if (key->type == ValueType::hex_long && parses(key->type, java_trim(e.value))) continue;
    if (!zookeeper_fact::reads_key(*key, ctx.zookeeper_version())) continue;  // unknown-zookeeper-key: not read at all

    const std::string_view t = java_trim(e.value);
    if (key->type == ValueType::bool_ && !always_strict(e.key) && !zookeeper_fact::strict_boolean_values.holds_in(ctx.zookeeper_version())) {
      support::report_trimmed_value(out, e, quoted(t) + " is not true or false: ZooKeeper " + ctx.zookeeper_version_text() +
                                                " reads it as false (Boolean.parseBoolean), so " + std::string(e.key) + " is off")
          .severity(Severity::warning)
          .help("write true or false; ZooKeeper 3.7 and later refuse to start on any other value");
      continue;
    }
    auto d = support::report_trimmed_value(out, e, quoted(t) + " is not " + expected(key->type) + ": ZooKeeper refuses to start (" +
                                                        java_error(key->type, e.key, e.value) + ")");
    const auto [begin, end] = support::trimmed_span(e.value);
    const std::string_view unit = unit_of(e.key);
    if (!unit.empty()) {
      if (const auto n = convert_units(t, unit)) {
        const std::string replacement = std::to_string(*n);
        d.help(std::string(e.key) + " is a plain number of " + (unit == "ms" ? "milliseconds" : "hours"))
            .suggest(std::string(e.key) + "=" + replacement)
            .fix("write the value in " + std::string(unit == "ms" ? "milliseconds" : "hours"), {support::replace_in_value(e, begin, end, replacement)});
        continue;
      }
    }
    if (t.size() >= 2 && (t.front() == '"' || t.front() == '\'') && t.back() == t.front() && parses(key->type, t.substr(1, t.size() - 2))) {
      d.help("the quotes are part of the value in a .properties file")
          .fix("remove the quotes", {support::replace_in_value(e, begin, end, std::string(t.substr(1, t.size() - 2)))});
      continue;
    }
    if (key->type == ValueType::int_ || key->type == ValueType::long_) {
      std::string digits;
      for (const char c : t) {
        if (c != '_' && c != ',' && c != ' ') digits += c;
      }
      if (digits != t && parses(key->type, digits)) {
        d.help("write the digits without grouping").fix("remove the digit grouping", {support::replace_in_value(e, begin, end, digits)});
      }
    }
  }
}

}  // namespace zklint::rules
