// ZKL208 no-mode-setting: neither process.roles nor zookeeper.connect, and no version given.
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(NoModeSetting)

namespace zklint::rules {

const RuleMeta& NoModeSetting::meta() const {
  static const RuleMeta m{
      .code = "ZKL208",
      .name = "no-mode-setting",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Neither process.roles nor zookeeper.connect is set: a broker of any release refuses to start without one of them",
      .doc = R"md(
Every Kafka release needs one of the two settings that say where the cluster metadata lives:

- `zookeeper.connect` for a ZooKeeper-mode broker (Kafka 2.0 to 3.9): `ConfigException:
  Missing required configuration "zookeeper.connect" which has no default value`;
- `process.roles` for a KRaft node (from 2.8, and the only mode from 4.0):
  `ConfigException: Missing required configuration "process.roles" which has no default value`
  on 4.x.

A file with neither fails at startup whatever the release. Typical causes: a copy of the
stock config with the ZooKeeper section deleted, or a fragment meant to be merged into a
full config (then suppress the finding, or lint the merged file).

This rule runs when zklint picks the Kafka version itself: with neither key, nothing tells
the mode or the release, so it reports this one finding instead of the settings of a guessed
release. With `--kafka-version`, the required settings of that release are reported by
`zk-connect-missing` (before 4.0) and `kraft-required-setting`. Files whose keys come partly
from template code are not checked.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nnum.partitions=3\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nnum.partitions=3\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"}},
  };
  return m;
}

void NoModeSetting::check(const LintContext& ctx, Reporter& out) const {
  if (!ctx.model<support::KafkaModel>().mode_keys_missing()) return;
  out.report_file("neither process.roles nor zookeeper.connect is set, and a broker of any release refuses to start without one of them "
                  "(ConfigException: missing required configuration): KRaft nodes and Kafka 4.x need process.roles, ZooKeeper-mode "
                  "brokers before 4.0 need zookeeper.connect")
      .help("add the setting for your mode, or pass --kafka-version to check the file against one release");
}

}  // namespace zklint::rules
