// ZKL218 no-log-dirs: log.dirs (or log.dir) yields no directory.
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaNoLogDirs)

namespace zklint::rules {

const RuleMeta& KafkaNoLogDirs::meta() const {
  static const RuleMeta m{
      .code = "ZKL218",
      .name = "no-log-dirs",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "log.dirs (or log.dir) is empty, so the broker has no data directory: it refuses to start",
      .doc = R"md(
The broker stores partitions in the directories of `log.dirs`, or of `log.dir` when
`log.dirs` is not set (default `/tmp/kafka-logs`). Both are split at commas with empty items
dropped. A present but empty value (`log.dirs=`, `log.dirs= , `) is not "unset": it leaves
no directory, and the broker stops: `IllegalArgumentException: requirement failed: At least
one log directory must be defined via log.dirs or log.dir.` (from 4.2, the list check
rejects the empty value first).

Typical cause: a template variable that rendered empty. Give a directory, or remove the
line to get the default.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaNoLogDirs::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  if (!model.log_dirs() || !model.log_dirs()->empty() || model.log_dirs_entry() == nullptr) return;
  const Entry& e = *model.log_dirs_entry();
  out.report_value(e, std::string(e.key) + " is " + (java_trim(e.value).empty() ? "empty" : "only commas") +
                          ", so the broker has no log directory and refuses to start (requirement failed: at least one log directory must be "
                          "defined via log.dirs or log.dir)");
}

}  // namespace zklint::rules
