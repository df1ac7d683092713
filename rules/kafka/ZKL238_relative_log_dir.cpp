// ZKL238 relative-log-dir: a Kafka data directory given as a relative path.
#include "support/kafka_model.hpp"
#include "support/kafka_values.hpp"
#include "support/zookeeper_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaRelativeLogDir)

namespace zklint::rules {

namespace {

std::string relative_dir_message(std::string_view key, std::string_view dir) {
  const std::string why = !dir.empty() && dir.front() == '~' ? " (Java does not expand '~': it is a directory named '~')"
                          : dir.find("://") != std::string_view::npos ? " (Kafka keeps its logs on local disks only: a URL is read as a file name)"
                                                                       : "";
  return std::string(key) + " " + quoted(dir) + " is a relative path" + why +
         ": it is resolved against the directory the broker is started from, so a start from another directory finds no data there and writes a new "
         "log directory";
}

// Left to other rules: "/var/lib/kafka" (the quotes, ZKL225) and D:kafka, which is what
// Properties.load makes of D:\kafka (the backslash, ZKL006).
bool reported_elsewhere(std::string_view dir) {
  const bool quoted = !dir.empty() && (dir.front() == '"' || dir.front() == '\'');
  const bool drive = dir.size() >= 2 && ((dir[0] >= 'A' && dir[0] <= 'Z') || (dir[0] >= 'a' && dir[0] <= 'z')) && dir[1] == ':';
  return quoted || drive;
}

}  // namespace

const RuleMeta& KafkaRelativeLogDir::meta() const {
  static const RuleMeta m{
      .code = "ZKL238",
      .name = "relative-log-dir",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "log.dirs, log.dir or metadata.log.dir is a relative path, resolved against the directory the broker is started from",
      .doc = R"md(
Kafka opens its log directories with `java.io.File`, which resolves a relative path such as
`data/kafka` (or `~/kafka`: Java does not expand `~`) against the working directory of the
JVM. The broker starts, but the data lands wherever `kafka-server-start.sh` happened to be
run: started from another directory (a service manager, another shell), the broker finds an
empty log directory, writes a new `meta.properties` and, in KRaft, does not find its
formatted metadata directory at all. A warning, not an error: nothing stops the broker.

Use an absolute path. The ZooKeeper side has the same check (ZKL407).
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=data/kafka\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaRelativeLogDir::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* e = model.log_dirs_entry();
  if (e != nullptr && model.log_dirs()) {
    for (const auto& dir : *model.log_dirs()) {
      if (support::absolute_path(dir.text) || reported_elsewhere(dir.text)) continue;
      out.report_value_part(*e, dir.begin, dir.end, relative_dir_message(e->key, dir.text)).help("use an absolute path, such as /var/lib/kafka/data");
    }
  }
  const Entry* metadata = model.entry("metadata.log.dir");
  if (metadata != nullptr && !ctx.value_templated(*metadata) && model.spec("metadata.log.dir") != nullptr) {
    const auto dir = support::kafka::trimmed(metadata->value);
    if (!dir.text.empty() && !support::absolute_path(dir.text) && !reported_elsewhere(dir.text)) {
      out.report_value_part(*metadata, dir.begin, dir.end, relative_dir_message(metadata->key, dir.text)).help("use an absolute path");
    }
  }
}

}  // namespace zklint::rules
