// ZKL207 empty-value: an empty value for a setting whose validator requires text.
#include "support/kafka_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaEmptyValue)

namespace zklint::rules {

const RuleMeta& KafkaEmptyValue::meta() const {
  static const RuleMeta m{
      .code = "ZKL207",
      .name = "empty-value",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "An empty value for a setting that must not be empty: the broker refuses to start",
      .doc = R"md(
Some string settings carry a non-empty validator (shown as `non-empty string` in the docs),
for example `remote.log.storage.manager.impl.prefix` or `sasl.oauthbearer.jwks.endpoint.url`
in some versions. `key=` or a value of blanks (Kafka trims it) stops the broker with
`ConfigException: Invalid value for configuration K: String must be non-empty`.

Remove the line to get the default, or give a value.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "remote.log.storage.manager.impl.prefix=\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "remote.log.storage.manager.impl.prefix=rsm.config.\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaEmptyValue::check(const LintContext& ctx, Reporter& out) const {
  for (const auto& s : ctx.model<support::KafkaSettings>().settings()) {
    if (!s.violation || s.violation->kind != support::kafka::ViolationKind::non_empty) continue;
    out.report_value(*s.entry, quoted(s.entry->key) + " must not be empty, so " + support::refuses_to_start(*s.entry))
        .help("remove the line to get the default, or give a value");
  }
}

}  // namespace zklint::rules
