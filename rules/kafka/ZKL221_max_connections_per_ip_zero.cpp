// ZKL221 max-connections-per-ip-zero: max.connections.per.ip=0 without overrides.
#include "support/kafka_model.hpp"
#include "zklint/grammar/listeners.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaMaxConnectionsPerIpZero)

namespace zklint::rules {

const RuleMeta& KafkaMaxConnectionsPerIpZero::meta() const {
  static const RuleMeta m{
      .code = "ZKL221",
      .name = "max-connections-per-ip-zero",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "max.connections.per.ip=0 without max.connections.per.ip.overrides: the broker refuses to start",
      .doc = R"md(
`max.connections.per.ip=0` allows no connection from any address, which only makes sense
together with `max.connections.per.ip.overrides` that let some hosts in. Without overrides
Kafka refuses it at startup: `IllegalArgumentException: requirement failed:
max.connections.per.ip can be set to zero only if max.connections.per.ip.overrides property
is set.`

An overrides value of only commas (`max.connections.per.ip.overrides=,`) is no better: Kafka's
`Csv.parseCsvMap` splits it with `String.split`, which drops trailing empty strings, and the
map comes out empty (`KafkaConfig.scala` `validateValues`, @2.0 to @4.2).

To lift the limit instead, remove the line (the default is 2147483647).
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nmax.connections.per.ip=0\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nmax.connections.per.ip=0\n"
                        "max.connections.per.ip.overrides=10.0.0.5:100,monitoring.example.com:10\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaMaxConnectionsPerIpZero::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* e = model.entry("max.connections.per.ip");
  const auto limit = model.integer("max.connections.per.ip");
  if (e == nullptr || !limit || *limit != 0 || model.templated("max.connections.per.ip.overrides") || model.template_structure()) return;
  // Csv.parseCsvMap splits with String.split, which drops trailing empty strings: a value of only
  // commas and blanks is an empty map, not an error.
  const Entry* overrides = model.entry("max.connections.per.ip.overrides");
  if (overrides != nullptr && !grammar::listeners::parse_csv_map(overrides->value).empty()) return;
  const bool blank = overrides == nullptr || java_trim(overrides->value).empty();
  auto d = out.report_value(*e, std::string("max.connections.per.ip=0 ") +
                                    (blank ? "without max.connections.per.ip.overrides"
                                           : "with max.connections.per.ip.overrides " + quoted(java_trim(overrides->value)) + ", which names no host,") +
                                    " allows no connections at all, so Kafka refuses to start "
                                    "(requirement failed: max.connections.per.ip can be set to zero only if max.connections.per.ip.overrides is set)");
  if (overrides != nullptr && !blank) d.related(overrides->value_range, "max.connections.per.ip.overrides is set here");
  d.help("remove the line to lift the limit, or add max.connections.per.ip.overrides for the hosts that may connect");
}

}  // namespace zklint::rules
