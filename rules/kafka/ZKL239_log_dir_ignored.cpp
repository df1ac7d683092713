// ZKL239 log-dir-ignored: log.dir set next to log.dirs, which wins.
#include "support/kafka_model.hpp"
#include "support/kafka_values.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaLogDirIgnored)

namespace zklint::rules {

const RuleMeta& KafkaLogDirIgnored::meta() const {
  static const RuleMeta m{
      .code = "ZKL239",
      .name = "log-dir-ignored",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "log.dir and log.dirs are both set, to different directories: log.dir is ignored",
      .doc = R"md(
The broker takes its data directories from `log.dirs` and reads `log.dir` only when
`log.dirs` is not set (`KafkaConfig.logDirs`: `log.dirs`, else `log.dir`; @2.0 to @4.2). With
both set to different directories, the `log.dir` line does nothing, and whoever reads the file
may well look for the data there. The same value twice is harmless and not reported.

Keep `log.dirs` and remove `log.dir`.
)md",
      .bad = {{.text = "broker.id=1\nlog.dir=/data/kafka\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaLogDirIgnored::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* dir = model.entry("log.dir");
  const Entry* dirs = model.entry("log.dirs");
  if (dir == nullptr || dirs == nullptr || ctx.value_templated(*dir) || ctx.value_templated(*dirs)) return;
  const auto dir_items = support::kafka::split_csv(dir->value);
  const auto dirs_items = support::kafka::split_csv(dirs->value);
  const bool same = dir_items.size() == dirs_items.size() &&
                    std::equal(dir_items.begin(), dir_items.end(), dirs_items.begin(), [](const auto& a, const auto& b) { return a.text == b.text; });
  if (same) return;
  out.report_key(*dir, "log.dir is ignored because log.dirs is set: the broker stores its data in " + quoted(java_trim(dirs->value)) + ", not in " +
                           quoted(java_trim(dir->value)))
      .related(dirs->value_range, "log.dirs is set here")
      .help("remove log.dir");
}

}  // namespace zklint::rules
