// ZKL205 value-out-of-range: a number outside the range the setting's validator allows.
#include "support/kafka_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaValueOutOfRange)

namespace zklint::rules {

const RuleMeta& KafkaValueOutOfRange::meta() const {
  static const RuleMeta m{
      .code = "ZKL205",
      .name = "value-out-of-range",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A number outside the range Kafka allows for the setting (such as num.partitions=0): the broker refuses to start",
      .doc = R"md(
Many numeric settings carry a range validator, shown in the Kafka docs as `[1,...]` (at
least 1), `[0,...,1]` (between 0 and 1) or `[1,...,9] or -1`. The broker checks it when it
reads the config and stops: `ConfigException: Invalid value 0 for configuration
num.partitions: Value must be at least 1`.

The ranges come from the catalog of the assumed Kafka version, since they change between
releases (`log.segment.bytes` must be at least 14 bytes before 4.0 and at least 1 MiB
from 4.0). Listener overrides are checked with the range of the setting they override.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nnum.partitions=0\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nnum.partitions=1\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaValueOutOfRange::check(const LintContext& ctx, Reporter& out) const {
  for (const auto& s : ctx.model<support::KafkaSettings>().settings()) {
    if (!s.violation || s.violation->kind != support::kafka::ViolationKind::range) continue;
    out.report_value_part(*s.entry, s.violation->span.begin, s.violation->span.end,
                          quoted(s.entry->key) + " " + s.violation->message + ", not " + std::string(s.violation->span.text) + ", so " +
                              support::refuses_to_start(*s.entry));
  }
}

}  // namespace zklint::rules
