// ZKL204 invalid-value-type: a value ConfigDef cannot parse as the key's type.
#include <cctype>

#include "support/kafka_reporting.hpp"
#include "support/kafka_settings.hpp"
#include "support/value_types.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaInvalidValueType)

namespace zklint::rules {
namespace {

// The zk-client rules check the ZooKeeper timeouts themselves, with the milliseconds meant.
// `num.partitions=3 # three`: the value would parse without the comment, and inline-comment
// reports that cause as the error, once.
bool inline_comment_is_the_cause(const LintContext& ctx, const support::KafkaSettings::Setting& s) {
  const std::string_view value = s.entry->value;
  const auto marker = support::inline_comment_start(value);
  if (!marker || !support::malformed_value_fatal(ctx, *s.entry)) return false;
  std::size_t cut = *marker;
  while (cut > 0 && (value[cut - 1] == ' ' || value[cut - 1] == '\t')) --cut;
  return support::kafka::parse(s.key.spec->type, value.substr(0, cut)).ok;
}

bool owned_elsewhere(std::string_view key) {
  return key == "zookeeper.session.timeout.ms" || key == "zookeeper.connection.timeout.ms";
}

// "30s", "1GB", "7 days": a number with a unit, which ConfigDef never accepts.
bool number_with_unit(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i == 0 || i == t.size()) return false;
  while (i < t.size() && t[i] == ' ') ++i;
  for (; i < t.size(); ++i) {
    if (!std::isalpha(static_cast<unsigned char>(t[i]))) return false;
  }
  return true;
}

std::string advice(const support::KafkaSettings::Setting& s) {
  const std::string_view t = s.parsed.text.text;
  using kafka_catalog::Type;
  const bool integer = s.key.spec->type == Type::int_ || s.key.spec->type == Type::short_ || s.key.spec->type == Type::long_;
  if (integer && number_with_unit(t)) return "write the plain number, in the unit the key's name gives (.ms: milliseconds, .bytes: bytes)";
  if (integer && (t.find('_') != std::string_view::npos || t.find(',') != std::string_view::npos)) return "write the digits without grouping";
  if (t.empty()) return "an empty value is not " + std::string(support::kafka::type_description(s.key.spec->type)) + "; remove the line to get the default";
  return "";
}

}  // namespace

const RuleMeta& KafkaInvalidValueType::meta() const {
  static const RuleMeta m{
      .code = "ZKL204",
      .name = "invalid-value-type",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A value Kafka cannot parse as the setting's type (boolean, int, long, double, class): the broker refuses to start",
      .doc = R"md(
The broker parses every setting it defines with ConfigDef, after trimming blanks off both
ends, and stops at the first one that does not parse: `ConfigException: Invalid value X
for configuration K` with the reason (expected true or false, not a number of type INT,
class could not be found).

- **boolean**: `true` or `false` in any case. `yes`, `1`, `on` and the empty value fail.
- **int, short, long**: an optional sign and decimal digits, within the type's range. No
  units (`30s`, `1GB`), no digit grouping (`1_000`, `1,000`), no hex, no blanks inside.
- **double**: Java's `Double.parseDouble` (`0.5`, `5e-1`, `NaN`).
- **class**: a Java class name (`org.apache.kafka...Foo`). zklint checks the form; whether
  the class is on the broker's classpath only the broker knows.

Listener overrides (`listener.name.<l>.<key>`) are parsed with the type of `<key>`. Quoted
values are a frequent cause (`auto.create.topics.enable="false"`): the quotes are part of
the value, and the fix removes them. The ZooKeeper timeouts are checked by
`zk-timeout-invalid`.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "auto.create.topics.enable=\"false\"\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "auto.create.topics.enable=false\n"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.retention.ms=7d\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "auto.create.topics.enable=FALSE\nlog.retention.ms=604800000\n",
                .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void KafkaInvalidValueType::check(const LintContext& ctx, Reporter& out) const {
  for (const auto& s : ctx.model<support::KafkaSettings>().settings()) {
    if (s.parsed.ok || owned_elsewhere(s.entry->key) || inline_comment_is_the_cause(ctx, s)) continue;
    auto d = out.report_value_part(*s.entry, s.parsed.problem_span.begin, s.parsed.problem_span.end,
                                   quoted(s.parsed.text.text) + " is " + s.parsed.problem + ", so " + support::refuses_to_start(*s.entry));
    const std::string_view t = s.parsed.text.text;
    const bool quoted_and_fine = support::wrapped_in_quotes(t) && support::kafka::parse(s.key.spec->type, t.substr(1, t.size() - 2)).ok;
    if (quoted_and_fine) support::explain_quotes(*s.entry, d, true);
    else if (const std::string a = advice(s); !a.empty()) d.help(a);
  }
}

}  // namespace zklint::rules
