// ZKL220 log-retention-or-roll-invalid: an effective retention of 0, a roll time below 1 ms, or a
// negative roll jitter.
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaLogRetentionOrRollInvalid)

namespace zklint::rules {

const RuleMeta& KafkaLogRetentionOrRollInvalid::meta() const {
  static const RuleMeta m{
      .code = "ZKL220",
      .name = "log-retention-or-roll-invalid",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "The effective log retention is 0, log.roll.ms is below 1, or log.roll.jitter.ms is negative: the broker refuses to start",
      .doc = R"md(
Time-based retention comes from the first of `log.retention.ms`, `log.retention.minutes`
and `log.retention.hours` (default 168) that is set; any negative value means "unlimited"
(-1). Zero is refused at startup: `IllegalArgumentException: requirement failed:
log.retention.ms must be unlimited (-1) or, greater than or equal to 1`. So
`log.retention.hours=0` meant as "delete immediately" stops the broker (and is shadowed by
`log.retention.ms` or `.minutes` when those are set).

Segments roll after `log.roll.ms`, or `log.roll.hours` when that is not set; the
effective value must be at least 1 (`requirement failed: log.roll.ms must be greater than
or equal to 1`), and `log.roll.jitter.ms` must not be negative. (`log.roll.hours` and
`log.roll.jitter.hours` have range validators of their own, see `value-out-of-range`.)
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.retention.hours=0\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.retention.hours=-1\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaLogRetentionOrRollInvalid::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  // Retention: the first of ms, minutes, hours that is set decides (KafkaConfig.logRetentionTimeMillis).
  for (const std::string_view key : {"log.retention.ms", "log.retention.minutes", "log.retention.hours"}) {
    const Entry* e = model.entry(key);
    if (e == nullptr) continue;
    const auto v = model.integer(key);
    if (v && *v == 0) {
      out.report_value(*e, std::string(key) + "=0 makes the retention time 0, so Kafka refuses to start (requirement failed: log.retention.ms must be "
                                              "unlimited (-1) or, greater than or equal to 1)")
          .help("use -1 for unlimited retention, or at least 1");
    }
    break;
  }
  const auto check_ms = [&](std::string_view key, std::int64_t minimum, std::string_view requirement) {
    const Entry* e = model.entry(key);
    const auto v = model.integer(key);
    if (e == nullptr || !v || *v >= minimum) return;
    out.report_value(*e, std::string(key) + " is " + std::to_string(*v) + ", so Kafka refuses to start (requirement failed: " + std::string(requirement) + ")");
  };
  check_ms("log.roll.ms", 1, "log.roll.ms must be greater than or equal to 1");
  check_ms("log.roll.jitter.ms", 0, "log.roll.jitter.ms must be greater than or equal to 0");
}

}  // namespace zklint::rules
