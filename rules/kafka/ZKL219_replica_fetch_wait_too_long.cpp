// ZKL219 replica-fetch-wait-too-long: replica.fetch.wait.max.ms above the socket or lag timeout.
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaReplicaFetchWaitTooLong)

namespace zklint::rules {

const RuleMeta& KafkaReplicaFetchWaitTooLong::meta() const {
  static const RuleMeta m{
      .code = "ZKL219",
      .name = "replica-fetch-wait-too-long",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "replica.fetch.wait.max.ms exceeds replica.socket.timeout.ms or replica.lag.time.max.ms: the broker refuses to start",
      .doc = R"md(
A follower's fetch request may wait up to `replica.fetch.wait.max.ms` (default 500) on the
leader. Kafka requires that wait to fit in both the follower's socket timeout
(`replica.socket.timeout.ms`, default 30000) and the time after which a lagging follower
drops out of the ISR (`replica.lag.time.max.ms`, default 30000; 10000 before 2.5).
Otherwise it stops at startup with `IllegalArgumentException: requirement failed:
replica.socket.timeout.ms should always be at least replica.fetch.wait.max.ms ...` or
`... replica.fetch.wait.max.ms should always be less than or equal to
replica.lag.time.max.ms ...`.

Defaults count: lowering `replica.socket.timeout.ms` to 300 breaks the default wait of 500.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nreplica.fetch.wait.max.ms=60000\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nreplica.fetch.wait.max.ms=1000\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaReplicaFetchWaitTooLong::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const auto wait = model.integer("replica.fetch.wait.max.ms");
  if (!wait) return;
  const Entry* wait_entry = model.entry("replica.fetch.wait.max.ms");
  for (const std::string_view limit_key : {"replica.socket.timeout.ms", "replica.lag.time.max.ms"}) {
    const auto limit = model.integer(limit_key);
    const Entry* limit_entry = model.entry(limit_key);
    if (!limit || *wait <= *limit || (wait_entry == nullptr && limit_entry == nullptr)) continue;
    const auto describe = [](std::string_view key, std::int64_t v, const Entry* e) {
      return std::string(key) + " " + (e != nullptr ? "is " : "defaults to ") + std::to_string(v);
    };
    const std::string message = describe("replica.fetch.wait.max.ms", *wait, wait_entry) + ", more than " + describe(limit_key, *limit, limit_entry) +
                                ", so Kafka refuses to start (requirement failed: replica.fetch.wait.max.ms must not exceed " + std::string(limit_key) + ")";
    auto d = wait_entry != nullptr ? out.report_value(*wait_entry, message) : out.report_value(*limit_entry, message);
    if (wait_entry != nullptr && limit_entry != nullptr) d.related(limit_entry->value_range, std::string(limit_key) + " is set here");
  }
}

}  // namespace zklint::rules
