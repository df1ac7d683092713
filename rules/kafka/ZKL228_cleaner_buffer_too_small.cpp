// ZKL228 cleaner-buffer-too-small: log.cleaner.dedupe.buffer.size per cleaner thread at most 1 MiB.
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaCleanerBufferTooSmall)

namespace zklint::rules {

const RuleMeta& KafkaCleanerBufferTooSmall::meta() const {
  static const RuleMeta m{
      .code = "ZKL228",
      .name = "cleaner-buffer-too-small",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "log.cleaner.dedupe.buffer.size leaves 1 MiB or less per log.cleaner.threads thread (or there are 0 threads): the broker refuses to start",
      .doc = R"md(
The log cleaner splits `log.cleaner.dedupe.buffer.size` (default 134217728, 128 MiB)
between its `log.cleaner.threads` (default 1). Kafka requires more than 1 MiB per thread
(integer division, so exactly 1 MiB is not enough) and stops otherwise:
`IllegalArgumentException: requirement failed: log.cleaner.dedupe.buffer.size must be at
least 1MB per cleaner thread.` Raising the thread count to 128 with the default buffer
trips it.

`log.cleaner.threads=0` passes its own range check but makes the same computation divide by
zero, and the broker stops with `ArithmeticException: / by zero`.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.cleaner.dedupe.buffer.size=1048576\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "log.cleaner.dedupe.buffer.size=268435456\nlog.cleaner.threads=2\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaCleanerBufferTooSmall::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* buffer_entry = model.entry("log.cleaner.dedupe.buffer.size");
  const Entry* threads_entry = model.entry("log.cleaner.threads");
  const auto buffer = model.integer("log.cleaner.dedupe.buffer.size");
  const auto threads = model.integer("log.cleaner.threads");
  if (!buffer || !threads || (buffer_entry == nullptr && threads_entry == nullptr)) return;
  const Entry& at = threads_entry != nullptr ? *threads_entry : *buffer_entry;
  if (*threads == 0) {
    out.report_value(*threads_entry, "log.cleaner.threads=0 makes Kafka divide log.cleaner.dedupe.buffer.size by zero when it checks the config, "
                                     "so it refuses to start (ArithmeticException: / by zero)");
    return;
  }
  constexpr std::int64_t one_mib = 1024 * 1024;
  if (*threads < 0 || *buffer / *threads > one_mib) return;
  out.report_value(at, "log.cleaner.dedupe.buffer.size " + std::to_string(*buffer) + " over " + std::to_string(*threads) +
                           " cleaner thread(s) leaves " + std::to_string(*buffer / *threads) +
                           " bytes per thread, not more than 1 MiB, so Kafka refuses to start (requirement failed: log.cleaner.dedupe.buffer.size "
                           "must be at least 1MB per cleaner thread)");
}

}  // namespace zklint::rules
