// ZKL509 shared-log-dir: two brokers of one machine use the same log directory.
#include "support/cluster_nodes.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(SharedLogDir)

namespace zklint::rules {
namespace {

// The log directories as java.io.File compares them, with the offsets of each in its text.
std::vector<std::pair<std::string, support::kafka::Span>> log_dirs(const support::Node& node) {
  std::vector<std::pair<std::string, support::kafka::Span>> out;
  const support::KafkaModel& kafka = node.kafka->kafka();
  if (!kafka.log_dirs()) return out;
  for (const support::kafka::Span& dir : *kafka.log_dirs()) {
    out.emplace_back(support::java_file_path(dir.text), dir);
  }
  return out;
}

}  // namespace

const RuleMeta& SharedLogDir::meta() const {
  static const RuleMeta m{
      .code = "ZKL509",
      .name = "shared-log-dir",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Two Kafka nodes on one machine use the same log directory",
      .doc = R"md(
At startup a Kafka node locks each of its log directories with a `.lock` file
(`LogManager.lockLogDirs`, `LogManager.scala @3.9`). A second node on the same machine
with a directory in common cannot take the lock ("Failed to acquire lock on file .lock
... A Kafka instance in another process or thread is using this directory") and stops.
So this is an error. Both nodes leaving `log.dirs` and `log.dir` unset share the default
`/tmp/kafka-logs`.

zklint reports it only with evidence that the nodes run together (one declared cluster,
or files that number one series) and on one machine (the `host` that
`.zklint.json` gives both, only loopback addresses on both nodes, or the same explicit host name).
Relative directories are compared as written: they depend on where each node starts.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://localhost:9092\nzookeeper.connect=localhost:2181,localhost:2182,localhost:2183/kafka\n",
               .file_name = "server-1.properties",
               .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data\nlisteners=PLAINTEXT://localhost:9093\nzookeeper.connect=localhost:2181,localhost:2182,localhost:2183/kafka\n",
               .companion_name = "server-2.properties",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data-1\nlisteners=PLAINTEXT://localhost:9092\nzookeeper.connect=localhost:2181,localhost:2182,localhost:2183/kafka\n",
                .file_name = "server-1.properties",
                .companion = "broker.id=2\nlog.dirs=/var/lib/kafka/data-2\nlisteners=PLAINTEXT://localhost:9093\nzookeeper.connect=localhost:2181,localhost:2182,localhost:2183/kafka\n",
                .companion_name = "server-2.properties",
                .kafka_version = "3.9"}},
  };
  return m;
}

void SharedLogDir::check(const LintContext& ctx, Reporter& out) const {
  if (ctx.cluster() == nullptr) return;
  const auto& nodes = ctx.cluster()->model<support::ClusterNodes>();
  const support::Node* me = nodes.find(ctx);
  if (me == nullptr || me->kafka == nullptr) return;
  const auto mine = log_dirs(*me);
  const auto mates = nodes.machine_mates(*me);
  for (const auto& [dir, span] : mine) {
    for (const support::Node* mate : mates) {
      if (mate->kafka == nullptr) continue;
      const support::Node& other = *mate;
      const auto theirs = log_dirs(other);
      const auto match = std::find_if(theirs.begin(), theirs.end(), [&](const auto& t) { return t.first == dir; });
      if (match == theirs.end()) continue;
      const std::string message = "log directory " + dir + " is also used by " + other.path() + ", on the same machine (" +
                                  nodes.same_machine_reason(*me, other) + "): whichever starts second cannot lock it and stops";
      const Entry* entry = me->kafka->kafka().log_dirs_entry();
      auto d = entry != nullptr ? out.report_value_part(*entry, span.begin, span.end, message) : out.report_file(message + " (log.dirs is not set: the default)");
      if (const Entry* their_entry = other.kafka->kafka().log_dirs_entry()) {
        d.related(other.path(), their_entry->value_source_range(other.ctx->source(), match->second.begin, match->second.end), "the same directory");
      }
      break;
    }
  }
}

}  // namespace zklint::rules
