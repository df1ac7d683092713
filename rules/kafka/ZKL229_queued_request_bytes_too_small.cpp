// ZKL229 queued-request-bytes-too-small: queued.max.request.bytes below socket.request.max.bytes.
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaQueuedRequestBytesTooSmall)

namespace zklint::rules {

const RuleMeta& KafkaQueuedRequestBytesTooSmall::meta() const {
  static const RuleMeta m{
      .code = "ZKL229",
      .name = "queued-request-bytes-too-small",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "queued.max.request.bytes is positive but smaller than socket.request.max.bytes: the broker refuses to start",
      .doc = R"md(
`queued.max.request.bytes` caps the bytes of requests waiting to be processed (default -1:
no cap). A cap must hold at least one request of the largest size the broker accepts,
`socket.request.max.bytes` (default 104857600, 100 MiB); otherwise the broker stops:
`IllegalArgumentException: requirement failed: queued.max.request.bytes must be larger or
equal to socket.request.max.bytes`.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nqueued.max.request.bytes=52428800\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nqueued.max.request.bytes=524288000\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaQueuedRequestBytesTooSmall::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* queued_entry = model.entry("queued.max.request.bytes");
  const Entry* request_entry = model.entry("socket.request.max.bytes");
  const auto queued = model.integer("queued.max.request.bytes");
  const auto request = model.integer("socket.request.max.bytes");
  if (!queued || !request || *queued <= 0 || *queued >= *request || (queued_entry == nullptr && request_entry == nullptr)) return;
  const Entry& at = queued_entry != nullptr ? *queued_entry : *request_entry;
  auto d = out.report_value(at, "queued.max.request.bytes " + std::to_string(*queued) + " is smaller than socket.request.max.bytes " + std::to_string(*request) +
                                    ", so Kafka refuses to start (requirement failed: queued.max.request.bytes must be larger or equal to "
                                    "socket.request.max.bytes)");
  if (queued_entry != nullptr && request_entry != nullptr) d.related(request_entry->value_range, "socket.request.max.bytes is set here");
}

}  // namespace zklint::rules
