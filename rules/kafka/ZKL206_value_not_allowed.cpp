// ZKL206 value-not-allowed: a value that is not one of the setting's allowed values.
#include "support/kafka_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaValueNotAllowed)

namespace zklint::rules {

const RuleMeta& KafkaValueNotAllowed::meta() const {
  static const RuleMeta m{
      .code = "ZKL206",
      .name = "value-not-allowed",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A value that is not one of the setting's allowed values (log.cleanup.policy=Delete): the broker refuses to start",
      .doc = R"md(
Settings with a fixed set of values check it when the broker reads the config, and most of
them **case-sensitively**: `log.cleanup.policy=Delete`, `ssl.client.auth=NONE` or
`security.inter.broker.protocol=ssl` (from 3.3) stop the broker with `ConfigException:
Invalid value ... String must be one of: ...`. A few are case-insensitive (marked so in
the docs); the message says which. For lists, every item is checked, and an empty item
(`compact,`) is not a member either.

Version settings (`inter.broker.protocol.version`, `log.message.format.version`) must name
a version the broker knows: `3.9`, `3.9-IV0`, or `3.9.1` (read as 3.9); `4.5` on a 3.9
broker fails. Before 3.3, `compression.type` and `security.inter.broker.protocol` had no
validator but KafkaConfig checked them, case-insensitively; zklint applies those checks to
the old versions.

When a value differs from an allowed one only in case, the fix corrects it.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.cleanup.policy=Delete\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.cleanup.policy=delete\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.cleanup.policy=compact,delete\n",
                .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void KafkaValueNotAllowed::check(const LintContext& ctx, Reporter& out) const {
  for (const auto& s : ctx.model<support::KafkaSettings>().settings()) {
    if (!s.violation || s.violation->kind != support::kafka::ViolationKind::one_of) continue;
    const Entry& e = *s.entry;
    const auto& v = *s.violation;
    auto d = out.report_value_part(e, v.span.begin, v.span.end,
                                   quoted(v.span.text) + " is not allowed for " + quoted(e.key) + ": it " + v.message + ", so " +
                                       support::refuses_to_start(e));
    support::explain_quotes(e, d, false);
    if (v.suggestion.empty()) continue;
    d.suggest(v.suggestion);
    // Only a difference in case is certainly a slip; other near misses are left to the operator.
    const FixSafety safety = iequals(v.suggestion, v.span.text) ? FixSafety::safe : FixSafety::unsafe;
    d.fix("replace with " + v.suggestion, {{e.value_map.source_begin(v.span.begin), e.value_map.source_end(v.span.end), escape_properties_value(v.suggestion)}},
          safety);
  }
}

}  // namespace zklint::rules
