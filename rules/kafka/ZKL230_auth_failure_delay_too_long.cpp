// ZKL230 auth-failure-delay-too-long: connection.failed.authentication.delay.ms not below connections.max.idle.ms.
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaAuthFailureDelayTooLong)

namespace zklint::rules {

const RuleMeta& KafkaAuthFailureDelayTooLong::meta() const {
  static const RuleMeta m{
      .code = "ZKL230",
      .name = "auth-failure-delay-too-long",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "connection.failed.authentication.delay.ms is not below connections.max.idle.ms: the broker refuses to start",
      .doc = R"md(
After a failed authentication the broker waits `connection.failed.authentication.delay.ms`
(default 100) before it closes the connection. The idle timeout
`connections.max.idle.ms` (default 600000) would close the connection first, so Kafka
(2.1 and later) requires the delay to be smaller and stops otherwise:
`IllegalArgumentException: requirement failed: connection.failed.authentication.delay.ms
should always be less than connections.max.idle.ms to prevent failed authentication
responses from timing out`. A negative `connections.max.idle.ms` (no idle timeout) is exempt.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nconnections.max.idle.ms=100\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nconnections.max.idle.ms=60000\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaAuthFailureDelayTooLong::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* delay_entry = model.entry("connection.failed.authentication.delay.ms");
  const Entry* idle_entry = model.entry("connections.max.idle.ms");
  const auto delay = model.integer("connection.failed.authentication.delay.ms");
  const auto idle = model.integer("connections.max.idle.ms");
  if (!delay || !idle || *idle < 0 || *delay < *idle || (delay_entry == nullptr && idle_entry == nullptr)) return;
  const Entry& at = delay_entry != nullptr ? *delay_entry : *idle_entry;
  auto d = out.report_value(at, "connection.failed.authentication.delay.ms " + std::to_string(*delay) + " is not below connections.max.idle.ms " +
                                    std::to_string(*idle) + ", so Kafka refuses to start (requirement failed: the failed authentication delay "
                                    "must be less than connections.max.idle.ms)");
  if (delay_entry != nullptr && idle_entry != nullptr) d.related(idle_entry->value_range, "connections.max.idle.ms is set here");
}

}  // namespace zklint::rules
